/* Search suggestions under every search field that has data-autocomplete-url (/api/search/autocomplete/).
 *
 * The WAI-ARIA combobox pattern with a list popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * arrow keys move through the suggestions, Enter opens the chosen page, Escape closes the list, and a
 * live region tells screen-reader users how many suggestions there are. Progressive enhancement: without
 * this file (or JavaScript) the field is a plain search box of a form that works. Texts come translated
 * from the page (#autocomplete-messages, rendered by hub_tags.autocomplete_messages); no inline script,
 * so the Content-Security-Policy can forbid them.
 */
(function () {
    "use strict";

    var DELAY_MS = 200; // wait for a pause in typing: one request per pause, not one per letter
    var MIN_LENGTH = 2; // a single letter matches too much to help

    var source = document.getElementById("autocomplete-messages");
    if (!source || !window.fetch || !window.AbortController) {
        return;
    }
    var messages = JSON.parse(source.textContent);
    var maxShown = Object.keys(messages.counts).length;

    function enhance(input) {
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "autocomplete";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", messages.label);
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.classList.add("autocomplete-anchor");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("aria-expanded", "false");

        var suggestions = [];
        var active = -1;
        var timer = null;
        var pending = null; // the AbortController of the request in flight

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function select(index) {
            var options = list.children;
            active = (index + options.length) % options.length;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === active ? "true" : "false");
            }
            input.setAttribute("aria-activedescendant", options[active].id);
            options[active].scrollIntoView({block: "nearest"});
        }

        function open(index) {
            window.location.assign(suggestions[index].url);
        }

        function show(results) {
            suggestions = results.slice(0, maxShown);
            list.textContent = "";
            suggestions.forEach(function (suggestion, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.className = "autocomplete__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = suggestion.title;
                // Keep the focus in the field while the pointer chooses.
                option.addEventListener("mousedown", function (event) { event.preventDefault(); });
                option.addEventListener("click", function () { open(index); });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = messages.counts[suggestions.length];
            } else {
                close();
                status.textContent = messages.none;
            }
        }

        function request(query) {
            if (pending) {
                pending.abort(); // an answer to older letters must not replace a newer one
            }
            pending = new AbortController();
            var url = new URL(input.dataset.autocompleteUrl, window.location.href);
            url.searchParams.set("q", query);
            url.searchParams.set("lang", document.documentElement.lang || "cs");
            fetch(url, {signal: pending.signal, headers: {Accept: "application/json"}})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    if (input.value.trim() === query && document.activeElement === input) {
                        show(data.results || []);
                    }
                })
                .catch(function (error) {
                    if (error.name !== "AbortError") {
                        close(); // suggestions are a help: the form still searches
                    }
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                if (pending) {
                    pending.abort();
                }
                close();
                return;
            }
            timer = window.setTimeout(function () { request(query); }, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var isOpen = !list.hidden;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!suggestions.length) {
                    return;
                }
                event.preventDefault();
                if (!isOpen) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                select(event.key === "ArrowDown" ? active + 1 : (active < 0 ? -1 : active - 1));
            } else if (event.key === "Enter" && isOpen && active >= 0) {
                event.preventDefault();
                open(active);
            } else if (event.key === "Escape" && isOpen) {
                event.preventDefault(); // the first Escape closes the list, the next clears the field
                close();
            } else if (event.key === "Tab") {
                close();
            }
        });

        input.addEventListener("blur", close);
    }

    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete-url][id]"), enhance);
}());

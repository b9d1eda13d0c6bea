/* The reader's region, remembered in this browser only (localStorage, no cookie, nothing sent
   anywhere else): a page with ?kraj=… or a region page remembers it, and pages with an empty
   "In your region" slot fetch the box for it. Without JavaScript the ?kraj= parameter alone works. */
(function () {
    "use strict";
    var KEY = "rozcestnik.region";
    var SLUG = /^[a-z0-9-]{1,80}$/;

    function stored() {
        try {
            var value = window.localStorage.getItem(KEY) || "";
            return SLUG.test(value) ? value : "";
        } catch (error) {
            return "";  // storage disabled: behave as without JavaScript
        }
    }

    function remember(slug) {
        try {
            if (slug) { window.localStorage.setItem(KEY, slug); } else { window.localStorage.removeItem(KEY); }
        } catch (error) { /* storage disabled */ }
    }

    function language() {
        return (document.documentElement.getAttribute("lang") || "cs").split("-")[0];
    }

    function enableForget(slot) {
        var button = slot.querySelector("[data-region-forget]");
        if (!button) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            remember("");
            slot.innerHTML = "";
        });
    }

    function fillSlot(slot, slug) {
        var url = "/" + language() + "/kraje/v-kraji/" + encodeURIComponent(slug) + "/";
        fetch(url, {credentials: "same-origin", headers: {"Accept": "text/html"}})
            .then(function (response) { return response.ok ? response.text() : ""; })
            .then(function (html) {
                if (html) {
                    slot.innerHTML = html;
                    enableForget(slot);
                } else {
                    remember("");  // the region no longer exists
                }
            })
            .catch(function () { /* offline: the chooser still works */ });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var chosen = new URLSearchParams(window.location.search).get("kraj");
        var page = document.querySelector("[data-remember-region]");
        var slug = chosen || (page && page.getAttribute("data-remember-region")) || "";
        if (SLUG.test(slug)) { remember(slug); }
        document.querySelectorAll("[data-region-box]").forEach(function (slot) {
            if (slot.getAttribute("data-region")) {
                enableForget(slot);
            } else if (stored()) {
                fillSlot(slot, stored());
            }
        });
    });
}());

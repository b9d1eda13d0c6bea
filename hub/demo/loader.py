"""Loads the demo content idempotently: objects are found by slug (pages under their parent, terms
per locale) or title (images, documents, helplines) and created only when missing. Existing objects
are kept as they are, because editors may have changed them since the last load.
"""

import datetime
from collections import Counter
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from hub.core.models import HomePage
from hub.core.page_tree import add_published_child, split_relations
from hub.demo import translation
from hub.demo.content import (
    events,
    goals,
    journeys,
    manuals,
    organisations,
    practices,
    site,
    taxonomy,
)
from hub.demo.content.blocks import audience_route, document, journey_step
from hub.demo.images import (
    LOGO_SIZE,
    PHOTO_SIZE,
    colour_for,
    logo_text,
    photo_text,
    placeholder_png,
)
from hub.demo.users import ensure_demo_users
from hub.events.models import EventPage
from hub.goals.models import OperationalGoal, OperationalGoalsPage
from hub.journeys.models import JourneyIndexPage, JourneyPage
from hub.manuals.models import ManualPage, ManualSourceDocument
from hub.organisations.editorial import WORKFLOW_NAME, setup_editorial
from hub.organisations.models import Helpline, OrganisationPage, OrganisationPlace
from hub.practices.models import GoodPracticePage
from hub.taxonomy.models import ActorType, Region, TargetGroup, Topic

LANGUAGES = ("cs", "uk", "en")
# Contact fields the demo's organisations may give (only what the seed documents say).
CONTACT_FIELDS = ("phone", "email", "street_address", "postal_code", "town", "opening_hours")
TRANSLATED_LANGUAGES = ("uk", "en")
# Who each "I am …" journey is for (target group slugs), so it is found by them too.
JOURNEY_TARGET_GROUPS = {
    "obec": ["obce", "socialni-pracovnici"],
    "skola": ["skoly", "zaci-omj"],
    "nno": ["nno"],
    "zamestnavatel": ["zamestnavatele"],
    "dobrovolnik": ["cizinci"],
}


class DemoReport:
    """What the load created and kept: one line per stage as it ends, each object at verbosity 2."""

    def __init__(self, write=None, verbosity=1):
        self.created = Counter()
        self.kept = Counter()
        self.write = write or (lambda line: None)
        self.verbosity = verbosity

    def record(self, kind, label, created):
        (self.created if created else self.kept)[kind] += 1
        if created:
            self.detail(f"  created {kind}: {label}")

    def detail(self, line):
        if self.verbosity >= 2:
            self.write(line)

    @contextmanager
    def stage(self, name):
        created, kept = self.created.total(), self.kept.total()
        yield
        created, kept = self.created.total() - created, self.kept.total() - kept
        counts = [f"{count} {word}" for count, word in ((created, "created"), (kept, "kept")) if count]
        if self.verbosity >= 1:
            self.write(f"  {name}: {', '.join(counts) or 'nothing to do'}")

    def summary(self):
        created = ", ".join(f"{count} {kind}" for kind, count in sorted(self.created.items())) or "nothing"
        if self.verbosity < 2 and self.created:
            created = f"{self.created.total()} objects"
        return f"Demo content: created {created}; kept {self.kept.total()} existing object(s)."


class DemoLoader:
    def __init__(self, report):
        self.report = report
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        self.default_locale = self.locales["cs"]
        self.terms = {}
        self.helplines = {}
        self.organisations = {}
        self.pages = {}
        self.journeys = {}
        self.renamed_sections = []

    def load(self):
        stage = self.report.stage
        with stage("Taxonomies (cs, uk, en)"):
            self.load_taxonomy()
        with stage("Helplines"):
            self.load_helplines()
        with stage("Home and section pages"):
            home = self.load_home()
            sections = {
                slug: self.ensure_page(home, model_label, slug, title=texts["cs"][0], intro=texts["cs"][1])
                for slug, (model_label, texts) in site.SECTIONS.items()
            }
        with stage("Organisations and logos"):
            self.load_organisations(sections["organizace"])
        with stage("Operational goals"):
            self.load_goals()
        with stage("Manuals"):
            self.load_manuals()
        with stage("Good practice and photos"):
            self.load_practices()
        with stage("Events"):
            self.load_events()
        with stage("'I am …' journeys"):
            journey_index = self.load_journeys(home)
        with stage("Ukrainian and English translations"):
            self.set_home_routes(home, sections)
            self.translate_site(home, sections)
            self.translate_journeys(journey_index)
            self.redirect_old_section_paths()
        with stage("Editor groups and review workflow"):
            editorial = setup_editorial()
            for name in editorial.groups_created:
                self.report.record("group", name, True)
            if editorial.workflow_created:
                self.report.record("workflow", WORKFLOW_NAME, True)
        with stage("Demo accounts"):
            logins = ensure_demo_users(self.organisations, self.report)
        for login in logins:
            self.report.write(f"  {login}")

    # Taxonomies and snippets

    def load_taxonomy(self):
        self.rename_legacy_region_slugs()
        for model, terms in [
            (Region, taxonomy.REGIONS),
            (Topic, taxonomy.TOPICS),
            (TargetGroup, taxonomy.TARGET_GROUPS),
            (ActorType, taxonomy.ACTOR_TYPES),
        ]:
            for slug, names in terms.items():
                term, created = model.objects.get_or_create(
                    locale=self.default_locale, slug=slug, defaults={"name": names[0]}
                )
                self.report.record(model.__name__, term.name, created)
                self.complete_term(term, slug)
                for code, name in zip(TRANSLATED_LANGUAGES, names[1:], strict=True):
                    self.translate_term(term, code, name)
                self.terms[(model, slug)] = term

    def rename_legacy_region_slugs(self):
        """Regions an earlier load created under short slugs take their full ones (in every language)."""
        for old, new in taxonomy.LEGACY_REGION_SLUGS.items():
            legacy = Region.objects.filter(locale=self.default_locale, slug=old).first()
            if legacy is None or Region.objects.filter(locale=self.default_locale, slug=new).exists():
                continue
            Region.objects.filter(translation_key=legacy.translation_key).update(slug=new)
            self.report.detail(f"  renamed region slug {old} → {new}")

    def complete_term(self, term, slug):
        """Fill fields added since an earlier load (a region's code, an actor type's schema.org type).

        Only empty or default values are filled: what an editor set stays.
        """
        changes = {}
        if isinstance(term, Region) and not term.code:
            changes["code"] = taxonomy.REGION_CODES[slug]
        if isinstance(term, ActorType) and term.schema_org_type == ActorType.SchemaType.ORGANIZATION:
            wanted = taxonomy.ACTOR_SCHEMA_TYPES[slug]
            if wanted != term.schema_org_type:
                changes["schema_org_type"] = wanted
        if changes:
            # Synchronised fields: the translations carry the same values.
            type(term).objects.filter(translation_key=term.translation_key).update(**changes)
            for name, value in changes.items():
                setattr(term, name, value)

    def translate_term(self, term, language, name):
        """Terms are one word each: a plain translated copy is enough (no segment-level sync needed)."""
        locale = self.locales[language]
        if term.has_translation(locale):
            return
        translated = term.copy_for_translation(locale)
        translated.name = name
        translated.save()
        self.report.record(f"{language} translation", name, True)

    def terms_for(self, model, slugs):
        return [self.terms[(model, slug)] for slug in slugs]

    def load_helplines(self):
        for key, data in organisations.HELPLINES.items():
            fields = {name: value for name, value in data.items() if name != "translations"}
            helpline = Helpline.objects.filter(locale=self.default_locale, name=fields["name"]).first()
            created = helpline is None
            if created:
                helpline = Helpline.objects.create(locale=self.default_locale, **fields)
            self.report.record("helpline", helpline.name, created)
            for code, values in data.get("translations", {}).items():
                self.translate(helpline, code, values)
            self.helplines[key] = helpline

    # Pages

    def ensure_page(self, parent, model, slug, **fields):
        """The live child of `parent` with this slug, created and published when missing."""
        if isinstance(model, str):
            model = ContentType.objects.get_by_natural_key(*model.lower().split(".")).model_class()
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            self.report.record(model.__name__, existing.title, False)
            self.pages[(parent.pk, slug)] = existing
            return existing
        relations = split_relations(fields)
        page = add_published_child(parent, model(slug=slug, **fields), relations)
        self.report.record(model.__name__, page.title, True)
        self.pages[(parent.pk, slug)] = page
        return page

    def taxonomy_fields(self, data):
        return {
            "regions": self.terms_for(Region, data.get("regions", [])),
            "topics": self.terms_for(Topic, data.get("topics", [])),
            "target_groups": self.terms_for(TargetGroup, data.get("target_groups", [])),
        }

    def load_home(self):
        home = HomePage.objects.filter(locale=self.default_locale, slug=site.HOME_SLUG).first()
        created = home is None
        if created:
            root = Page.get_first_root_node()
            home = add_published_child(root, HomePage(slug=site.HOME_SLUG, **site.HOME["cs"]))
        self.report.record("home page", home.title, created)
        self.point_default_site_to(home)
        return home

    def point_default_site_to(self, home):
        default_site = Site.objects.filter(is_default_site=True).first()
        if default_site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Rozcestník")
        elif default_site.root_page_id != home.pk:
            default_site.root_page = home
            default_site.site_name = "Rozcestník"
            default_site.save()
        # Wagtail's installation page ("Welcome to your new Wagtail site!") is a plain Page; ours replace it.
        plain_page = ContentType.objects.get_for_model(Page)
        for welcome in Page.objects.filter(depth=2, content_type=plain_page):
            self.report.detail(f"  removed Wagtail's default page: {welcome.title}")
            welcome.delete()

    def load_organisations(self, directory):
        for data in organisations.ORGANISATIONS:
            fields = {
                "title": data["title"],
                "summary": data["summary"],
                "services": data.get("services", ""),
                **{name: data.get(name, "") for name in CONTACT_FIELDS},
                "languages": data.get("languages", []),
                "website": data.get("website", ""),
                "actor_type": self.terms[(ActorType, data["actor_type"])],
                "operator": self.organisations.get(data.get("operator")),
                "logo": self.ensure_logo(data["slug"], data["title"]),
                "helplines": [self.helplines[key] for key in data.get("helplines", [])],
                "places": [OrganisationPlace(**place) for place in data.get("places", [])],
                **self.taxonomy_fields(data),
            }
            organisation = self.ensure_page(directory, OrganisationPage, data["slug"], **fields)
            self.organisations[data["slug"]] = organisation

    def load_goals(self):
        for owner_slug, goal_texts in goals.GOALS.items():
            owner = self.organisations[owner_slug]
            self.ensure_page(
                owner,
                OperationalGoalsPage,
                f"operacni-cile-{goals.YEAR}",
                title=f"Operační cíle {owner.title} {goals.YEAR}",
                summary=goals.SUMMARY,
                organisation=owner,
                year=goals.YEAR,
                responsible_person=goals.RESPONSIBLE,
                evaluation_method=goals.EVALUATION_METHOD,
                evaluation_deadline=goals.EVALUATION_DEADLINE,
                goals=[OperationalGoal(text=text) for text in goal_texts],
                regions=list(owner.regions.all()),
                topics=list(owner.topics.all()),
                target_groups=self.terms_for(TargetGroup, ["cizinci"]),
            )

    def load_manuals(self):
        today = datetime.date.today()
        reviewed = {"last_checked": today}
        recommendations = manuals.recommendations_manual("cs")
        tasks = self.ensure_document(
            "Doporučení pro nové aktéry – úkoly (výtah)",
            "doporuceni-ukoly.txt",
            "\n".join(item["value"]["text"] + " – " + item["value"]["responsible"]
                      for item in recommendations["body"][-1]["value"]["items"]),
        )
        self.ensure_page(
            self.organisations["ministerstvo-vnitra"],
            ManualPage,
            "doporuceni-pro-nove-aktery",
            title=recommendations["title"],
            summary=recommendations["summary"],
            body=[*recommendations["body"], document(tasks.pk, "Úkoly a odpovědné subjekty v textové podobě")],
            source_documents=[ManualSourceDocument(document=tasks)],
            **reviewed,
            **self.taxonomy_fields({
                "topics": ["sitovani", "docasna-ochrana", "socialni-sluzby"],
                "target_groups": ["obce", "nno", "socialni-pracovnici"],
            }),
        )
        for owner_slug, data in [("integracni-centrum-praha", manuals.ICP_MANUAL), ("simi", manuals.SIMI_MANUAL)]:
            self.ensure_page(
                self.organisations[owner_slug],
                ManualPage,
                data["slug"],
                title=data["title"],
                summary=data["summary"],
                body=data["body"],
                **reviewed,
                **self.taxonomy_fields(data),
            )

    def load_practices(self):
        for data in practices.PRACTICES:
            fields = dict(data["fields"])
            self.ensure_page(
                self.organisations[data["owner"]],
                GoodPracticePage,
                data["slug"],
                organisations=[self.organisations[slug] for slug in data["organisations"]],
                contact=data["contact"],
                start_date=data.get("start_date"),
                end_date=data.get("end_date"),
                photo=self.ensure_photo(data["slug"], fields["title"]),
                **fields,
                **self.taxonomy_fields(data),
            )

    def load_events(self):
        today = timezone.localdate()
        for data in events.EVENTS:
            day = today + datetime.timedelta(days=data["days_from_now"])
            start_hour, end_hour = data["hours"]
            self.ensure_page(
                self.organisations[data["owner"]],
                EventPage,
                data["slug"],
                title=data["title"],
                kind=data["kind"],
                summary=data["summary"],
                start=self.at(day, start_hour),
                end=self.at(day, end_hour),
                place=data.get("place", ""),
                online=data.get("online", False),
                body=data["body"],
                **self.taxonomy_fields(data),
            )

    def load_journeys(self, home):
        title, slug, intro = journeys.INDEX["cs"]
        index = self.ensure_page(home, JourneyIndexPage, slug, title=title, intro=intro, show_in_menus=True)
        for journey_slug, fields, steps in journeys.journeys("cs"):
            self.journeys[journey_slug] = self.ensure_page(
                index,
                JourneyPage,
                journey_slug,
                **fields,
                steps=self.journey_steps(steps),
                target_groups=self.terms_for(TargetGroup, JOURNEY_TARGET_GROUPS.get(journey_slug, [])),
            )
        return index

    def journey_steps(self, steps):
        return [
            journey_step(title, html, shows, [self.page_for_key(key).pk for key in page_keys])
            for title, html, shows, page_keys in steps
        ]

    def page_for_key(self, key):
        """A demo page named by ("organisation", slug) or ("page", owner slug, slug)."""
        if key[0] == "organisation":
            return self.organisations[key[1]]
        _kind, owner_slug, slug = key
        return self.pages[(self.organisations[owner_slug].pk, slug)]

    @staticmethod
    def at(day, hour):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    def route_target(self, target, sections):
        if target.startswith("journey:"):
            return self.journeys[target.removeprefix("journey:")]
        if target.startswith("manual:"):
            owner_slug, slug = target.removeprefix("manual:").split("/")
            return self.pages[(self.organisations[owner_slug].pk, slug)]
        return sections[target]

    def home_routes(self, language, sections):
        return [
            audience_route(audience, text, self.route_target(target, sections).pk)
            for audience, text, target in site.ROUTES[language]
        ]

    def set_home_routes(self, home, sections):
        if home.audience_routes:
            return
        home.audience_routes = self.home_routes("cs", sections)
        home.save_revision().publish()
        self.report.detail("  added the newcomer routes to the home page")

    # Translations (wagtail-localize) of the pages readers need most in Ukrainian and English

    def translate(self, instance, language, values):
        translated, created = translation.translate(instance, self.locales[language], values)
        if created:
            self.report.record(f"{language} translation", str(translated), True)
        return translated

    def translate_site(self, home, sections):
        mv = self.organisations["ministerstvo-vnitra"]
        praha_13 = self.organisations["praha-13"]
        manual = self.pages[(mv.pk, "doporuceni-pro-nove-aktery")]
        common_address = self.pages[(praha_13.pk, "spolecna-adresa")]
        organisation_translations = {
            **{data["slug"]: data["translations"] for data in organisations.ORGANISATIONS if "translations" in data},
            **organisations.CENTRE_TRANSLATIONS,
        }
        for language in TRANSLATED_LANGUAGES:
            self.translate(home, language, {**site.HOME[language], "audience_routes": self.home_routes(language, sections)})
            for slug, (_model, texts) in site.SECTIONS.items():
                title, intro = texts[language]
                own_slug = site.SECTION_SLUGS[slug][language]
                section = self.translate(sections[slug], language, {"title": title, "intro": intro, "slug": own_slug})
                self.ensure_translated_slug(sections[slug], section, own_slug)
            for slug, translations in organisation_translations.items():
                self.translate(self.organisations[slug], language, translations[language])
            translated_manual = manuals.recommendations_manual(language)
            tasks_document = manual.body[-1]
            self.translate(manual, language, {
                **translated_manual,
                "body": [*translated_manual["body"], document(tasks_document.value["document"].pk, {
                    "uk": "Завдання та відповідальні суб'єкти у текстовому вигляді",
                    "en": "Tasks and responsible bodies as plain text",
                }[language])],
            })
            self.translate(common_address, language, practices.common_address(language))

    def translate_journeys(self, index):
        for language in TRANSLATED_LANGUAGES:
            title, slug, intro = journeys.INDEX[language]
            translated_index = self.translate(index, language, {"title": title, "intro": intro, "slug": slug})
            self.ensure_translated_slug(index, translated_index, slug)
            for journey_slug, fields, steps in journeys.journeys(language):
                # The journey keeps its Czech slug in every language: /uk/kraje/<region>/obec/.
                self.translate(self.journeys[journey_slug], language, {**fields, "steps": self.journey_steps(steps)})

    def ensure_translated_slug(self, original, translated, slug):
        """A translated section answers at its own language's slug (earlier loads gave it the Czech one).

        The section is remembered, so its old addresses redirect once everything under it is translated.
        """
        if translated.slug != slug:
            translation.retranslate_slug(original, translated, slug)
            translated.refresh_from_db()
        self.renamed_sections.append((original, translated))

    def redirect_old_section_paths(self):
        """The Czech-slug addresses of translated sections and of every page under them redirect permanently.

        /uk/organizace/… was the address before sections had their own slugs; links shared since keep
        working, on fresh installs too.
        """
        for original, translated in self.renamed_sections:
            section_path = translated.get_url_parts()[2]
            old_section_path = section_path.removesuffix(f"{translated.slug}/") + f"{original.slug}/"
            if old_section_path == section_path:
                continue
            for page in Page.objects.live().descendant_of(translated, inclusive=True):
                path = page.get_url_parts()[2]
                old_path = Redirect.normalise_path(old_section_path + path.removeprefix(section_path))
                if not Redirect.objects.filter(old_path=old_path).exists():
                    Redirect.objects.create(old_path=old_path, redirect_page=page, is_permanent=True)
                    self.report.record("redirect", old_path, True)

    # Images and documents

    def ensure_logo(self, slug, name):
        initials = logo_text(name)
        return self.ensure_image(
            f"Logo: {name}",
            f"Ilustrační logo organizace {name} se zkratkou {initials}",
            initials,
            LOGO_SIZE,
            f"logo-{slug}.png",
        )

    def ensure_photo(self, slug, title):
        return self.ensure_image(
            f"Foto: {title}",
            f"Ilustrační obrázek k příkladu dobré praxe {title}",
            photo_text(title),
            PHOTO_SIZE,
            f"foto-{slug}.png",
        )

    def ensure_image(self, title, alt_text, text, size, filename):
        """A generated placeholder image whose description is its alt text (required in the admin)."""
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is not None:
            self.report.record("image", title, False)
            return image
        png = placeholder_png(text, size, colour_for(title))
        image = image_model(title=title, description=alt_text, file=ImageFile(png, name=filename))
        image.save()
        self.report.record("image", title, True)
        return image

    def ensure_document(self, title, filename, text):
        document_model = get_document_model()
        existing = document_model.objects.filter(title=title).first()
        if existing is not None:
            self.report.record("document", title, False)
            return existing
        created = document_model.objects.create(title=title, file=ContentFile(text.encode(), name=filename))
        self.report.record("document", title, True)
        return created

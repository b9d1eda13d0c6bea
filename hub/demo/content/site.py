"""The home page and the section pages, in cs / uk / en."""

HOME_SLUG = "rozcestnik"

HOME = {
    "cs": {
        "title": "Rozcestník integrace cizinců",
        "intro": (
            "<p>Metodiky, dobrá praxe, kontakty a operační cíle Center na podporu integrace cizinců, neziskových "
            "organizací a obcí na jednom místě. Pro každého, kdo v Česku pomáhá cizincům začlenit se.</p>"
        ),
    },
    "uk": {
        "title": "Дороговказ з інтеграції іноземців",
        "intro": (
            "<p>Методики, добра практика, контакти та операційні цілі центрів підтримки інтеграції іноземців, "
            "неприбуткових організацій і муніципалітетів в одному місці. Для всіх, хто допомагає іноземцям "
            "інтегруватися в Чехії.</p>"
        ),
    },
    "en": {
        "title": "Signpost for the integration of foreigners",
        "intro": (
            "<p>Methodologies, good practice, contacts and operational goals of the Centres for the Support of "
            "Integration of Foreigners, non-profits and municipalities in one place. For everyone who helps "
            "foreigners settle in Czechia.</p>"
        ),
    },
}

# (audience, text, target) per language; target names a section slug or "manual:<owner>/<slug>".
ROUTES = {
    "cs": [
        ("Jsem obec nebo městská část",
         "Jak začít s integrací cizinců na místní úrovni, jak získat dotaci a kdo vám poradí.",
         "manual:simi/manual-lokalni-integrace"),
        ("Jsem nová nezisková organizace",
         "S kým se spojit, jak vstoupit do krajské platformy a kde najít infolinky.",
         "manual:ministerstvo-vnitra/doporuceni-pro-nove-aktery"),
        ("Jsem sociální pracovník či pracovnice",
         "Najděte Centrum na podporu integrace cizinců ve svém kraji a organizace, které poradí.",
         "organizace"),
    ],
    "uk": [
        ("Я представляю муніципалітет або міський район",
         "Як почати інтеграцію іноземців на місцевому рівні, як отримати дотацію і хто порадить.",
         "manual:simi/manual-lokalni-integrace"),
        ("Я представляю нову неприбуткову організацію",
         "З ким зв'язатися, як долучитися до крайової платформи та де знайти інфолінії.",
         "manual:ministerstvo-vnitra/doporuceni-pro-nove-aktery"),
        ("Я соціальний працівник чи працівниця",
         "Знайдіть центр підтримки інтеграції іноземців у своєму краї та організації, які порадять.",
         "organizace"),
    ],
    "en": [
        ("I work for a municipality or city district",
         "How to start with integration locally, how to get a grant and who can advise you.",
         "manual:simi/manual-lokalni-integrace"),
        ("I work for a new non-profit",
         "Whom to connect with, how to join the regional platform and where to find helplines.",
         "manual:ministerstvo-vnitra/doporuceni-pro-nove-aktery"),
        ("I am a social worker",
         "Find the integration centre in your region and the organisations that can advise.",
         "organizace"),
    ],
}

# slug: (model label, {lang: (title, intro)})
SECTIONS = {
    "organizace": ("organisations.OrganisationIndexPage", {
        "cs": ("Organizace", "<p>Centra na podporu integrace cizinců, neziskové organizace, obce a státní instituce s jejich kontakty a infolinkami.</p>"),
        "uk": ("Організації", "<p>Центри підтримки інтеграції іноземців, неприбуткові організації, муніципалітети та державні установи з їхніми контактами й інфолініями.</p>"),
        "en": ("Organisations", "<p>Integration centres, non-profits, municipalities and state bodies with their contacts and helplines.</p>"),
    }),
    "metodiky": ("manuals.ManualIndexPage", {
        "cs": ("Metodiky a manuály", "<p>Doporučení, postupy a zásady pro práci s cizinci.</p>"),
        "uk": ("Методики та посібники", "<p>Рекомендації, процедури та принципи роботи з іноземцями.</p>"),
        "en": ("Methodologies and manuals", "<p>Recommendations, procedures and principles for working with foreigners.</p>"),
    }),
    "dobra-praxe": ("practices.GoodPracticeIndexPage", {
        "cs": ("Dobrá praxe", "<p>Co se osvědčilo obcím a organizacím – a kdo vám o tom řekne víc.</p>"),
        "uk": ("Добра практика", "<p>Що вдалося муніципалітетам та організаціям – і хто розповість більше.</p>"),
        "en": ("Good practice", "<p>What worked for municipalities and organisations – and who can tell you more.</p>"),
    }),
    "operacni-cile": ("goals.OperationalGoalsIndexPage", {
        "cs": ("Operační cíle", "<p>Roční cíle poboček Center na podporu integrace cizinců a jejich plnění.</p>"),
        "uk": ("Операційні цілі", "<p>Річні цілі філій центрів підтримки інтеграції іноземців та їх виконання.</p>"),
        "en": ("Operational goals", "<p>Yearly goals of the integration centres' branches and how they are met.</p>"),
    }),
    "aktuality": ("events.EventIndexPage", {
        "cs": ("Aktuality a akce", "<p>Školení, setkání krajských platforem a novinky ze sítě.</p>"),
        "uk": ("Новини та заходи", "<p>Навчання, зустрічі крайових платформ і новини мережі.</p>"),
        "en": ("News and events", "<p>Trainings, regional platform meetings and news from the network.</p>"),
    }),
}

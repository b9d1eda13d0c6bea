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

# (audience, text, target) per language; target names a section slug, "manual:<owner>/<slug>" or
# "journey:<slug>" (an "I am …" journey, hub/demo/content/journeys.py).
ROUTES = {
    "cs": [
        ("Jsem obec nebo sociální pracovník obce",
         "Kontakty na Centrum na podporu integrace cizinců ve vašem kraji, krajská platforma a jak připravit projekt.",
         "journey:obec"),
        ("Jsem škola", "Kdo pomůže se žáky s odlišným mateřským jazykem a jejich rodinami.", "journey:skola"),
        ("Jsem nová nezisková organizace",
         "S kým se spojit, jak vstoupit do krajské platformy a kde hledat podporu.", "journey:nno"),
        ("Jsem zaměstnavatel", "Kdo poradí vám i zaměstnancům ze zahraničí.", "journey:zamestnavatel"),
        ("Jsem dobrovolník nebo dobrovolnice", "Jak nabídnout pomoc a předávat ověřené kontakty.", "journey:dobrovolnik"),
    ],
    "uk": [
        ("Я представляю громаду або соціальну службу громади",
         "Контакти Центру підтримки інтеграції іноземців у вашому краї, крайова платформа і як підготувати проєкт.",
         "journey:obec"),
        ("Я представляю школу", "Хто допоможе з учнями з іншою рідною мовою та їхніми родинами.", "journey:skola"),
        ("Я представляю нову неприбуткову організацію",
         "З ким зв'язатися, як долучитися до крайової платформи і де шукати підтримку.", "journey:nno"),
        ("Я роботодавець", "Хто порадить вам і працівникам з-за кордону.", "journey:zamestnavatel"),
        ("Я волонтер або волонтерка", "Як запропонувати допомогу і передавати перевірені контакти.", "journey:dobrovolnik"),
    ],
    "en": [
        ("I work for a municipality or as its social worker",
         "Contacts of the integration centre in your region, the regional platform and how to prepare a project.",
         "journey:obec"),
        ("I work at a school", "Who helps with pupils whose mother tongue is not Czech, and with their families.",
         "journey:skola"),
        ("I work for a new non-profit",
         "Whom to connect with, how to join the regional platform and where to find support.", "journey:nno"),
        ("I am an employer", "Who advises you and your employees from abroad.", "journey:zamestnavatel"),
        ("I am a volunteer", "How to offer help and pass on trustworthy contacts.", "journey:dobrovolnik"),
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

# Slugs of the translated sections: Ukrainian transliterated (the national 2010 standard), English
# words. The Czech slugs they had before redirect here (hub/demo/loader.py).
SECTION_SLUGS = {
    "organizace": {"uk": "orhanizatsii", "en": "organisations"},
    "metodiky": {"uk": "metodyky", "en": "manuals"},
    "dobra-praxe": {"uk": "dobra-praktyka", "en": "good-practice"},
    "operacni-cile": {"uk": "operatsiini-tsili", "en": "operational-goals"},
    "aktuality": {"uk": "novyny", "en": "news"},
}

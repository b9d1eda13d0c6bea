"""Realistic Czech (and a few Ukrainian) pages as the index holds them, built without page models.

Texts follow the seed documents in ../shared/seeds; tests do not depend on page serialisation. A PageSpec
says what a page holds the way an editor sees it (summary, body sections, attachment text, taxonomies);
`indexed()` turns it into the IndexedPage the backends receive, passages cut as search/documents/pages.py cuts them.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from search.documents.indexed import IndexedPage
from search.documents.passages import Section, passages_of
from search.vectors.pages import passage_texts


@dataclass
class PageSpec:
    page_id: int
    locale: str
    content_type: str
    title: str
    url: str
    summary: str = ""
    body: str = ""  # text before any heading
    sections: tuple = ()  # (anchor, heading, text) after it
    attachments: str = ""
    regions: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    labels: str = ""  # e.g. topic names in every language
    year: int | None = None
    published_at: datetime | None = None
    translation_key: str = ""
    fingerprint: str = ""

    def indexed(self):
        sections = [Section("", (), self.summary), Section("", (), self.body)]
        sections += [Section(anchor, (heading,), text) for anchor, heading, text in self.sections]
        if self.attachments:
            sections.append(Section("attachment-1", ("priloha.pdf",), self.attachments, role="attachment"))
        return IndexedPage(
            page_id=self.page_id,
            locale=self.locale,
            content_type=self.content_type,
            title=self.title,
            url=self.url,
            texts={"lead": self.summary, "labels": "\n".join([self.labels, *self.organisations]), "facts": ""},
            passages=passages_of(sections),
            facets={
                "region": list(self.regions),
                "topic": list(self.topics),
                "target_group": list(self.target_groups),
                "organisation": list(self.organisations),
                "year": [str(self.year)] if self.year else [],
            },
            published_at=self.published_at,
            translation_key=self.translation_key,
            fingerprint=self.fingerprint,
        )

MANUAL = PageSpec(
    page_id=1,
    locale="cs",
    content_type="manual",
    title="Příručka pro sociální pracovníky obcí",
    url="/cs/prirucky/prirucka-pro-socialni-pracovniky/",
    summary="Jak poskytovat odborné sociální poradenství v obcích s rozšířenou působností.",
    body=(
        "Sociální pracovníci pověřených obecních úřadů se během krize nově zapojili při adaptaci osob "
        "s dočasnou ochranou. Příručka shrnuje, kam odkázat klienta, jak spolupracovat s krajským "
        "centrem a s nestátními neziskovými organizacemi. Obsahuje kontakty a vzory dopisů."
    ),
    regions=["liberecky"],
    topics=["socialni-sluzby"],
    target_groups=["socialni-pracovnici"],
    organisations=["Správa uprchlických zařízení"],
    year=2023,
    published_at=datetime(2023, 5, 1, tzinfo=UTC),
)

LANGUAGE_COURSES = PageSpec(
    page_id=2,
    locale="cs",
    content_type="good_practice",
    title="Tlumočníci a kurzy češtiny v Jihlavě",
    url="/cs/dobra-praxe/kurzy-cestiny-jihlava/",
    summary="Dobrá praxe z Kraje Vysočina: bezplatné kurzy českého jazyka pro dospělé cizince.",
    body=(
        "Centrum v Jihlavě pořádá večerní kurzy češtiny na třech úrovních a zajišťuje komunitní "
        "tlumočení při jednání na úřadech. Kurzy vedou zkušení lektoři, výuka probíhá v malých skupinách."
    ),
    regions=["vysocina"],
    topics=["cestina"],
    target_groups=["cizinci"],
    organisations=["CPIC Kraj Vysočina"],
    year=2024,
    published_at=datetime(2024, 2, 1, tzinfo=UTC),
)

LIBEREC_CENTRE = PageSpec(
    page_id=3,
    locale="cs",
    content_type="organisation",
    title="Centrum na podporu integrace cizinců pro Liberecký kraj",
    url="/cs/organizace/cpic-liberec/",
    summary="Poradenství, kurzy a tlumočení pro cizince v Liberci a okolí.",
    body=(
        "Pomáháme cizincům s pobytem, zaměstnáním a bydlením. Oběti domácího násilí odkazujeme na "
        "specializované služby a intervenční centrum. Spolupracujeme s obcemi celého kraje."
    ),
    regions=["liberecky"],
    topics=["socialni-sluzby", "domaci-nasili"],
    target_groups=["cizinci"],
    organisations=["Správa uprchlických zařízení"],
    year=2024,
    published_at=datetime(2024, 3, 1, tzinfo=UTC),
)

# The phrase "domácí násilí" together …
VIOLENCE_PHRASE = PageSpec(
    page_id=4,
    locale="cs",
    content_type="manual",
    title="Metodika pro krizové situace",
    url="/cs/prirucky/metodika-krizove-situace/",
    body=(
        "Domácí násilí v rodinách migrantů zůstává často skryté. Metodika popisuje první kontakt, "
        "bezpečnostní plán a předání do odborné péče."
    ),
    regions=["praha"],
    topics=["domaci-nasili"],
    year=2022,
    published_at=datetime(2022, 9, 1, tzinfo=UTC),
)

# … ranks above the same words scattered.
VIOLENCE_SCATTERED = PageSpec(
    page_id=5,
    locale="cs",
    content_type="manual",
    title="Metodika pro práci v rodinách",
    url="/cs/prirucky/metodika-rodiny/",
    body=(
        "Domácí příprava dětí do školy vyžaduje podporu. Násilí ve škole řeší metodik prevence; "
        "rodinám migrantů pomáhá bezpečnostní plán a předání do odborné péče."
    ),
    regions=["praha"],
    topics=["vzdelavani"],
    year=2022,
    published_at=datetime(2022, 10, 1, tzinfo=UTC),
)

# Mentions interpreters only in its body; LANGUAGE_COURSES has them in its title.
ANNUAL_REPORT = PageSpec(
    page_id=6,
    locale="cs",
    content_type="goals",
    title="Operační cíle center na podporu integrace cizinců 2024",
    url="/cs/cile/operacni-cile-2024/",
    body=(
        "Vzdělávání sociálních pracovníků – prohlubování znalostí v oblasti témat: krizové intervence "
        "a pobytové problematiky. Rozšíření sítě tlumočníků pro menší obce kraje. <Pilotní projekt> & další."
    ),
    regions=["vysocina"],
    topics=["site-aktéru"],
    year=2024,
    published_at=datetime(2024, 1, 15, tzinfo=UTC),
)

# Writes only the abbreviation; a search for the long form must still find it.
PRAGUE_COUNSELLING = PageSpec(
    page_id=7,
    locale="cs",
    content_type="organisation",
    title="Integrační centrum Praha",
    url="/cs/organizace/icp/",
    summary="OSP pro cizince s trvalým i dlouhodobým pobytem.",
    body="Poskytujeme OSP, právní pomoc a adaptačně-integrační kurzy v pražských pobočkách.",
    regions=["praha"],
    topics=["socialni-sluzby"],
    year=2023,
    published_at=datetime(2023, 6, 1, tzinfo=UTC),
)

UKRAINIAN_COURSES = PageSpec(
    page_id=8,
    locale="uk",
    content_type="good_practice",
    title="Курси чеської мови в Їглаві",
    url="/uk/dobra-praxe/kurzy-cestiny-jihlava/",
    summary="Безкоштовні курси чеської мови для дорослих іноземців.",
    body="Центр у Їглаві організовує вечірні курси чеської мови та забезпечує усний переклад.",
    regions=["vysocina"],
    topics=["cestina"],
    year=2024,
    published_at=datetime(2024, 2, 2, tzinfo=UTC),
    translation_key="courses",
)

ALL = [
    MANUAL,
    LANGUAGE_COURSES,
    LIBEREC_CENTRE,
    VIOLENCE_PHRASE,
    VIOLENCE_SCATTERED,
    ANNUAL_REPORT,
    PRAGUE_COUNSELLING,
    UKRAINIAN_COURSES,
]


def manual_page(page_id, title, body="", **fields):
    """A manual of its own for one test: MANUAL's facets, the given title and text, no summary."""
    return replace(MANUAL, page_id=page_id, title=title, summary="", body=body, **fields)


def indexed(specs):
    return [spec.indexed() for spec in specs]


# --- Pages for the semantic and cross-language tests (tests/search/query/test_semantic.py) -----------------
# Each answers a question asked in other words or another language than it is written in.

SCHOOL_INCLUSION = PageSpec(
    page_id=21,
    locale="cs",
    content_type="good_practice",
    title="Začleňování žáků s odlišným mateřským jazykem",
    url="/cs/dobra-praxe/zaclenovani-zaku/",
    summary="Jak základní škola podpoří děti cizinců v prvních měsících výuky.",
    body=(
        "Žáci, kteří přišli z Ukrajiny, mají nárok na bezplatnou jazykovou přípravu v češtině. Škola může "
        "využít asistenta pedagoga, podpůrná opatření a tlumočníka pro schůzky s rodiči."
    ),
    regions=["vysocina"],
    topics=["vzdelavani"],
    year=2024,
    published_at=datetime(2024, 4, 1, tzinfo=UTC),
)

LEGAL_ADVICE = PageSpec(
    page_id=22,
    locale="cs",
    content_type="organisation",
    title="Právní poradna pro cizince",
    url="/cs/organizace/pravni-poradna/",
    summary="Právníci neziskové organizace radí zdarma s pobytem, pracovní smlouvou a nájmem bytu.",
    body="Poradna poskytuje právní poradenství bezplatně, osobně v Brně nebo po telefonu po objednání.",
    regions=["jihomoravsky"],
    topics=["pobyt"],
    year=2024,
    published_at=datetime(2024, 4, 2, tzinfo=UTC),
    translation_key="5d2b8f0e-3c41-4b7a-9a57-2f0c1e6d9b11",
)

HELPLINE = PageSpec(
    page_id=23,
    locale="cs",
    content_type="organisation",
    title="Informační linka pro cizince",
    url="/cs/organizace/informacni-linka/",
    summary="Telefonická linka ministerstva vnitra pro cizince.",
    body="Volejte +420 974 801 801 ve všední dny od 8 do 16 hodin, česky, anglicky, rusky nebo ukrajinsky.",
    regions=["praha"],
    topics=["pobyt"],
    year=2024,
    published_at=datetime(2024, 4, 3, tzinfo=UTC),
)

HOUSING_EMERGENCY = PageSpec(
    page_id=24,
    locale="cs",
    content_type="manual",
    title="Bytová nouze a sociální bydlení",
    url="/cs/prirucky/bytova-nouze/",
    summary="Postup sociálního pracovníka při ztrátě bydlení domácnosti.",
    body=(
        "Domácnosti v bytové nouzi nabídne obec krizové ubytování v azylovém domě. Sociální pracovník "
        "pomůže požádat o obecní byt nebo o podporu nájemní agentury."
    ),
    regions=["liberecky"],
    topics=["bydleni"],
    year=2023,
    published_at=datetime(2023, 8, 1, tzinfo=UTC),
)

ENGLISH_COURSES = PageSpec(
    page_id=25,
    locale="en",
    content_type="good_practice",
    title="Czech language courses in Jihlava",
    url="/en/good-practice/czech-courses-jihlava/",
    summary="Free Czech courses for adult foreigners in the evening.",
    body="The centre in Jihlava runs evening Czech classes at three levels and provides interpreting.",
    regions=["vysocina"],
    topics=["cestina"],
    year=2024,
    published_at=datetime(2024, 2, 3, tzinfo=UTC),
    translation_key="courses",
)

# A long manual: its overview names refugees; its section on burnout answers in other words.
CAREGIVERS_MANUAL = PageSpec(
    page_id=26,
    locale="cs",
    content_type="manual",
    title="Příručka pro nové pracovníky v integraci",
    url="/cs/prirucky/novi-pracovnici/",
    summary="Co potřebuje vědět nový pracovník neziskové organizace nebo obce.",
    body=(
        "Nový pracovník se nejdřív seznámí s krajskou sítí: kdo poskytuje odborné sociální poradenství, kde "
        "sídlí Centrum na podporu integrace cizinců a kdy se schází krajská platforma. Mezi klienty jsou i "
        "uprchlíci z Ukrajiny. Příručka uvádí kontakty na obecní úřady, školy, zaměstnavatele a neziskové "
        "organizace v kraji, na infolinky ministerstva vnitra a na komunitní tlumočníky."
    ),
    sections=(
        (
            "psychohygiena",
            "Psychohygiena a supervize",
            "Pomáhající profese jsou náročné. Plánujte si pravidelné volno, sdílejte těžké případy v týmu a "
            "využívejte supervizi. Vedoucí by měl hlídat, aby pracovníci nebyli přetížení a měli možnost "
            "odborné podpory. Zájem o psychohygienu není slabost, ale prevence vyhoření. Krizová intervence "
            "a kurzy zvládání stresu pomáhají udržet si odstup i po letech v přímé péči.",
        ),
        (
            "tlumoceni",
            "Tlumočení",
            "Na schůzky s klienty, kteří nemluví česky, si objednejte tlumočníka. Komunitní tlumočníci "
            "pomáhají i s porozuměním kulturním rozdílům; seznam najdete u krajského centra. Telefonické "
            "tlumočení je rychlé, na složitá jednání je lepší tlumočník přítomný osobně.",
        ),
    ),
    regions=["zlinsky"],
    topics=["socialni-sluzby"],
    year=2024,
    published_at=datetime(2024, 5, 1, tzinfo=UTC),
)

SEMANTIC = [SCHOOL_INCLUSION, LEGAL_ADVICE, HELPLINE, HOUSING_EMERGENCY, ENGLISH_COURSES, CAREGIVERS_MANUAL]


# Passage text → vector, shared by every test of the session: the model is the slow part.
EMBEDDED = {}


def with_vectors(pages, embedder, model_name=None):
    """`pages` with real passage vectors of `embedder` (each text embedded once per session)."""
    texts = {text for page in pages for text in passage_texts(page)}
    missing = sorted(texts - EMBEDDED.keys())
    if missing:
        EMBEDDED.update(zip(missing, embedder.embed_passages(missing), strict=True))
    for page in pages:
        page.vectors = [EMBEDDED[text] for text in passage_texts(page)]
        page.vector_model = model_name or embedder.model_name
    return pages

"""The taxonomies: the 14 Czech regions, topics, target groups and actor types, in cs / uk / en."""

# slug: (Czech, Ukrainian, English). A region's slug is its Czech name, so its signpost reads
# /cs/kraje/kraj-vysocina/; its ISO 3166-2 code (REGION_CODES) ties it to the map and the ORP list.
REGIONS = {
    "hlavni-mesto-praha": ("Hlavní město Praha", "Столиця Прага", "Prague"),
    "stredocesky-kraj": ("Středočeský kraj", "Середньочеський край", "Central Bohemian Region"),
    "jihocesky-kraj": ("Jihočeský kraj", "Південночеський край", "South Bohemian Region"),
    "plzensky-kraj": ("Plzeňský kraj", "Пльзенський край", "Plzeň Region"),
    "karlovarsky-kraj": ("Karlovarský kraj", "Карловарський край", "Karlovy Vary Region"),
    "ustecky-kraj": ("Ústecký kraj", "Устецький край", "Ústí nad Labem Region"),
    "liberecky-kraj": ("Liberecký kraj", "Ліберецький край", "Liberec Region"),
    "kralovehradecky-kraj": ("Královéhradecký kraj", "Краловоградецький край", "Hradec Králové Region"),
    "pardubicky-kraj": ("Pardubický kraj", "Пардубицький край", "Pardubice Region"),
    "kraj-vysocina": ("Kraj Vysočina", "Край Височина", "Vysočina Region"),
    "jihomoravsky-kraj": ("Jihomoravský kraj", "Південноморавський край", "South Moravian Region"),
    "olomoucky-kraj": ("Olomoucký kraj", "Оломоуцький край", "Olomouc Region"),
    "zlinsky-kraj": ("Zlínský kraj", "Злінський край", "Zlín Region"),
    "moravskoslezsky-kraj": ("Moravskoslezský kraj", "Моравсько-Сілезький край", "Moravian-Silesian Region"),
}

# ISO 3166-2:CZ codes of the regions.
REGION_CODES = {
    "hlavni-mesto-praha": "CZ-10",
    "stredocesky-kraj": "CZ-20",
    "jihocesky-kraj": "CZ-31",
    "plzensky-kraj": "CZ-32",
    "karlovarsky-kraj": "CZ-41",
    "ustecky-kraj": "CZ-42",
    "liberecky-kraj": "CZ-51",
    "kralovehradecky-kraj": "CZ-52",
    "pardubicky-kraj": "CZ-53",
    "kraj-vysocina": "CZ-63",
    "jihomoravsky-kraj": "CZ-64",
    "olomoucky-kraj": "CZ-71",
    "zlinsky-kraj": "CZ-72",
    "moravskoslezsky-kraj": "CZ-80",
}

# Slugs earlier demo loads gave the regions; a database loaded before gets the new slugs instead
# of a second set of regions.
LEGACY_REGION_SLUGS = {
    "praha": "hlavni-mesto-praha",
    "stredocesky": "stredocesky-kraj",
    "jihocesky": "jihocesky-kraj",
    "plzensky": "plzensky-kraj",
    "karlovarsky": "karlovarsky-kraj",
    "ustecky": "ustecky-kraj",
    "liberecky": "liberecky-kraj",
    "kralovehradecky": "kralovehradecky-kraj",
    "pardubicky": "pardubicky-kraj",
    "vysocina": "kraj-vysocina",
    "jihomoravsky": "jihomoravsky-kraj",
    "olomoucky": "olomoucky-kraj",
    "zlinsky": "zlinsky-kraj",
    "moravskoslezsky": "moravskoslezsky-kraj",
}

TOPICS = {
    "bydleni": ("Bydlení", "Житло", "Housing"),
    "zamestnani": ("Zaměstnávání", "Працевлаштування", "Employment"),
    "vzdelavani": ("Vzdělávání", "Освіта", "Education"),
    "zdravotni-pece": ("Zdravotní péče", "Медична допомога", "Health care"),
    "pobyt": ("Legální pobyt", "Легальне перебування", "Legal stay"),
    "jazykove-kurzy": ("Kurzy češtiny", "Курси чеської мови", "Czech language courses"),
    "domaci-nasili": ("Domácí násilí", "Домашнє насильство", "Domestic violence"),
    "socialni-sluzby": ("Sociální služby a poradenství", "Соціальні послуги та консультації", "Social services and counselling"),
    "tlumoceni": ("Tlumočení", "Усний переклад", "Interpreting"),
    "docasna-ochrana": ("Dočasná ochrana", "Тимчасовий захист", "Temporary protection"),
    "komunitni-prace": ("Komunitní práce", "Робота з громадами", "Community work"),
    "financovani": ("Financování a dotace", "Фінансування та дотації", "Funding and grants"),
    "sitovani": ("Síťování aktérů", "Співпраця та мережі", "Networking of actors"),
}

TARGET_GROUPS = {
    "drzitele-docasne-ochrany": ("Držitelé dočasné ochrany", "Особи з тимчасовим захистом", "Temporary protection holders"),
    "cizinci": ("Cizinci žijící v Česku", "Іноземці, які живуть у Чехії", "Foreigners living in Czechia"),
    "zaci-omj": ("Žáci s odlišným mateřským jazykem", "Учні з іншою рідною мовою", "Pupils with a different mother tongue"),
    "obce": ("Obce a městské části", "Муніципалітети та міські райони", "Municipalities and city districts"),
    "nno": ("Neziskové organizace", "Неприбуткові організації", "Non-profit organisations"),
    "socialni-pracovnici": ("Sociální pracovníci", "Соціальні працівники", "Social workers"),
    "zamestnavatele": ("Zaměstnavatelé", "Роботодавці", "Employers"),
    "skoly": ("Školy a pedagogové", "Школи та педагоги", "Schools and teachers"),
}

# The schema.org type each actor type is published as (JSON-LD on organisation pages).
ACTOR_SCHEMA_TYPES = {
    "cpic": "Organization",
    "nno": "NGO",
    "obec": "GovernmentOrganization",
    "kraj": "GovernmentOrganization",
    "statni-sprava": "GovernmentOrganization",
}

ACTOR_TYPES = {
    "cpic": (
        "Centrum na podporu integrace cizinců",
        "Центр підтримки інтеграції іноземців",
        "Centre for the Support of Integration of Foreigners (CPIC)",
    ),
    "nno": ("Nestátní nezisková organizace", "Неурядова неприбуткова організація", "Non-governmental organisation"),
    "obec": ("Obec nebo městská část", "Муніципалітет або міський район", "Municipality or city district"),
    "kraj": ("Kraj", "Край", "Region"),
    "statni-sprava": ("Státní správa", "Державне управління", "State administration"),
}

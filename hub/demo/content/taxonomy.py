"""The taxonomies: the 14 Czech regions, topics, target groups and actor types, in cs / uk / en."""

# slug: (Czech, Ukrainian, English)
REGIONS = {
    "praha": ("Hlavní město Praha", "Столиця Прага", "Prague"),
    "stredocesky": ("Středočeský kraj", "Середньочеський край", "Central Bohemian Region"),
    "jihocesky": ("Jihočeský kraj", "Південночеський край", "South Bohemian Region"),
    "plzensky": ("Plzeňský kraj", "Пльзенський край", "Plzeň Region"),
    "karlovarsky": ("Karlovarský kraj", "Карловарський край", "Karlovy Vary Region"),
    "ustecky": ("Ústecký kraj", "Устецький край", "Ústí nad Labem Region"),
    "liberecky": ("Liberecký kraj", "Ліберецький край", "Liberec Region"),
    "kralovehradecky": ("Královéhradecký kraj", "Краловоградецький край", "Hradec Králové Region"),
    "pardubicky": ("Pardubický kraj", "Пардубицький край", "Pardubice Region"),
    "vysocina": ("Kraj Vysočina", "Край Височина", "Vysočina Region"),
    "jihomoravsky": ("Jihomoravský kraj", "Південноморавський край", "South Moravian Region"),
    "olomoucky": ("Olomoucký kraj", "Оломоуцький край", "Olomouc Region"),
    "zlinsky": ("Zlínský kraj", "Злінський край", "Zlín Region"),
    "moravskoslezsky": ("Moravskoslezský kraj", "Моравсько-Сілезький край", "Moravian-Silesian Region"),
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

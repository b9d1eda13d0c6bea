"""Organisations of the integration network named in the seed documents, and their helplines.

Every CPIC branch the operational goals 2024 name (19 branches run by SUZ in ten regions) and the
centres of the other four regions, run by a region and three NGOs (recommendations for new actors),
so each of the 14 regions has its integration centre.

Contact details are only those the sources give (phone numbers, web addresses); where the sources
give no phone or e-mail, the page shows the official website and says the contacts are there. A
branch named after its town is placed in that town; no street, phone or e-mail is invented.
"""

# "více informací a kontakty na www.integracnicentra.cz" (recommendations for new actors, chapter 1).
CPIC_SITE = "https://www.integracnicentra.cz"
SUZ_REGIONS = [
    "stredocesky-kraj", "jihocesky-kraj", "plzensky-kraj", "karlovarsky-kraj", "liberecky-kraj",
    "pardubicky-kraj", "kraj-vysocina", "olomoucky-kraj", "moravskoslezsky-kraj", "zlinsky-kraj",
]
CPIC_SERVICES = (
    "<ul><li>odborné sociální poradenství (OSP) pro cizince</li>"
    "<li>kurzy českého jazyka a sociokulturní kurzy (SKK)</li>"
    "<li>terénní práce v ubytovnách a u zaměstnavatelů</li>"
    "<li>krajská platforma pro integraci cizinců</li></ul>"
)

# key: fields of the Helpline snippet; "footer" helplines appear at the foot of every page.
HELPLINES = {
    "mv-infolinka": {
        "name": "Informační linka pro cizince a občany Ukrajiny",
        "operator": "Ministerstvo vnitra ČR",
        "phone": "+420 974 801 802",
        "url": "https://www.mvcr.cz/clanek/informace-pro-obcany-ukrajiny.aspx",
        "footer_order": 1,
        "description": (
            "Linka Ministerstva vnitra pro občany Ukrajiny; běžně se na ni obracejí s dotazy "
            "i obce, školy a další organizace."
        ),
        "show_in_footer": True,
        "translations": {
            "uk": {
                "name": "Інформаційна лінія для іноземців та громадян України",
                "operator": "Міністерство внутрішніх справ ЧР",
                "description": (
                    "Лінія Міністерства внутрішніх справ для громадян України; з питаннями "
                    "до неї звертаються також муніципалітети, школи та інші організації."
                ),
            },
            "en": {
                "name": "Information line for foreigners and citizens of Ukraine",
                "operator": "Ministry of the Interior of the Czech Republic",
                "description": (
                    "The Ministry of the Interior's line for citizens of Ukraine; municipalities, "
                    "schools and other organisations call it with their questions too."
                ),
            },
        },
    },
    "cvt-help-linka": {
        "name": "HELP LINKA pro uprchlíky z Ukrajiny",
        "operator": "Člověk v tísni",
        "phone": "770 600 800",
        "languages": ["uk", "cs"],
        "footer_order": 2,
        "url": "https://www.clovekvtisni.cz/co-delame/socialni-prace-v-cr/pomoc-uprchlikum",
        "description": "Pomoc s bydlením, prací v oboru i při zdravotních komplikacích.",
        "show_in_footer": True,
        "translations": {
            "uk": {
                "name": "HELP LINKA для біженців з України",
                "operator": "Людина в біді (Člověk v tísni)",
                "description": "Допомога з житлом, роботою за фахом і при проблемах зі здоров'ям.",
            },
            "en": {
                "name": "HELP LINE for refugees from Ukraine",
                "operator": "People in Need (Člověk v tísni)",
                "description": "Help with housing, work in one's profession and health problems.",
            },
        },
    },
    "charita-infolinka": {
        "name": "Infolinky pro cizince Charity ČR",
        "operator": "Charita Česká republika",
        "url": "https://www.charita.cz/infolinka",
        "footer_order": 3,
        "description": "Informační a tlumočnické infolinky, které Charita provozuje dlouhodobě.",
        "show_in_footer": True,
        "translations": {
            "uk": {
                "name": "Інфолінії для іноземців Карітас ЧР",
                "operator": "Карітас Чеської Республіки",
                "description": "Інформаційні та перекладацькі лінії, які Карітас підтримує вже багато років.",
            },
            "en": {
                "name": "Charita ČR helplines for foreigners",
                "operator": "Caritas Czech Republic",
                "description": "Information and interpreting helplines Caritas has run for many years.",
            },
        },
    },
    "pomahej-ukrajine": {
        "name": "Platforma Pomáhej Ukrajině",
        "operator": "Konsorcium nevládních organizací pracujících s migranty",
        "url": "http://www.pomahejukrajine.cz",
        "description": (
            "Nabídky a potřeby pomoci na jednom místě; otevřená obcím, asistenčním centrům a školám, "
            "lze v ní vyhledávat podle krajů."
        ),
    },
    "nasi-ukrajinci": {
        "name": "Informační portál Naši Ukrajinci",
        "url": "https://www.nasiukrajinci.cz/cs/",
        "description": "Informační portál pro lidi z Ukrajiny a ty, kdo jim pomáhají.",
    },
}

# The 19 branches of the operational goals 2024, run by SUZ: (slug, town, region, what the goals say
# about the branch, topics, other offices).
SUZ_BRANCHES = [
    ("benesov", "Benešov", "stredocesky-kraj",
     "Pobočka ve Středočeském kraji; v roce 2024 se zaměřila na preventivní programy ve školách "
     "a na kurzy i mimo Benešov.",
     ["vzdelavani", "jazykove-kurzy", "domaci-nasili"], []),
    ("kladno", "Kladno", "stredocesky-kraj",
     "Pobočka pro Kladensko, Rakovnicko a Slánsko; terénní návštěvy ubytoven a spolupráce se "
     "zaměstnavateli, v rámci regionální platformy kulatý stůl pro zástupce firem.",
     ["zamestnani", "bydleni", "zdravotni-pece"],
     [{"label": "Kontaktní místo Rakovník", "town": "Rakovník",
       "opening_hours": "Otevření plánováno v roce 2024"}]),
    ("kutna-hora", "Kutná Hora", "stredocesky-kraj",
     "Pobočka ve Středočeském kraji; spolupracuje s komunitní tlumočnicí pro vietnamskou komunitu "
     "a terénní prací hledá nově příchozí pracovníky z Filipín a Indie.",
     ["tlumoceni", "komunitni-prace", "socialni-sluzby"], []),
    ("mlada-boleslav", "Mladá Boleslav", "stredocesky-kraj",
     "Pobočka ve Středočeském kraji; pořádá čtvrtletní setkání sociálních pracovníků středočeských "
     "poboček – kraj s průmyslovými zónami a blízkou Prahou pokrývá pět poboček CPIC.",
     ["sitovani", "socialni-sluzby", "zamestnani"], []),
    ("pribram", "Příbram", "stredocesky-kraj",
     "Pobočka ve Středočeském kraji; sociokulturní kurzy k nové legislativě a den otevřených dveří "
     "pro partnerské sociální služby v Příbrami a okolí.",
     ["socialni-sluzby", "pobyt"], []),
    ("ceske-budejovice", "České Budějovice", "jihocesky-kraj",
     "Pobočka pro Jihočeský kraj; mapuje lékaře přijímající cizince a spolupracuje s komunitami "
     "z Vietnamu, Indie, Mongolska a Číny.",
     ["zdravotni-pece", "komunitni-prace"], []),
    ("pisek", "Písek", "jihocesky-kraj",
     "Pracoviště pro Písecko a Strakonicko se systematickou terénní činností.",
     ["komunitni-prace"], []),
    ("plzen", "Plzeň", "plzensky-kraj",
     "Pobočka pro Plzeňský kraj; sociokulturní kurzy pro držitele dočasné ochrany a online kurz "
     "češtiny pro ty, kdo nemohou dojíždět do Plzně.",
     ["jazykove-kurzy", "docasna-ochrana", "bydleni"], []),
    ("domazlice", "Domažlice", "plzensky-kraj",
     "Detašované pracoviště v Domažlicích; navazuje spolupráci s tlumočníkem do vietnamštiny pro "
     "početnou vietnamskou komunitu v okolí.",
     ["tlumoceni", "komunitni-prace"], []),
    ("tachov", "Tachov", "plzensky-kraj",
     "Detašované pracoviště v Tachově, zřízené v roce 2024; sociokulturní kurzy a podpora lidí "
     "z Ukrajiny, kteří se chtějí vrátit.",
     ["docasna-ochrana", "zamestnani"], []),
    ("karlovy-vary", "Karlovy Vary", "karlovarsky-kraj",
     "Pobočka pro Karlovarský kraj; spolupracuje s úřadem práce, sestavuje seznam praktických lékařů "
     "a pediatrů v kraji a spolupracuje s mongolskou komunitou na Chebsku.",
     ["zdravotni-pece", "zamestnani", "komunitni-prace"], []),
    ("liberec", "Liberec", "liberecky-kraj",
     "Pobočka pro Liberecký kraj; spolupracuje se školami na Jablonecku a Semilsku a věnuje se "
     "prevenci domácího násilí.",
     ["domaci-nasili", "vzdelavani", "bydleni"], []),
    ("ceska-lipa", "Česká Lípa", "liberecky-kraj",
     "Pobočka v Libereckém kraji; účastní se komunitního plánování v České Lípě a Novém Boru "
     "a pořádá přednášky ve školách.",
     ["vzdelavani", "sitovani"], []),
    ("pardubice", "Pardubice", "pardubicky-kraj",
     "Pobočka pro Pardubický kraj; zapracovává re-ubytování do své agendy a pořádá mezioborová "
     "setkání s partnery v přímé práci.",
     ["bydleni", "socialni-sluzby", "tlumoceni"], []),
    ("jihlava", "Jihlava", "kraj-vysocina",
     "Pobočka pro Kraj Vysočina; mapuje spolupracující organizace na Žďársku a Havlíčkobrodsku "
     "a potřeby cizinců pracujících v průmyslové zóně v Humpolci.",
     ["zamestnani", "tlumoceni", "socialni-sluzby"], []),
    ("olomouc", "Olomouc", "olomoucky-kraj",
     "Pobočka pro Olomoucký kraj; přednášky pro školy a sociokulturní kurzy i mimo okres Olomouc.",
     ["vzdelavani", "socialni-sluzby"], []),
    ("zlin", "Zlín", "zlinsky-kraj",
     "Pobočka pro Zlínský kraj; terénní práce ve 20 ubytovnách s humanitárním ubytováním.",
     ["docasna-ochrana", "bydleni", "vzdelavani"], []),
    ("ostrava", "Ostrava", "moravskoslezsky-kraj",
     "Pobočka pro Moravskoslezský kraj; pracuje s ukrajinskou komunitou v oblasti bydlení "
     "(depistáž na 40 ubytovnách) a nabízí psychosociální poradenství pro válečné uprchlíky.",
     ["bydleni", "docasna-ochrana", "socialni-sluzby"], []),
    ("opava", "Opava", "moravskoslezsky-kraj",
     "Detašované pracoviště v Opavě; terénní práce, jednání na firmách a obcích a kurzy češtiny "
     "pro cizince na Opavsku.",
     ["jazykove-kurzy", "zamestnani"], []),
]

# The centres of the other four regions (slug, title, operator, region, summary, website).
OTHER_CENTRES = [
    ("cpic-praha", "CPIC Praha", "integracni-centrum-praha", "hlavni-mesto-praha",
     "Centrum na podporu integrace cizinců pro hlavní město Prahu provozuje Integrační centrum Praha, "
     "o. p. s., založené Magistrátem. Jeho služby jsou zdarma.",
     "https://www.icpraha.com"),
    ("cpic-ustecky-kraj", "CPIC Ústecký kraj", "poradna-pro-integraci", "ustecky-kraj",
     "Centrum na podporu integrace cizinců pro Ústecký kraj provozuje nezisková organizace Poradna "
     "pro integraci, z. ú., z Ústí nad Labem.",
     CPIC_SITE),
    ("cpic-kralovehradecky-kraj", "CPIC Královéhradecký kraj", "dkch-hradec-kralove", "kralovehradecky-kraj",
     "Centrum na podporu integrace cizinců pro Královéhradecký kraj provozuje Diecézní katolická "
     "charita Hradec Králové.",
     CPIC_SITE),
    ("cpic-jihomoravsky-kraj", "CPIC Jihomoravský kraj", "jihomoravsky-kraj", "jihomoravsky-kraj",
     "Centrum na podporu integrace cizinců pro Jihomoravský kraj provozuje sám kraj – jako jediný "
     "ze čtrnácti.",
     CPIC_SITE),
]

ORGANISATIONS = [
    {
        "slug": "ministerstvo-vnitra",
        "title": "Ministerstvo vnitra ČR",
        "actor_type": "statni-sprava",
        "summary": (
            "Ministerstvo vnitra je vládou pověřeno koordinací integrační politiky: sleduje a vyhodnocuje "
            "postavení cizinců v Česku, uzavírá smlouvy s Centry na podporu integrace cizinců a dotačně "
            "podporuje síťování a vzdělávání aktérů."
        ),
        "services": (
            "<ul><li>koordinace Koncepce integrace cizinců (první vznikla v roce 2000)</li>"
            "<li>dotační programy pro obce a neziskové organizace</li>"
            "<li>Informační linka pro cizince a občany Ukrajiny</li>"
            "<li>informace pro cizince na webu ministerstva</li></ul>"
        ),
        "website": "https://www.mvcr.cz",
        "helplines": ["mv-infolinka"],
        "topics": ["sitovani", "financovani", "pobyt", "docasna-ochrana"],
        "target_groups": ["obce", "nno", "cizinci"],
        "translations": {
            "uk": {
                "title": "Міністерство внутрішніх справ ЧР",
                "summary": (
                    "Уряд доручив Міністерству внутрішніх справ координацію інтеграційної політики: воно "
                    "стежить за становищем іноземців у Чехії, укладає договори з центрами підтримки "
                    "інтеграції іноземців і фінансує співпрацю та навчання учасників."
                ),
                "services": (
                    "<ul><li>координація Концепції інтеграції іноземців (перша з'явилася у 2000 році)</li>"
                    "<li>дотаційні програми для муніципалітетів і неприбуткових організацій</li>"
                    "<li>Інформаційна лінія для іноземців та громадян України</li>"
                    "<li>інформація для іноземців на сайті міністерства</li></ul>"
                ),
            },
            "en": {
                "title": "Ministry of the Interior of the Czech Republic",
                "summary": (
                    "The government has charged the Ministry of the Interior with coordinating integration "
                    "policy: it monitors the situation of foreigners in Czechia, contracts the Centres for "
                    "the Support of Integration of Foreigners and funds networking and training of actors."
                ),
                "services": (
                    "<ul><li>coordination of the Policy for the Integration of Foreigners (the first dates from 2000)</li>"
                    "<li>grant programmes for municipalities and non-profit organisations</li>"
                    "<li>Information line for foreigners and citizens of Ukraine</li>"
                    "<li>information for foreigners on the ministry's website</li></ul>"
                ),
            },
        },
    },
    {
        "slug": "suz-mv",
        "title": "Správa uprchlických zařízení Ministerstva vnitra",
        "actor_type": "statni-sprava",
        "summary": (
            "Správa uprchlických zařízení MV (SUZ) je realizátorem Center na podporu integrace cizinců "
            "v deseti krajích. Vedoucí center každoročně stanovují operační cíle, které schvaluje "
            "Odbor center na podporu integrace cizinců."
        ),
        "services": (
            "<p>Síť regionálních Center na podporu integrace cizinců (CPIC): odborné sociální poradenství, "
            "kurzy českého jazyka, sociokulturní kurzy, terénní práce a koordinace krajských platforem.</p>"
        ),
        "website": "https://www.suz.cz",
        "regions": SUZ_REGIONS,
        "topics": ["socialni-sluzby", "jazykove-kurzy", "komunitni-prace", "sitovani"],
        "target_groups": ["cizinci", "drzitele-docasne-ochrany"],
    },
    {
        "slug": "integracni-centrum-praha",
        "title": "Integrační centrum Praha, o. p. s.",
        "actor_type": "nno",
        "summary": (
            "Obecně prospěšná společnost založená Magistrátem hlavního města Prahy, realizátor Centra "
            "na podporu integrace cizinců v Praze. Hlásí se ke sloganu „Praha – metropole všech“."
        ),
        "services": (
            "<ul><li>odborné sociální poradenství (registrovaná sociální služba podle zákona č. 108/2006 Sb.)</li>"
            "<li>interkulturní pracovníci a tlumočení v poradenství</li>"
            "<li>kurzy sociokulturní orientace</li>"
            "<li>informační brožura pro městské části o tom, jak mohou podpořit integraci cizinců</li></ul>"
        ),
        "website": "https://www.icpraha.com",
        "regions": ["hlavni-mesto-praha"],
        "topics": ["socialni-sluzby", "tlumoceni", "komunitni-prace"],
        "target_groups": ["cizinci", "obce"],
    },
    {
        "slug": "poradna-pro-integraci",
        "title": "Poradna pro integraci, z. ú.",
        "actor_type": "nno",
        "summary": "Nezisková organizace z Ústí nad Labem, realizátor Centra na podporu integrace cizinců v Ústeckém kraji.",
        "town": "Ústí nad Labem",
        "regions": ["ustecky-kraj"],
        "topics": ["socialni-sluzby"],
        "target_groups": ["cizinci"],
    },
    {
        "slug": "dkch-hradec-kralove",
        "title": "Diecézní katolická charita Hradec Králové",
        "actor_type": "nno",
        "summary": "Realizátor Centra na podporu integrace cizinců v Královéhradeckém kraji.",
        "regions": ["kralovehradecky-kraj"],
        "topics": ["socialni-sluzby"],
        "target_groups": ["cizinci"],
    },
    {
        "slug": "jihomoravsky-kraj",
        "title": "Jihomoravský kraj",
        "actor_type": "kraj",
        "summary": "Jediný kraj, který Centrum na podporu integrace cizinců provozuje sám.",
        "regions": ["jihomoravsky-kraj"],
        "topics": ["sitovani", "socialni-sluzby"],
        "target_groups": ["cizinci", "obce"],
    },
    *[
        {
            "slug": f"cpic-{slug}",
            "title": f"CPIC {town}",
            "actor_type": "cpic",
            "operator": "suz-mv",
            "summary": summary,
            "services": CPIC_SERVICES,
            "town": town,
            "website": CPIC_SITE,
            "regions": [region],
            "topics": topics,
            "target_groups": ["cizinci", "drzitele-docasne-ochrany"],
            "places": places,
        }
        for slug, town, region, summary, topics, places in SUZ_BRANCHES
    ],
    *[
        {
            "slug": slug,
            "title": title,
            "actor_type": "cpic",
            "operator": operator,
            "summary": summary,
            "services": CPIC_SERVICES,
            "website": website,
            "regions": [region],
            "topics": ["socialni-sluzby", "jazykove-kurzy", "sitovani"],
            "target_groups": ["cizinci", "drzitele-docasne-ochrany"],
        }
        for slug, title, operator, region, summary, website in OTHER_CENTRES
    ],
    {
        "slug": "charita-cr",
        "title": "Charita Česká republika",
        "actor_type": "nno",
        "summary": (
            "Dlouhodobě provozuje informační a tlumočnické infolinky pro cizince a v síti Charit nabízí "
            "poradenství a další služby v Brně, Českých Budějovicích, Hradci Králové, Litoměřicích, "
            "Olomouci, Ostravě, Plzni, Praze a na dalších místech."
        ),
        "services": "<ul><li>infolinky pro cizince</li><li>tlumočení</li><li>poradenství pro cizince</li></ul>",
        "website": "https://www.charita.cz/jak-pomahame/doma/integrace-cizincu/",
        "helplines": ["charita-infolinka"],
        "regions": ["jihomoravsky-kraj", "jihocesky-kraj", "kralovehradecky-kraj", "ustecky-kraj", "olomoucky-kraj", "moravskoslezsky-kraj", "plzensky-kraj", "hlavni-mesto-praha"],
        "topics": ["tlumoceni", "socialni-sluzby"],
        "target_groups": ["cizinci"],
    },
    {
        "slug": "diakonie-cce",
        "title": "Diakonie ČCE",
        "actor_type": "nno",
        "summary": (
            "Jedna ze střešních organizací s expertní znalostí integrace cizinců, která podporuje "
            "i další organizace."
        ),
        "website": "https://www.diakonie.cz",
        "topics": ["socialni-sluzby", "sitovani"],
        "target_groups": ["nno", "cizinci"],
    },
    {
        "slug": "clovek-v-tisni",
        "title": "Člověk v tísni, o. p. s.",
        "actor_type": "nno",
        "summary": (
            "Zřídila HELP LINKU pro uprchlíky z Ukrajiny a v sedmi krajích má terénní pracovníky hovořící "
            "ukrajinsky, kteří monitorují situaci a poskytují poradenství lidem prchajícím před válkou."
        ),
        "services": (
            "<ul><li>HELP LINKA 770 600 800</li><li>terénní práce v ukrajinštině</li>"
            "<li>centra pomoci na úrovni ORP (např. v Plzeňském kraji)</li>"
            "<li>finanční podpora jiných NNO v aktivitách, které zatím nikdo jiný nepodporuje</li></ul>"
        ),
        "website": "https://www.clovekvtisni.cz",
        "languages": ["cs", "uk"],
        "helplines": ["cvt-help-linka"],
        "regions": ["karlovarsky-kraj", "plzensky-kraj", "stredocesky-kraj", "hlavni-mesto-praha", "ustecky-kraj", "jihocesky-kraj", "jihomoravsky-kraj"],
        "topics": ["docasna-ochrana", "bydleni", "zamestnani", "financovani"],
        "target_groups": ["drzitele-docasne-ochrany", "nno"],
    },
    {
        "slug": "konsorcium-nno",
        "title": "Konsorcium nevládních organizací pracujících s migranty",
        "actor_type": "nno",
        "summary": (
            "Střešní síť neziskových organizací. Na začátku krize připravila platformu Pomáhej Ukrajině, "
            "kde se registrovalo přes 100 obcí; pravidelně jim rozesílá informace o nových opatřeních."
        ),
        "website": "https://migracnikonsorcium.cz",
        "helplines": ["pomahej-ukrajine"],
        "topics": ["sitovani", "docasna-ochrana"],
        "target_groups": ["obce", "nno"],
    },
    {
        "slug": "simi",
        "title": "Sdružení pro integraci a migraci, o. p. s. (SIMI)",
        "actor_type": "nno",
        "summary": (
            "Vydalo Manuál lokální integrace migrantů pro úředníky obcí a krajů a pořádá workshopy "
            "o integraci cizinců na míru potřebám obcí a městských částí."
        ),
        "services": (
            "<ul><li>Manuál lokální integrace migrantů (2020, průběžně aktualizovaný)</li>"
            "<li>workshopy pro obce: mapování situace, lokální sítě aktérů, SWOT analýza</li>"
            "<li>poradenství pro cizince</li></ul>"
        ),
        "website": "https://www.migrace.com",
        "topics": ["sitovani", "financovani", "komunitni-prace"],
        "target_groups": ["obce", "nno"],
    },
    {
        "slug": "meta",
        "title": "META, o. p. s.",
        "actor_type": "nno",
        "summary": (
            "Společnost pro příležitosti mladých migrantů; dlouhodobě se věnuje spolupráci obcí, škol "
            "a NNO při začleňování žáků a studentů s odlišným mateřským jazykem."
        ),
        "website": "https://www.meta-ops.cz",
        "regions": ["hlavni-mesto-praha"],
        "topics": ["vzdelavani"],
        "target_groups": ["zaci-omj", "skoly"],
    },
    {
        "slug": "opu",
        "title": "Organizace pro pomoc uprchlíkům (OPU)",
        "actor_type": "nno",
        "summary": "Nezisková organizace, která poskytuje právní a sociální poradenství cizincům a uprchlíkům.",
        "website": "https://www.opu.cz",
        "topics": ["pobyt", "socialni-sluzby"],
        "target_groups": ["cizinci", "drzitele-docasne-ochrany"],
    },
    {
        "slug": "praha-13",
        "title": "Městská část Praha 13",
        "actor_type": "obec",
        "summary": (
            "Městská část, jejíž Odbor sociální péče už třináct let vede integrační projekt Společná adresa, "
            "uváděný jako příklad dobré praxe v Manuálu lokální integrace."
        ),
        "website": "https://www.praha13.cz",
        "regions": ["hlavni-mesto-praha"],
        "topics": ["komunitni-prace", "socialni-sluzby"],
        "target_groups": ["obce", "cizinci"],
        "translations": {
            "uk": {
                "title": "Міський район Прага 13",
                "summary": (
                    "Міський район, чий відділ соціальної допомоги вже тринадцять років веде інтеграційний "
                    "проєкт «Спільна адреса», наведений як приклад доброї практики в Посібнику з локальної інтеграції."
                ),
            },
            "en": {
                "title": "Prague 13 city district",
                "summary": (
                    "A city district whose social care department has run the integration project "
                    "'Common Address' for thirteen years, cited as good practice in the Local Integration Manual."
                ),
            },
        },
    },
    {
        "slug": "brno",
        "title": "Statutární město Brno",
        "actor_type": "obec",
        "summary": (
            "Odbor sociální péče Magistrátu města Brna zavádí služby interkulturní práce do struktur "
            "městské samosprávy."
        ),
        "website": "https://www.brno.cz",
        "regions": ["jihomoravsky-kraj"],
        "topics": ["komunitni-prace", "tlumoceni", "socialni-sluzby"],
        "target_groups": ["obce", "cizinci"],
    },
]

UKRAINIAN_SERVICES = (
    "<ul><li>фахові соціальні консультації для іноземців</li>"
    "<li>курси чеської мови та соціокультурні курси</li>"
    "<li>робота в гуртожитках і в роботодавців</li>"
    "<li>крайова платформа з інтеграції іноземців</li></ul>"
)
ENGLISH_SERVICES = (
    "<ul><li>professional social counselling for foreigners</li>"
    "<li>Czech language and socio-cultural courses</li>"
    "<li>field work in hostels and at employers</li>"
    "<li>the regional platform for the integration of foreigners</li></ul>"
)

# Integration centres translated in the demo, so uk/en readers meet both translated and Czech pages.
CENTRE_TRANSLATIONS = {
    "cpic-jihlava": {
        "uk": {
            "summary": (
                "Філія для краю Височина; шукає організації-партнери на Жджарщині та Гавлічкобродщині "
                "і з'ясовує потреби іноземців, які працюють у промисловій зоні в Гумпольці."
            ),
            "services": UKRAINIAN_SERVICES,
        },
        "en": {
            "summary": (
                "The branch for the Vysočina Region; it maps partner organisations around Žďár and Havlíčkův "
                "Brod and the needs of foreigners working in the industrial zone in Humpolec."
            ),
            "services": ENGLISH_SERVICES,
        },
    },
    "cpic-ostrava": {
        "uk": {
            "summary": (
                "Філія для Моравсько-Сілезького краю; працює з українською громадою у сфері житла "
                "(обстеження 40 гуртожитків) і пропонує психосоціальні консультації для воєнних біженців."
            ),
            "services": UKRAINIAN_SERVICES,
        },
        "en": {
            "summary": (
                "The branch for the Moravian-Silesian Region; it works with the Ukrainian community on "
                "housing (visiting 40 hostels) and offers psychosocial counselling to war refugees."
            ),
            "services": ENGLISH_SERVICES,
        },
    },
}

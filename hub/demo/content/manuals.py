"""Manuals: the recommendations for new actors (cs/uk/en), ICP's mission and principles, SIMI's manual."""

from hub.demo.content.blocks import (
    callout,
    heading,
    in_language,
    link,
    paragraph,
    recommendations,
    table,
)

MV_UKRAINE_INFO = "https://www.mvcr.cz/clanek/informace-pro-obcany-ukrajiny.aspx"


def recommendations_manual(lang):
    """Title, summary and body of 'Doporučení pro fungování a zasíťování nových aktérů' in one language."""
    t = in_language(lang)
    body = [
        heading(t("Proč se síťovat", "Навіщо об'єднуватися в мережі", "Why networking matters")),
        paragraph(t(
            "<p>Integrace cizinců není v Česku nové téma: první Koncepce integrace cizinců vznikla už v roce 2000 "
            "a byla třikrát zásadně aktualizována. Integrační politiku koordinuje Ministerstvo vnitra, podílejí se "
            "na ní zejména MPSV, MŠMT, MMR, MPO a MZd.</p>",
            "<p>Інтеграція іноземців не є новою темою в Чехії: перша Концепція інтеграції іноземців з'явилася "
            "ще у 2000 році і тричі суттєво оновлювалася. Інтеграційну політику координує Міністерство внутрішніх "
            "справ, участь у ній беруть насамперед міністерства праці, освіти, регіонального розвитку, "
            "промисловості та охорони здоров'я.</p>",
            "<p>The integration of foreigners is not a new topic in Czechia: the first Policy for the Integration "
            "of Foreigners dates from 2000 and has been thoroughly updated three times. The Ministry of the Interior "
            "coordinates integration policy, with the ministries of labour, education, regional development, "
            "industry and health taking part.</p>",
        )),
        paragraph(t(
            "<p>Během uprchlické krize se do adaptace a integrace osob s dočasnou ochranou musely zapojit i nové "
            "subjekty – sociální pracovníci obecních úřadů, obce s rozšířenou působností nebo neziskové organizace, "
            "které dosud s cizinci nepracovaly. Nestavějte „ostrovní systémy“: zapojte se do sítí, které už fungují.</p>",
            "<p>Під час кризи з біженцями до адаптації та інтеграції осіб з тимчасовим захистом долучилися нові "
            "учасники – соціальні працівники муніципалітетів, громади з розширеними повноваженнями та неприбуткові "
            "організації, які раніше з іноземцями не працювали. Не будуйте «острівних систем»: долучайтеся до "
            "мереж, які вже діють.</p>",
            "<p>During the refugee crisis, new actors had to take part in the adaptation and integration of people "
            "with temporary protection – social workers of municipal offices, municipalities with extended powers "
            "and non-profits that had not worked with foreigners before. Do not build 'island systems': join the "
            "networks that already work.</p>",
        )),
        recommendations(
            t("Doporučení pro nové aktéry", "Рекомендації для нових учасників", "Recommendations for new actors"),
            [
                (t("Seznamte se se zkušenými aktéry integrace a zahajte s nimi spolupráci.",
                   "Познайомтеся з досвідченими учасниками інтеграції та почніть з ними співпрацю.",
                   "Get to know the experienced integration actors and start working with them."), ""),
                (t("Na krajské úrovni navažte spolupráci s Centrem na podporu integrace cizinců a po dohodě vstupte do krajské platformy.",
                   "На рівні краю налагодьте співпрацю з Центром підтримки інтеграції іноземців і за домовленістю приєднайтеся до крайової платформи.",
                   "At regional level, work with the Centre for the Support of Integration of Foreigners and, by agreement, join the regional platform."), ""),
                (t("Propojte svou činnost s expertními a střešními neziskovými organizacemi.",
                   "Поєднайте свою діяльність з експертними та парасольковими неприбутковими організаціями.",
                   "Connect your work with expert and umbrella non-profit organisations."), ""),
                (t("Obce: spojte se s místními aktéry a projekt konzultujte s NNO a krajským CPIC.",
                   "Муніципалітети: зв'яжіться з місцевими учасниками та консультуйте проєкт з НУО і крайовим CPIC.",
                   "Municipalities: connect with local actors and consult your project with NGOs and the regional CPIC."), ""),
                (t("Když si nevíte rady, obraťte se na expertní organizace a infolinky.",
                   "Якщо не знаєте, що робити, звертайтеся до експертних організацій та інфоліній.",
                   "When in doubt, turn to the expert organisations and helplines."), ""),
                (t("Průběžně se vzdělávejte.", "Постійно навчайтеся.", "Keep learning."), ""),
            ],
        ),
        heading(t("1. Centra na podporu integrace cizinců", "1. Центри підтримки інтеграції іноземців",
                  "1. Centres for the Support of Integration of Foreigners")),
        paragraph(t(
            "<p>Centra (CPIC) působí ve všech 14 krajích, většina déle než 10 let. Jsou regionálními informačními "
            "středisky: nabízejí právní a sociální poradenství, kurzy češtiny, sociokulturní kurzy a komunitní "
            "aktivity. Kontakty najdete na www.integracnicentra.cz.</p>",
            "<p>Центри (CPIC) працюють у всіх 14 краях, більшість понад 10 років. Це регіональні інформаційні "
            "центри: вони надають юридичні та соціальні консультації, курси чеської мови, соціокультурні курси "
            "та громадські заходи. Контакти – на www.integracnicentra.cz.</p>",
            "<p>The centres (CPIC) work in all 14 regions, most of them for more than 10 years. They are regional "
            "information points offering legal and social counselling, Czech courses, socio-cultural courses and "
            "community activities. Contacts are at www.integracnicentra.cz.</p>",
        )),
        # A list, not a table: wagtail-localize does not translate table cells.
        paragraph(t(
            "<p>Kdo centra provozuje:</p><ul><li>Správa uprchlických zařízení MV – v deseti krajích,</li>"
            "<li>Integrační centrum Praha, o. p. s. – v Praze,</li><li>Jihomoravský kraj,</li>"
            "<li>Poradna pro integraci, z. ú. – v Ústeckém kraji,</li>"
            "<li>Diecézní katolická charita Hradec Králové – v Královéhradeckém kraji.</li></ul>",
            "<p>Хто керує центрами:</p><ul><li>Управління закладів для біженців МВС – у десяти краях,</li>"
            "<li>Інтеграційний центр Прага – у Празі,</li><li>Південноморавський край,</li>"
            "<li>Poradna pro integraci – в Устецькому краї,</li>"
            "<li>Єпархіальний католицький Карітас Градець-Кралове – у Краловоградецькому краї.</li></ul>",
            "<p>Who runs the centres:</p><ul><li>the Refugee Facilities Administration of the Ministry of the Interior – in ten regions,</li>"
            "<li>Integration Centre Prague – in Prague,</li><li>the South Moravian Region,</li>"
            "<li>Poradna pro integraci – in the Ústí nad Labem Region,</li>"
            "<li>the Diocesan Catholic Charity Hradec Králové – in the Hradec Králové Region.</li></ul>",
        )),
        heading(t("1.1 Krajské platformy", "1.1 Крайові платформи", "1.1 Regional platforms"), "h3"),
        paragraph(t(
            "<p>CPIC pořádají setkání krajských platforem: krajské a obecní úřady, policie, úřady práce, školy, "
            "hospodářské komory, zaměstnavatelé a neziskové organizace si na nich vyměňují informace a domlouvají "
            "opatření. Platformy jsou zavedené a lze je přizpůsobit – scházet se častěji a přizvat další aktéry.</p>",
            "<p>CPIC організовують зустрічі крайових платформ: крайові та муніципальні органи, поліція, бюро праці, "
            "школи, господарські палати, роботодавці та неприбуткові організації обмінюються там інформацією та "
            "домовляються про заходи. Платформи вже налагоджені, і їх можна пристосувати – зустрічатися частіше й "
            "запрошувати нових учасників.</p>",
            "<p>The CPICs hold regional platform meetings where regional and municipal offices, the police, labour "
            "offices, schools, chambers of commerce, employers and non-profits share information and agree on "
            "measures. The platforms are established and can adapt – meet more often and invite new actors.</p>",
        )),
        callout("tip",
                t("Zapojte se do krajské platformy", "Долучайтеся до крайової платформи", "Join the regional platform"),
                t("<p>Je to nejrychlejší cesta, jak poznat všechny, kdo v kraji s cizinci pracují.</p>",
                  "<p>Це найшвидший спосіб познайомитися з усіма, хто працює з іноземцями у вашому краї.</p>",
                  "<p>It is the quickest way to meet everyone who works with foreigners in your region.</p>")),
        heading(t("1.2 Místní úroveň", "1.2 Місцевий рівень", "1.2 Local level"), "h3"),
        paragraph(t(
            "<p>V místech hromadného ubytování uprchlíků pomáhají Centra vytvářet sítě místních aktérů. Do ubytoven "
            "dojíždějí sociální pracovníci a tlumočníci a kde to jde, probíhají kurzy češtiny přímo na místě. Centra "
            "slouží jako informační rozcestník a nabízejí samosprávám know-how a metodickou podporu.</p>",
            "<p>У місцях масового розміщення біженців центри допомагають створювати мережі місцевих учасників. "
            "До гуртожитків приїжджають соціальні працівники та перекладачі, а де можливо, курси чеської мови "
            "проходять просто на місці. Центри є інформаційним дороговказом і пропонують органам самоврядування "
            "знання та методичну підтримку.</p>",
            "<p>Where refugees are housed collectively, the centres help build networks of local actors. Social "
            "workers and interpreters visit the hostels and, where possible, Czech courses run on site. The "
            "centres act as a signpost, offering local governments know-how and methodological support.</p>",
        )),
        heading(t("2. Neziskové organizace", "2. Неприбуткові організації", "2. Non-profit organisations")),
        paragraph(t(
            "<p>Neziskové organizace často vyplňují prostor, který státní instituce neobsáhnou, mapují situaci "
            "migrantů a znají jejich potřeby. Konsorcium nevládních organizací pracujících s migranty, Charita "
            "Česká republika, Diakonie a Člověk v tísni podporují i další organizace.</p>",
            "<p>Неприбуткові організації часто заповнюють простір, який державні установи не охоплюють, "
            "відстежують ситуацію мігрантів і знають їхні потреби. Консорціум неурядових організацій, що працюють "
            "з мігрантами, Карітас Чеської Республіки, Діаконія та «Людина в біді» підтримують і інші організації.</p>",
            "<p>Non-profits often fill the space state institutions do not reach, map the situation of migrants "
            "and know their needs. The Consortium of Migrants Assisting Organisations, Caritas Czech Republic, "
            "Diakonie and People in Need also support other organisations.</p>",
        )),
        link(t("Manuál lokální integrace (SIMI)", "Посібник з локальної інтеграції (SIMI)", "Local Integration Manual (SIMI)"),
             "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual"),
        heading(t("3. Infolinky a informace pro cizince", "3. Інфолінії та інформація для іноземців",
                  "3. Helplines and information for foreigners")),
        callout("info",
                t("Informační linka pro cizince", "Інформаційна лінія для іноземців", "Information line for foreigners"),
                t("<p>Telefon +420 974 801 802; obracejí se na ni i obce a další organizace.</p>",
                  "<p>Телефон +420 974 801 802; до неї звертаються також муніципалітети та інші організації.</p>",
                  "<p>Phone +420 974 801 802; municipalities and other organisations call it too.</p>")),
        link(t("Informace pro občany Ukrajiny (MV ČR)", "Інформація для громадян України (МВС ЧР)",
               "Information for citizens of Ukraine (Ministry of the Interior)"), MV_UKRAINE_INFO),
        heading(t("4. Úkoly", "4. Завдання", "4. Tasks")),
        recommendations(
            t("Kdo za co odpovídá", "Хто за що відповідає", "Who is responsible for what"),
            [
                (t("Zajistit podporu školení.", "Забезпечити підтримку навчання.", "Support training."),
                 t("MV, CPIC, NNO", "МВС, CPIC, НУО", "Ministry of the Interior, CPIC, NGOs")),
                (t("Dotačně podpořit síťování, vzdělávání aktérů a mapování situace.",
                   "Фінансово підтримати мережування, навчання учасників і моніторинг ситуації.",
                   "Fund networking, training of actors and mapping of the situation."),
                 t("MV", "МВС", "Ministry of the Interior")),
                (t("Zajišťovat průběžnou výměnu informací mezi NNO, CPIC, MV a dalšími aktéry.",
                   "Забезпечувати постійний обмін інформацією між НУО, CPIC, МВС та іншими учасниками.",
                   "Keep information flowing between NGOs, CPICs, the Ministry and other actors."),
                 t("MV", "МВС", "Ministry of the Interior")),
                (t("Posílit krajské platformy a informovat o nich příjemce dotací.",
                   "Посилити крайові платформи та інформувати про них отримувачів дотацій.",
                   "Strengthen the regional platforms and tell grant recipients about them."),
                 t("CPIC", "CPIC", "CPIC")),
                (t("Zajistit metodickou podporu novým subjektům.",
                   "Забезпечити методичну підтримку новим учасникам.",
                   "Give methodological support to new actors."),
                 t("MV, NNO, CPIC", "МВС, НУО, CPIC", "Ministry of the Interior, NGOs, CPIC")),
                (t("Průběžně vyhodnocovat síťovací aktivity krajských platforem.",
                   "Постійно оцінювати мережеву діяльність крайових платформ.",
                   "Evaluate the networking of the regional platforms continuously."),
                 t("CPIC", "CPIC", "CPIC")),
            ],
        ),
    ]
    return {
        "title": t(
            "Doporučení pro fungování a zasíťování nových aktérů v oblasti integrace cizinců",
            "Рекомендації щодо роботи та об'єднання в мережі нових учасників у сфері інтеграції іноземців",
            "Recommendations for new actors in the integration of foreigners: how to work and network",
        ),
        "summary": t(
            "Jak se nové obce, sociální pracovníci a neziskové organizace zapojí do sítě integrace cizinců: "
            "s kým spolupracovat, kde najít krajskou platformu a na koho se obrátit.",
            "Як нові муніципалітети, соціальні працівники та неприбуткові організації можуть долучитися до мережі "
            "інтеграції іноземців: з ким співпрацювати, де знайти крайову платформу та до кого звертатися.",
            "How new municipalities, social workers and non-profits join the network for the integration of "
            "foreigners: whom to work with, where to find the regional platform and whom to ask.",
        ),
        "body": body,
    }


ICP_PRINCIPLES = [
    ("diskrétnosti", "Pracovníci respektují soukromí klienta a chrání jeho osobní údaje; řídí se pravidly GDPR."),
    ("bezplatnosti", "Služby Integračního centra Praha jsou zdarma."),
    ("respektu", "Ke všem uživatelům přistupujeme s respektem a bez jakékoli diskriminace."),
    ("podpory samostatnosti klienta", "Klient je plně kompetentní řídit svůj život a přispět k řešení své situace."),
    ("odbornosti", "Klientům poskytujeme výhradně ověřené informace z oblasti, v níž máme odborné znalosti."),
    ("spolupráce", "Vztah s klientem stavíme na spolupráci a spolupracujeme i s dalšími odborníky a institucemi."),
    ("důstojnosti", "Vždy zachováváme důstojnost klienta a jsme si vědomi kulturních odlišností v jejím vnímání."),
    ("individuálně určených potřeb", "Cíle a způsob jejich dosažení sestavujeme s každým klientem individuálně."),
    ("posilování sociálního začleňování", "Motivujeme klienty využívat služby v organizaci i mimo ni."),
    ("ochrany lidských práv a svobod", "Služby poskytujeme tak, aby byla vždy dodržena lidská práva a základní svobody."),
]

ICP_MANUAL = {
    "slug": "poslani-a-zasady-poradenstvi",
    "title": "Poslání a zásady odborného sociálního poradenství Integračního centra Praha",
    "summary": (
        "Proč a jak ICP poskytuje odborné sociální poradenství cizincům: poslání služby, její cíle "
        "a deset zásad, kterými se řídí každý pracovník v kontaktu s klienty."
    ),
    "topics": ["socialni-sluzby", "tlumoceni"],
    "target_groups": ["socialni-pracovnici", "cizinci"],
    "regions": ["hlavni-mesto-praha"],
    "body": [
        heading("Poslání"),
        paragraph(
            "<p>Integrační centrum Praha usiluje o to, aby cesta nových obyvatel Prahy k začlenění do české "
            "společnosti byla co nejjednodušší a aby vzájemné soužití s majoritou bylo bezproblémové a oboustranně "
            "přínosné.</p><p>Odborné sociální poradenství poskytuje klientům užitečné informace a pomáhá řešit "
            "záležitosti spojené s integrací – od první orientace a jazykových bariér přes tíživé životní situace "
            "až po plnohodnotné začlenění do společnosti.</p>"
        ),
        heading("Základní činnosti služby", "h3"),
        paragraph(
            "<ul><li>zprostředkování kontaktu se společenským prostředím a navazujících služeb,</li>"
            "<li>sociálně terapeutické činnosti – poradenství v sociálních systémech, právu, psychologii a vzdělávání,</li>"
            "<li>pomoc při uplatňování práv a oprávněných zájmů a při obstarávání osobních záležitostí.</li></ul>"
        ),
        heading("Cíle"),
        paragraph(
            "<p>Strategickým cílem je přispět k naplňování priorit národní Koncepce integrace cizinců: zlepšit "
            "postavení a samostatnost cizinců, posílit jejich sociokulturní kompetence a usnadnit integraci.</p>"
        ),
        heading("Dílčí cíle", "h3"),
        paragraph(
            "<ul><li>zvýšení informovanosti cílové skupiny a posílení inkluze migrantů,</li>"
            "<li>zlepšení sociokulturní orientace ve spolupráci s interkulturními pracovníky,</li>"
            "<li>efektivní podpora při řešení tíživých životních situací (týmový case management),</li>"
            "<li>posílení samostatnosti klientů,</li>"
            "<li>překonávání jazykových a kulturních bariér,</li>"
            "<li>mapování a monitoring překážek integrace,</li>"
            "<li>průběžná evaluace a zvyšování kvality služeb.</li></ul>"
        ),
        callout("info", "Týmový case management",
                "<p>Na řešení náročného případu se vedle klienta a sociálního pracovníka podílejí podle potřeby "
                "právníci, interkulturní pracovníci a další odborníci.</p>"),
        heading("Zásady"),
        table([["Zásada", "Co znamená v praxi"], *[[name, text] for name, text in ICP_PRINCIPLES]],
              caption="Zásady odborného sociálního poradenství ICP"),
    ],
}

SIMI_MANUAL = {
    "slug": "manual-lokalni-integrace",
    "title": "Manuál lokální integrace migrantů",
    "summary": (
        "Souhrnný manuál SIMI pro úředníky obcí a krajů bez zkušenosti s integrací: jaká opatření přijmout, "
        "jak získat dotaci Ministerstva vnitra a jaké workshopy si obec může objednat."
    ),
    "topics": ["financovani", "sitovani", "komunitni-prace"],
    "target_groups": ["obce"],
    "body": [
        paragraph(
            "<p>Role měst a obcí je v integraci klíčová – mnoho místních aktivit by bez nich nevzniklo. Podmínky "
            "obcí se liší, proto neexistuje jeden návod pro všechny; lze se ale inspirovat ověřenými postupy.</p>"
        ),
        heading("Dotace Ministerstva vnitra pro obce"),
        paragraph(
            "<p>Kapitola 2 manuálu stručně vysvětluje, jak samosprávy získají dotaci MV na integraci cizinců na "
            "lokální úrovni a jak ji co nejlépe využít. Uvádí i osvědčené příklady, mezi nimi projekt Prahy 13 "
            "Společná adresa.</p>"
        ),
        link("Manuál lokální integrace na webu SIMI",
             "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual"),
        heading("Workshopy na míru obci"),
        recommendations("Co může workshop SIMI pokrýt", [
            ("Mapování situace v oblasti integrace cizinců ve vaší obci, městě nebo kraji.", "SIMI"),
            ("Tvorba, rozvoj a evaluace lokální sítě aktérů integrace.", "SIMI"),
            ("Vytvoření sítě koordinátorů pro začleňování žáků s odlišným mateřským jazykem.", "SIMI"),
            ("Zavádění integračních opatření do komunitního plánování.", "SIMI"),
            ("Integrační opatření v dalších lokálních politikách (sociální služby, vzdělávání, strategie).", "SIMI"),
            ("SWOT analýza stavu integrace ve vaší lokalitě.", "SIMI"),
        ]),
        callout("tip", "Materiály dalších organizací",
                "<p>Integrační centrum Praha vydalo brožuru pro městské části o tom, jak může úřad podpořit "
                "integraci cizinců; Multikulturní centrum Praha pořádá workshopy Jak řešit integraci cizinců "
                "v obcích a městských částech.</p>"),
    ],
}

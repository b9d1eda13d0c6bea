"""Trainings and network meetings the seeds' task list asks for; dates are set relative to the first load."""

from hub.demo.content.blocks import paragraph

EVENTS = [
    {
        "owner": "ministerstvo-vnitra",
        "slug": "online-skoleni-pro-nove-aktery",
        "title": "Online školení pro nové aktéry: jak se zapojit do sítě integrace",
        "kind": "training",
        "days_from_now": 21,
        "hours": (9, 12),
        "online": True,
        "summary": "Pro sociální pracovníky obcí a nové neziskové organizace: kdo je kdo v integraci cizinců a kam se obrátit.",
        "body": [paragraph(
            "<p>Školení naplňuje první úkol doporučení pro nové aktéry – zajistit podporu školení. Představí "
            "Centra na podporu integrace cizinců, krajské platformy, střešní neziskové organizace a infolinky.</p>"
        )],
        "topics": ["sitovani", "docasna-ochrana"],
        "target_groups": ["socialni-pracovnici", "nno", "obce"],
    },
    {
        "owner": "cpic-jihlava",
        "slug": "krajska-platforma-vysocina",
        "title": "Setkání krajské platformy pro integraci cizinců – Kraj Vysočina",
        "kind": "meeting",
        "days_from_now": 35,
        "hours": (10, 13),
        "place": "Jihlava",
        "summary": "Pravidelné setkání úřadů, škol, zaměstnavatelů a neziskových organizací z Vysočiny.",
        "body": [paragraph(
            "<p>Na programu je výměna informací o cizincích pracujících v průmyslové zóně v Humpolci a nabídka "
            "spolupráce organizacím ze Žďárska a Havlíčkobrodska.</p>"
        )],
        "regions": ["kraj-vysocina"],
        "topics": ["sitovani", "zamestnani"],
        "target_groups": ["obce", "zamestnavatele", "nno"],
    },
    {
        "owner": "cpic-ostrava",
        "slug": "krajska-platforma-moravskoslezsky-kraj",
        "title": "Setkání krajské platformy pro integraci cizinců – Moravskoslezský kraj",
        "kind": "meeting",
        "days_from_now": 28,
        "hours": (9, 12),
        "place": "Ostrava",
        "summary": "Setkání úřadů, škol, zaměstnavatelů a neziskových organizací z Moravskoslezského kraje.",
        "body": [paragraph(
            "<p>Na programu je bydlení lidí z Ukrajiny na ubytovnách v regionu a změny zákonů LEX Ukrajina. "
            "Nové neziskové organizace a obce jsou vítány – krajská platforma je zavedený kanál pro výměnu "
            "informací.</p>"
        )],
        "regions": ["moravskoslezsky-kraj"],
        "topics": ["sitovani", "bydleni", "docasna-ochrana"],
        "target_groups": ["obce", "nno", "socialni-pracovnici"],
    },
    {
        "owner": "simi",
        "slug": "workshop-pro-obce-mapovani",
        "title": "Workshop pro obce: mapování situace a lokální síť aktérů",
        "kind": "training",
        "days_from_now": -20,
        "hours": (13, 16),
        "place": "Praha",
        "summary": "Workshop na míru městským částem: základní data o migrantech, aktéři, strategie a finanční zdroje.",
        "body": [paragraph(
            "<p>Workshop vychází z nabídky SIMI pro samosprávy: mapování situace, tvorba lokální sítě aktérů "
            "a SWOT analýza stavu integrace.</p>"
        )],
        "regions": ["hlavni-mesto-praha"],
        "topics": ["sitovani", "komunitni-prace"],
        "target_groups": ["obce"],
    },
]

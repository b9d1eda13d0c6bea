"""Good practice from SIMI's overview for municipalities (Praha 13, Brno, META) and SIMI's own project."""

import datetime

from hub.demo.content.blocks import callout, heading, in_language, link, paragraph

MIS_PAGE = "https://www.migrace.com/cs/regularizace/mesta-a-inkluzivni-strategie/integracni_manual"


def common_address(lang):
    """'Společná adresa' of Prague 13, in one language (translated into uk and en in the demo)."""
    t = in_language(lang)
    return {
        "title": t("Společná adresa – integrační projekt Prahy 13", "«Спільна адреса» – інтеграційний проєкт Праги 13",
                   "Common Address – the integration project of Prague 13"),
        "summary": t(
            "Městská část Praha 13 vede integrační projekt Společná adresa už třináct let. Ukazuje, že obec může "
            "integraci cizinců dlouhodobě nést ve vlastních strukturách.",
            "Міський район Прага 13 веде інтеграційний проєкт «Спільна адреса» вже тринадцять років. Він показує, "
            "що громада може довгостроково забезпечувати інтеграцію іноземців власними силами.",
            "Prague 13 has run the integration project Common Address for thirteen years, showing that a "
            "municipality can carry the integration of foreigners in its own structures for the long term.",
        ),
        "municipality": t("Praha 13", "Прага 13", "Prague 13"),
        "body": [
            heading(t("Co projekt dělá", "Що робить проєкт", "What the project does")),
            paragraph(t(
                "<p>Projekt vede Odbor sociální péče Úřadu městské části Praha 13. SIMI jej v Manuálu lokální "
                "integrace uvádí jako příklad dobré praxe financované z dotací Ministerstva vnitra na integraci "
                "cizinců na lokální úrovni.</p>",
                "<p>Проєкт веде відділ соціальної допомоги Управи міського району Прага 13. SIMI наводить його в "
                "Посібнику з локальної інтеграції як приклад доброї практики, що фінансується з дотацій "
                "Міністерства внутрішніх справ на локальну інтеграцію іноземців.</p>",
                "<p>The social care department of the Prague 13 district office runs the project. SIMI cites it in "
                "the Local Integration Manual as good practice funded by the Ministry of the Interior's grants for "
                "local integration of foreigners.</p>",
            )),
            callout("tip",
                    t("Proč je inspirativní", "Чому це надихає", "Why it inspires"),
                    t("<p>Projekt běží třináct let: integrace je stálou součástí práce úřadu, ne jednorázovou akcí.</p>",
                      "<p>Проєкт триває тринадцять років: інтеграція – постійна частина роботи управи, а не разова акція.</p>",
                      "<p>The project has run for thirteen years: integration is a standing part of the office's work, not a one-off.</p>")),
        ],
        "outcomes": t(
            "<p>Dlouhodobě fungující projekt, který slouží jako vzor dalším městským částem a obcím.</p>",
            "<p>Довгостроковий проєкт, що є зразком для інших міських районів і громад.</p>",
            "<p>A long-running project that serves as a model for other districts and municipalities.</p>",
        ),
        "funding_source": t(
            "Dotace Ministerstva vnitra na integraci cizinců na lokální úrovni",
            "Дотації Міністерства внутрішніх справ на локальну інтеграцію іноземців",
            "Ministry of the Interior grants for local integration of foreigners",
        ),
        "links": [link(t("Videoprezentace projektu (SIMI)", "Відеопрезентація проєкту (SIMI)",
                         "Video presentation of the project (SIMI)"), MIS_PAGE)],
    }


PRACTICES = [
    {
        "owner": "praha-13",
        "slug": "spolecna-adresa",
        "translated": True,
        "organisations": ["praha-13"],
        "regions": ["hlavni-mesto-praha"],
        "topics": ["komunitni-prace", "financovani", "socialni-sluzby"],
        "target_groups": ["cizinci", "obce"],
        "contact": "Bc. Petr Syrový\nOdbor sociální péče, Úřad městské části Praha 13",
        "fields": common_address("cs"),
    },
    {
        "owner": "brno",
        "slug": "interkulturni-prace-v-samosprave",
        "organisations": ["brno"],
        "regions": ["jihomoravsky-kraj"],
        "topics": ["komunitni-prace", "tlumoceni", "socialni-sluzby"],
        "target_groups": ["cizinci", "obce"],
        "contact": "Mgr. Lenka Šafránková Pavlíčková\nOdbor sociální péče, Magistrát města Brna",
        "fields": {
            "title": "Interkulturní práce ve strukturách brněnské samosprávy",
            "summary": (
                "Brno zavádí služby interkulturní práce přímo do struktur městské samosprávy, aby se cizinci "
                "dorozuměli s úřady a úřady rozuměly jim."
            ),
            "municipality": "Brno",
            "body": [
                heading("Co město dělá"),
                paragraph(
                    "<p>Odbor sociální péče Magistrátu města Brna sdílí zkušenosti se zaváděním interkulturní práce "
                    "do struktur samosprávy: interkulturní pracovníci pomáhají překonat jazykovou i kulturní bariéru "
                    "mezi úřadem a obyvateli s migrační zkušeností.</p>"
                ),
                callout("info", "Pro koho je příklad užitečný",
                        "<p>Pro velká města a obce s rozšířenou působností, kde žije mnoho cizinců.</p>"),
            ],
            "funding_source": "",
            "links": [link("Záznam prezentace (SIMI)", MIS_PAGE)],
        },
    },
    {
        "owner": "meta",
        "slug": "spoluprace-obci-skol-a-nno",
        "organisations": ["meta"],
        "regions": ["hlavni-mesto-praha"],
        "topics": ["vzdelavani", "sitovani"],
        "target_groups": ["zaci-omj", "skoly", "obce"],
        "contact": "Bc. Jan Heinrich, vedoucí sociálních služeb, META, o. p. s.",
        "fields": {
            "title": "Spolupráce obcí, škol a NNO při začleňování žáků s odlišným mateřským jazykem",
            "summary": (
                "META dlouhodobě propojuje obce, školy a neziskové organizace, aby žáci a studenti s odlišným "
                "mateřským jazykem dostali podporu včas a na jednom místě."
            ),
            "municipality": "Praha",
            "body": [
                heading("Proč spolupracovat"),
                paragraph(
                    "<p>Škola sama nestačí: začlenění žáka s odlišným mateřským jazykem potřebuje obec jako "
                    "zřizovatele, školu a neziskovou organizaci, která zná rodinu i komunitu.</p>"
                ),
                callout("tip", "Jak začít",
                        "<p>Vytvořte v obci síť koordinátorů pro začleňování žáků s OMJ – s tím pomáhá i workshop SIMI.</p>"),
            ],
            "links": [link("Záznam prezentace (SIMI)", MIS_PAGE)],
        },
    },
    {
        "owner": "simi",
        "slug": "mesta-a-inkluzivni-strategie",
        "organisations": ["simi"],
        "regions": ["hlavni-mesto-praha", "liberecky-kraj", "jihomoravsky-kraj"],
        "topics": ["sitovani", "financovani"],
        "target_groups": ["obce", "nno"],
        "start_date": datetime.date(2017, 9, 1),
        "end_date": datetime.date(2020, 12, 31),
        "contact": "Sdružení pro integraci a migraci, o. p. s.",
        "fields": {
            "title": "Města a inkluzivní strategie (MIS)",
            "summary": (
                "Projekt SIMI z let 2017–2020 zmapoval lokální integraci cizinců v Česku za posledních 20 let, "
                "vydal manuál pro obce a podpořil vznik krajských a celostátních platforem."
            ),
            "municipality": "Praha, Liberecký a Jihomoravský kraj",
            "body": [
                heading("Cíle projektu"),
                paragraph(
                    "<ul><li>zhodnotit integraci cizinců na lokální úrovni – projekty, finanční toky, legislativu,</li>"
                    "<li>vybudovat znalostní platformu pro aktéry integrace,</li>"
                    "<li>nastavit integrační politiky tak, aby lépe odrážely potřeby cizinců.</li></ul>"
                ),
                heading("Partneři", "h3"),
                paragraph(
                    "<p>CESES FSV UK, Multikulturní centrum Praha, MPSV a kraje Hlavní město Praha, Liberecký "
                    "a Jihomoravský.</p>"
                ),
            ],
            "outcomes": (
                "<ul><li>Manuál lokální integrace migrantů</li>"
                "<li>online databáze projektů lokální integrace za posledních 20 let</li>"
                "<li>podpora tematických platforem na krajské a celostátní úrovni</li></ul>"
            ),
            "funding_source": "Evropský sociální fond, Operační program Zaměstnanost (výzva 124)",
            "links": [link("Projekt Města a inkluzivní strategie", MIS_PAGE)],
        },
    },
]

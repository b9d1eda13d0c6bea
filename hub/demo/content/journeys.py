"""The "I am …" journeys, in cs / uk / en: first steps from the recommendations for new actors.

Each step is what the recommendations (seeds 000/001) advise, with the facts the other seeds add
(SIMI's workshops for municipalities, META's work with schools, the CPIC branches' goals). Steps
name the regional information they show ("regional_centre", "trainings", "helplines") and the pages
they lead to, by key: ("organisation", slug) or ("page", owner slug, slug).
"""

from hub.demo.content.blocks import in_language
from hub.journeys.blocks import HELPLINES, REGIONAL_CENTRE, TRAININGS

INDEX = {
    "cs": ("Jsem…", "jsem", "<p>Vyberte, kdo jste, a uvidíte první kroky – s kontakty a akcemi ve svém kraji.</p>"),
    "uk": ("Я…", "ya", "<p>Оберіть, хто ви, і побачите перші кроки – з контактами та заходами у вашому краї.</p>"),
    "en": ("I am…", "i-am", "<p>Choose who you are to see your first steps – with the contacts and events in your region.</p>"),
}

RECOMMENDATIONS = ("page", "ministerstvo-vnitra", "doporuceni-pro-nove-aktery")
SIMI_MANUAL = ("page", "simi", "manual-lokalni-integrace")
COMMON_ADDRESS = ("page", "praha-13", "spolecna-adresa")
SCHOOLS_PRACTICE = ("page", "meta", "spoluprace-obci-skol-a-nno")


def journeys(lang):
    """(slug, fields, steps) of every journey in `lang`; steps are (title, html, shows, page keys)."""
    t = in_language(lang)
    centre_step = (
        t("Spojte se s Centrem na podporu integrace cizinců ve svém kraji",
          "Зв'яжіться з Центром підтримки інтеграції іноземців у своєму краї",
          "Contact the Centre for the Support of Integration of Foreigners in your region"),
        t("<p>Centra (CPIC) působí ve všech 14 krajích jako regionální informační střediska: radí cizincům "
          "i institucím, pořádají kurzy češtiny a sociokulturní kurzy a místním samosprávám nabízejí "
          "informace a metodickou podporu.</p>",
          "<p>Центри (CPIC) діють у всіх 14 краях як регіональні інформаційні центри: консультують іноземців "
          "та установи, організовують курси чеської мови й соціокультурні курси та пропонують місцевому "
          "самоврядуванню інформацію і методичну підтримку.</p>",
          "<p>The centres (CPIC) work in all 14 regions as regional information points: they advise foreigners "
          "and institutions, run Czech and socio-cultural courses and offer local governments information and "
          "methodological support.</p>"),
        [REGIONAL_CENTRE],
        [],
    )
    platform_step = (
        t("Zapojte se do krajské platformy", "Долучіться до крайової платформи", "Join the regional platform"),
        t("<p>Krajskou platformu svolává CPIC. Sdružuje krajské a obecní úřady, policii, úřady práce, školy, "
          "hospodářské komory, větší zaměstnavatele a neziskové organizace a slouží k výměně informací. "
          "Po dohodě s CPIC se můžete zapojit.</p>",
          "<p>Крайову платформу скликає CPIC. Вона об'єднує крайові й муніципальні установи, поліцію, бюро праці, "
          "школи, господарські палати, більших роботодавців і неприбуткові організації та слугує для обміну "
          "інформацією. За домовленістю з CPIC ви можете долучитися.</p>",
          "<p>The CPIC convenes the regional platform. It brings together regional and municipal offices, the "
          "police, labour offices, schools, chambers of commerce, larger employers and non-profits to share "
          "information. By agreement with the CPIC you can join.</p>"),
        [TRAININGS],
        [],
    )
    helplines_step = (
        t("Když si nejste jistí, využijte infolinky", "Якщо ви не впевнені, скористайтеся інфолініями",
          "When in doubt, use the helplines"),
        t("<p>Při neznalosti nebo pochybnostech se vždy obraťte na expertní organizace a infolinky – "
          "například na Informační linku pro cizince Ministerstva vnitra.</p>",
          "<p>Якщо чогось не знаєте або сумніваєтеся, завжди звертайтеся до експертних організацій та "
          "інфоліній – наприклад, до Інформаційної лінії для іноземців Міністерства внутрішніх справ.</p>",
          "<p>Whenever you do not know or are unsure, turn to the expert organisations and helplines – for "
          "example the Ministry of the Interior's information line for foreigners.</p>"),
        [HELPLINES],
        [],
    )
    learning_texts = (
        t("Průběžně se vzdělávejte", "Постійно навчайтеся", "Keep learning"),
        t("<p>Školení pro nové aktéry pořádají Ministerstvo vnitra, CPIC i neziskové organizace. Sledujte "
          "nejbližší akce ve svém kraji.</p>",
          "<p>Навчання для нових учасників організовують Міністерство внутрішніх справ, CPIC і неприбуткові "
          "організації. Стежте за найближчими заходами у своєму краї.</p>",
          "<p>The Ministry of the Interior, the CPICs and non-profits run trainings for new actors. Watch for the "
          "next events in your region.</p>"),
    )
    learning_step = (*learning_texts, [TRAININGS], [RECOMMENDATIONS])
    # After the platform step, which lists the region's next events already.
    reading_step = (*learning_texts, [], [RECOMMENDATIONS])
    return [
        ("obec", {
            "audience": t("Obec, ORP nebo sociální pracovník obce", "Муніципалітет або соціальний працівник громади",
                          "A municipality or its social worker"),
            "title": t("První kroky pro obce a sociální pracovníky obcí",
                       "Перші кроки для муніципалітетів і соціальних працівників громад",
                       "First steps for municipalities and their social workers"),
            "summary": t("Co udělat nejdřív, když na úřad přicházejí cizinci – podle doporučení pro nové aktéry integrace.",
                         "Що зробити насамперед, коли до установи приходять іноземці – за рекомендаціями для нових учасників інтеграції.",
                         "What to do first when foreigners come to your office – following the recommendations for new integration actors."),
        }, [
            centre_step,
            platform_step,
            (t("Spojte se s místními aktéry a projekt konzultujte",
               "Зв'яжіться з місцевими учасниками та консультуйте проєкт",
               "Connect with local actors and consult your project"),
             t("<p>Nestavějte „ostrovní systémy“. Při přípravě projektu se poraďte s neziskovými organizacemi a "
               "s krajsky příslušným CPIC. Jak získat dotaci Ministerstva vnitra, popisuje Manuál lokální integrace.</p>",
               "<p>Не будуйте «острівних систем». Готуючи проєкт, порадьтеся з неприбутковими організаціями та "
               "з CPIC свого краю. Як отримати дотацію Міністерства внутрішніх справ, описує Посібник з локальної інтеграції.</p>",
               "<p>Do not build 'island systems'. When preparing a project, consult non-profits and your region's "
               "CPIC. The Local Integration Manual explains how to get a Ministry of the Interior grant.</p>"),
             [], [SIMI_MANUAL, COMMON_ADDRESS]),
            helplines_step,
            reading_step,
        ]),
        ("skola", {
            "audience": t("Škola", "Школа", "A school"),
            "title": t("První kroky pro školy", "Перші кроки для шкіл", "First steps for schools"),
            "summary": t("Kdo škole pomůže se žáky s odlišným mateřským jazykem a jejich rodinami.",
                         "Хто допоможе школі з учнями з іншою рідною мовою та їхніми родинами.",
                         "Who can help a school with pupils whose mother tongue is not Czech, and with their families."),
        }, [
            (t("Pozvěte si CPIC do školy", "Запросіть CPIC до школи", "Invite the CPIC to your school"),
             t("<p>Centra na podporu integrace cizinců pořádají přednášky a preventivní programy pro základní "
               "a střední školy a radí i pedagogům.</p>",
               "<p>Центри підтримки інтеграції іноземців проводять лекції та превентивні програми для основних "
               "і середніх шкіл і консультують педагогів.</p>",
               "<p>The integration centres give talks and prevention programmes in primary and secondary schools "
               "and advise teachers too.</p>"),
             [REGIONAL_CENTRE], []),
            (t("Spojte se s obcí a neziskovými organizacemi", "Зв'яжіться з громадою та неприбутковими організаціями",
               "Connect with the municipality and non-profits"),
             t("<p>Začlenění žáka potřebuje školu, obec jako zřizovatele i neziskovou organizaci, která zná rodinu. "
               "Jak taková spolupráce funguje, ukazuje META.</p>",
               "<p>Для інтеграції учня потрібні школа, громада як засновник і неприбуткова організація, яка знає "
               "родину. Як працює така співпраця, показує META.</p>",
               "<p>Including a pupil takes the school, the municipality that runs it and a non-profit that knows the "
               "family. META shows how such cooperation works.</p>"),
             [], [SCHOOLS_PRACTICE]),
            (t("Využijte platformu Pomáhej Ukrajině", "Скористайтеся платформою Pomáhej Ukrajině",
               "Use the Pomáhej Ukrajině platform"),
             t("<p>Platforma je otevřená i školám: najdete v ní nabídky pomoci a kontakty na odborníky ze "
               "školství, na psychologickou podporu i na dobrovolníky.</p>",
               "<p>Платформа відкрита й для шкіл: у ній ви знайдете пропозиції допомоги та контакти фахівців "
               "у сфері освіти, психологічної підтримки та волонтерів.</p>",
               "<p>The platform is open to schools too: it lists offers of help and contacts of education "
               "professionals, psychological support and volunteers.</p>"),
             [HELPLINES], [("organisation", "konsorcium-nno")]),
            learning_step,
        ]),
        ("nno", {
            "audience": t("Nová nezisková organizace", "Нова неприбуткова організація", "A new non-profit"),
            "title": t("První kroky pro nové neziskové organizace", "Перші кроки для нових неприбуткових організацій",
                       "First steps for new non-profits"),
            "summary": t("S kým se spojit, jak vstoupit do krajské platformy a kde hledat podporu.",
                         "З ким зв'язатися, як долучитися до крайової платформи і де шукати підтримку.",
                         "Whom to connect with, how to join the regional platform and where to find support."),
        }, [
            centre_step,
            platform_step,
            (t("Propojte se se střešními organizacemi", "Поєднайтеся з парасольковими організаціями",
               "Connect with the umbrella organisations"),
             t("<p>Konsorcium nevládních organizací pracujících s migranty, Charita Česká republika, Diakonie "
               "a Člověk v tísni podporují i další organizace a mají expertní znalosti o integraci cizinců.</p>",
               "<p>Консорціум неурядових організацій, що працюють з мігрантами, Карітас Чеської Республіки, "
               "Діаконія та «Людина в біді» підтримують інші організації й мають експертні знання про інтеграцію.</p>",
               "<p>The Consortium of NGOs working with migrants, Caritas Czech Republic, Diakonie and People in Need "
               "support other organisations and have expert knowledge of integration.</p>"),
             [], [("organisation", "konsorcium-nno"), ("organisation", "charita-cr"),
                  ("organisation", "diakonie-cce"), ("organisation", "clovek-v-tisni")]),
            (t("Hledejte podporu a financování", "Шукайте підтримку та фінансування", "Look for support and funding"),
             t("<p>Ministerstvo vnitra dotačně podporuje síťování a vzdělávání aktérů, včetně organizací "
               "vytvořených cizinci. Člověk v tísni finančně podporuje jiné NNO v aktivitách, které stát zatím "
               "nepodporuje.</p>",
               "<p>Міністерство внутрішніх справ фінансує співпрацю та навчання учасників, зокрема організацій, "
               "створених іноземцями. «Людина в біді» фінансово підтримує інші НУО в діяльності, яку держава "
               "поки не підтримує.</p>",
               "<p>The Ministry of the Interior funds networking and training of actors, including organisations "
               "founded by foreigners. People in Need funds other NGOs in activities the state does not support yet.</p>"),
             [], [("organisation", "ministerstvo-vnitra"), ("organisation", "clovek-v-tisni")]),
            helplines_step,
            reading_step,
        ]),
        ("zamestnavatel", {
            "audience": t("Zaměstnavatel", "Роботодавець", "An employer"),
            "title": t("První kroky pro zaměstnavatele", "Перші кроки для роботодавців", "First steps for employers"),
            "summary": t("Kdo poradí vám i zaměstnancům ze zahraničí a kde se setkat s ostatními v kraji.",
                         "Хто порадить вам і працівникам з-за кордону та де зустрітися з іншими в краї.",
                         "Who advises you and your employees from abroad, and where to meet others in the region."),
        }, [
            (t("Spojte se s CPIC ve svém kraji", "Зв'яжіться з CPIC у своєму краї", "Contact the CPIC in your region"),
             t("<p>Pracovníci CPIC navštěvují zaměstnavatele a ubytovny a radí cizincům, kteří u vás pracují – "
               "například CPIC Kladno oslovuje firmy a CPIC Jihlava mapuje potřeby lidí z průmyslové zóny v Humpolci.</p>",
               "<p>Працівники CPIC відвідують роботодавців і гуртожитки та консультують іноземців, які у вас працюють – "
               "наприклад, CPIC Кладно звертається до фірм, а CPIC Їглава з'ясовує потреби людей з промзони в Гумпольці.</p>",
               "<p>CPIC staff visit employers and hostels and advise the foreigners who work for you – CPIC Kladno "
               "reaches out to companies, and CPIC Jihlava maps the needs of people in the Humpolec industrial zone.</p>"),
             [REGIONAL_CENTRE], []),
            (t("Přijďte na krajskou platformu", "Прийдіть на крайову платформу", "Come to the regional platform"),
             t("<p>Na krajské platformě se setkávají hospodářské komory, větší zaměstnavatele, úřady práce a další. "
               "Některé pobočky pořádají kulatý stůl pro zástupce firem.</p>",
               "<p>На крайовій платформі зустрічаються господарські палати, більші роботодавці, бюро праці та інші. "
               "Деякі філії проводять круглий стіл для представників фірм.</p>",
               "<p>Chambers of commerce, larger employers, labour offices and others meet on the regional platform. "
               "Some branches hold a round table for companies.</p>"),
             [TRAININGS], []),
            (t("Nabídněte zaměstnancům kurzy", "Запропонуйте працівникам курси", "Offer your employees courses"),
             t("<p>CPIC pořádají kurzy češtiny a sociokulturní kurzy – o právech a povinnostech, bydlení nebo "
               "pracovněprávních vztazích – a kde je to možné, i mimo sídlo pobočky.</p>",
               "<p>CPIC організовують курси чеської мови та соціокультурні курси – про права й обов'язки, житло "
               "чи трудові відносини – і, де можливо, поза містом філії.</p>",
               "<p>The CPICs run Czech and socio-cultural courses – on rights and duties, housing or employment "
               "law – and, where they can, outside the branch's town too.</p>"),
             [], []),
            helplines_step,
        ]),
        ("dobrovolnik", {
            "audience": t("Dobrovolník nebo dobrovolnice", "Волонтер або волонтерка", "A volunteer"),
            "title": t("První kroky pro dobrovolníky", "Перші кроки для волонтерів", "First steps for volunteers"),
            "summary": t("Jak nabídnout pomoc tam, kde je potřeba, a předávat ověřené kontakty.",
                         "Як запропонувати допомогу там, де вона потрібна, і передавати перевірені контакти.",
                         "How to offer help where it is needed and pass on trustworthy contacts."),
        }, [
            (t("Nabídněte pomoc přes Pomáhej Ukrajině", "Запропонуйте допомогу через Pomáhej Ukrajině",
               "Offer help through Pomáhej Ukrajině"),
             t("<p>Platforma soustřeďuje nabídky a potřeby pomoci na jednom místě; obce, školy a organizace v ní "
               "mohou dobrovolníky přímo oslovit. Hledat lze podle krajů.</p>",
               "<p>Платформа збирає пропозиції та потреби допомоги в одному місці; громади, школи й організації "
               "можуть безпосередньо звертатися до волонтерів. Шукати можна за краями.</p>",
               "<p>The platform gathers offers and needs of help in one place; municipalities, schools and "
               "organisations can reach volunteers directly. You can search by region.</p>"),
             [HELPLINES], [("organisation", "konsorcium-nno")]),
            (t("Spojte se s CPIC nebo místní organizací", "Зв'яжіться з CPIC або місцевою організацією",
               "Get in touch with the CPIC or a local organisation"),
             t("<p>CPIC se síťují s místními sociálními službami, školami, neziskovými organizacemi a dobrovolníky. "
               "Zeptejte se, kde je vaše pomoc potřeba.</p>",
               "<p>CPIC співпрацюють з місцевими соціальними службами, школами, неприбутковими організаціями "
               "та волонтерами. Запитайте, де потрібна ваша допомога.</p>",
               "<p>The CPICs network with local social services, schools, non-profits and volunteers. Ask where "
               "your help is needed.</p>"),
             [REGIONAL_CENTRE], []),
            (t("Předávejte ověřené kontakty", "Передавайте перевірені контакти", "Pass on trustworthy contacts"),
             t("<p>Cizincům nejvíc pomůže, když dostanou kontakty na organizace, které jim poskytují podporu – "
               "sníží se tak riziko závislosti na zprostředkovatelích.</p>",
               "<p>Іноземцям найбільше допоможуть контакти організацій, які надають підтримку – так зменшується "
               "ризик залежності від посередників.</p>",
               "<p>Foreigners are helped most by contacts of organisations that support them – it lowers the risk "
               "of depending on middlemen.</p>"),
             [HELPLINES], []),
            learning_step,
        ]),
    ]

"""Operational goals 2024 of several CPIC branches, as the SUZ document states them."""

YEAR = 2024
RESPONSIBLE = "vedoucí Centra na podporu integrace cizinců"
EVALUATION_METHOD = "1x měsíčně na poradě pracovního týmu, statistické výstupy."
EVALUATION_DEADLINE = "uzávěrka konec roku"
SUMMARY = (
    "Operační cíle stanovuje vedoucí Centra s pracovníky služby každoročně podle aktuální situace "
    "v regionu; schvaluje je vedoucí Odboru center na podporu integrace cizinců. Stav plnění "
    "doplní centrum při vyhodnocení."
)

# organisation slug: goals in the order the document lists them
GOALS = {
    "cpic-benesov": [
        "Zvyšování informovanosti o skutečné situaci válečných uprchlíků do povědomí široké veřejnosti "
        "(např. preventivní programy na ZŠ a SŠ). Oslovit studenty, jejich rodinné příslušníky, kteří jsou "
        "sami cizinci, i odbornou veřejnost – pedagogické pracovníky.",
        "Vzdělávání sociálních pracovníků – prohlubování znalostí v tématech domácího násilí, krizové "
        "intervence a pobytové problematiky cizinců. Za zaškoleného považujeme pracovníka, který se v těchto "
        "tématech orientuje a umí klientovi CPIC poskytnout odborné poradenství.",
        "Koordinátor CPIC si každý měsíc domluví deset schůzek (zástupci měst a obcí, firem a ubytoven).",
        "Minimálně 1x týdně navštěvovat místní OAMP.",
        "Uskutečnění multikulturní akce.",
        "Obsadit místo sociálního pracovníka a adekvátně jej zaškolit dle metodiky sociální práce, aby "
        "samostatně vedl odborné sociální poradenství s klientem.",
        "Pořádat sociokulturní kurzy (ideálně 4x do roka) a kurzy českého jazyka i mimo Benešov, abychom "
        "zvýšili dostupnost informací a služeb CPIC.",
    ],
    "cpic-ceske-budejovice": [
        "Zmapovat lékaře v Českých Budějovicích a okolí, kteří přijímají cizince, a vytvořit seznam.",
        "Prohloubit spolupráci s komunitami cizinců (Vietnam, Indie, Mongolsko, Čína).",
        "Rozpracovat příručky na různá témata pro klienty.",
    ],
    "cpic-pisek": [
        "Sehnat komunitního pracovníka na pravidelnou volnočasovou aktivitu a tu realizovat.",
        "Realizovat integrační aktivity (v návaznosti na české zvyky a tradice) a sociokulturní kurzy "
        "k aktuální problematice.",
        "Zajistit další prostory ke konzultacím.",
        "Pokračovat v systematické terénní činnosti v okrese Písek a Strakonice.",
    ],
    "cpic-jihlava": [
        "Zmapovat možné spolupracující organizace na Žďársku a Havlíčkobrodsku.",
        "Zmapovat cílovou skupinu ve městě Humpolec s cílem zjistit národnostní složení a skutečné potřeby; "
        "především cizince pracující v průmyslové zóně.",
        "Sociální pracovníci se zúčastní akreditovaného vzdělávání o finanční gramotnosti, aby klientům "
        "radili srozumitelně.",
        "Požádat úřad práce o setkání k pojistným i nepojistným dávkám státní sociální podpory, aby sociální "
        "pracovníci měli hlubší přehled o jejich přiznávání.",
        "Vytvořit a pravidelně aktualizovat seznam soudních tlumočníků z ukrajinštiny, ruštiny a mongolštiny "
        "a infografiku, jak hledat soudní tlumočníky do ostatních jazyků.",
    ],
    "cpic-liberec": [
        "Spolupracovat s vybranými základními školami v Libereckém kraji, zejména na Jablonecku a Semilsku. "
        "Zrealizovat alespoň 5 schůzek se zástupci škol a šířit povědomí o našich službách, především OSP.",
        "Podpořit zranitelné klienty ve věku 15 až 18 let, zejména držitele dočasné ochrany: uspořádat pro "
        "ně alespoň jeden kurz českého jazyka jako prevenci sociálního vyloučení.",
        "Zaměřit se na prevenci domácího násilí: zrealizovat alespoň 2 schůzky se zástupci OSPOD a "
        "Intervenčního centra a vytvořit informační materiály pro cizince.",
        "Reagovat na změnu bezplatného ubytování uprchlíků z Ukrajiny od září 2024 a navázat spolupráci "
        "s Libereckou nájemní agenturou; uskutečnit alespoň jednu schůzku s jejími pracovníky.",
    ],
    "cpic-olomouc": [
        "Šířit informace o službách CPIC prostřednictvím komunitního a střednědobého plánování sociálních "
        "služeb (min. 2x účast na každé pracovní skupině za rok).",
        "Uspořádat alespoň 4 přednášky pro školy v Olomouckém kraji a navázat s nimi spolupráci.",
        "Podpořit klienty prostřednictvím 4 prezenčních SKK mimo okres Olomouc.",
        "Zrealizovat 4 jednorázová setkání s komunitou na domluvených kontaktních místech pro klienty "
        "z odlehlých oblastí kraje.",
    ],
    "cpic-kladno": [
        "Při terénních návštěvách aktualizovat počty cizinců v ubytovnách a připravit je na změny od září 2024.",
        "Oslovit zaměstnavatele, kteří dosud nebyli kontaktováni, a prohloubit spolupráci s již oslovenými firmami.",
        "Otevřít kontaktní místo v Rakovníku.",
        "Posílit využití programu UNICEF – přednášky pro matky s dětmi.",
        "Otevřít kurz češtiny ve Slaném, případně i v Rakovníku.",
        "Zmapovat dostupnost lékařské péče v okresech Kladno, Rakovník a Slaný.",
        "Uspořádat 2. ročník multikulturní akce „Příběhy a chutě dálek“.",
        "V rámci regionální platformy pravidelně pořádat kulatý stůl pro zástupce firem.",
    ],
    "cpic-zlin": [
        "Sociální pracovníci absolvují akreditované vzdělávání v psychohygieně a problematice psychoterapie.",
        "Do konce roku 2024 uskutečnit 1 kulturní či sportovní aktivitu, která propojí majoritní společnost s cizinci.",
        "Účastnit se komunitního plánování sociálních služeb na Zlínsku v pracovní skupině „Osoby ohrožené "
        "sociálním vyloučením“ – alespoň dvou setkání za rok.",
        "Zvýšit informovanost klientů o dočasné ochraně a státním humanitárním ubytování terénní prací "
        "ve 20 ubytovnách Zlínského kraje.",
        "Zrealizovat 2 přednášky na základních školách pro interkulturní kompetence žáků.",
    ],
}

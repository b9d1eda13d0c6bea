"""Operational goals 2024 of all 19 CPIC branches run by SUZ, as the SUZ document states them."""

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
    "cpic-kutna-hora": [
        "Prohloubit spolupráci s komunitní tlumočnicí pro vietnamskou komunitu, získávat z komunity více "
        "podnětů a zohlednit nejčastěji řešené situace při odborném sociálním poradenství.",
        "Zajistit pravidelné tlumočení pro vietnamské klienty při OSP, aby předané informace byly kvalitní "
        "a bylo možné ověřit, jak jim klienti porozuměli.",
        "Najít komunitního tlumočníka či tlumočnici pro mongolskou komunitu a s jeho pomocí šířit povědomí o OSP.",
        "Terénní prací zmapovat místa, kde pobývají nově příchozí pracovníci z Filipín a Indie, a zlepšit "
        "jejich povědomí o službě OSP.",
        "Prohloubit znalosti a více se zaměřit na případovou práci, zejména u rodin s ohroženými dětmi.",
    ],
    "cpic-mlada-boleslav": [
        "Pravidelně se čtvrtletně setkávat se sociálními pracovníky středočeských poboček CPIC: kraj "
        "s množstvím cizinců, průmyslovými zónami a blízkou Prahou pokrývá pět poboček a sdílení informací "
        "pomáhá koordinaci v kraji.",
        "Oslovovat odborníky při realizaci sociokulturních kurzů, aby poradenství pokrylo i témata, která "
        "s cizineckou problematikou souvisí jen volně, ale jsou pro integraci důležitá.",
    ],
    "cpic-pribram": [
        "Navázat spolupráci s komunitním vietnamským tlumočníkem.",
        "Uspořádat alespoň 3 sociokulturní kurzy na téma legislativy v ČR (např. nové LEX).",
        "Každého čtvrt roku uskutečnit setkání sociálních pracovníků CPIC.",
        "Zorganizovat den otevřených dveří pro partnerské sociální služby v Příbrami a okolí.",
    ],
    "cpic-karlovy-vary": [
        "Prohloubit spolupráci s úřadem práce a navázat ji s novým specialistou pro práci s osobami "
        "s migrační zkušeností.",
        "Vytvořit a pravidelně aktualizovat přehledný seznam praktických lékařů a pediatrů v kraji.",
        "Prohloubit spolupráci s mongolskou komunitou a najít nového mongolského komunitního pracovníka "
        "v okrese Cheb.",
    ],
    "cpic-ceska-lipa": [
        "Pokračovat ve schůzkách pracovních skupin komunitního plánování v České Lípě a Novém Boru; "
        "účastnit se alespoň 2 setkání.",
        "Prohlubovat spolupráci s organizacemi, zaměstnavateli a službami, které pracují se stejnou "
        "cílovou skupinou; uskutečnit alespoň 10 setkání s partnery.",
        "Pořádat ve školách vzdělávací akce o národnostních menšinách žijících v ČR jako prevenci "
        "předsudků; uspořádat alespoň 4 přednášky.",
    ],
    "cpic-ostrava": [
        "Doplnit tým do plného počtu sociálních pracovníků.",
        "Pracovat s ukrajinskou komunitou v oblasti bydlení – depistáž na 40 ubytovnách v regionu – "
        "a vytvořit informační materiál o změnách zákonů LEX Ukrajina.",
        "Rozšířit služby o psychosociální poradenství pro válečné uprchlíky – 5 h / týden.",
        "Rozšířit služby o integrační aktivity pro ukrajinské děti – 5x/rok.",
        "Účastnit se setkání pracovní skupiny komunitního plánování města Ostravy – 6x/rok.",
    ],
    "cpic-opava": [
        "Uskutečnit alespoň 60 aktivit (terénní práce, jednání na firmách, na obcích a v neziskových "
        "organizacích), které zvýší informovanost o odborném sociálním poradenství detašovaného pracoviště v Opavě.",
        "Navázat spolupráci se supervizorem (supervize 4x/rok).",
        "Zvýšit počet kurzů českého jazyka pro cizince v působnosti detašovaného pracoviště Opava.",
    ],
    "cpic-pardubice": [
        "Zapracovat systém re-ubytování do agendy CPIC – vyjasnit jej směrem k OSP, sociální práci "
        "a ARUM (do konce ledna).",
        "Stabilizovat a posílit tým: teambuilding alespoň 1x měsíčně, týmová zpětná vazba alespoň 1x týdně.",
        "Prohloubit práci klíčového pracovníka: každý sociální pracovník alespoň 2 dlouhodobé zakázky za rok "
        "a alespoň 1x za tři měsíce poradenství ve dvou.",
        "Ujasnit roli tlumočníka v poradenství; alespoň 1x za tři měsíce společně zhodnotit jeho práci.",
        "Uspořádat alespoň 5 mezioborových setkání s partnery v přímé práci za rok.",
    ],
    "cpic-plzen": [
        "Uskutečnit alespoň 2 sociokulturní kurzy pro držitele dočasné ochrany z Ukrajiny (samostatné "
        "bydlení, novela LEX Ukrajina).",
        "Uskutečnit alespoň 1 sociokulturní kurz ve spolupráci s oddělením návratů OAMP.",
        "Uspořádat větší multikulturní akci pro cizince i veřejnost a propagovat služby v dalších jazycích.",
        "Zřídit detašované pracoviště v Tachově a zaškolit nové pracovníky pracoviště v Domažlicích "
        "(1. pololetí 2024).",
        "Oslovit mongolskou komunitu ve Struhařích sociokulturním kurzem o pracovněprávních vztazích.",
        "Uskutečnit alespoň 1 kurz češtiny online pro ty, kdo nemohou dojíždět na kurzy do Plzně.",
    ],
    "cpic-domazlice": [
        "Navázat spolupráci s tlumočníkem do vietnamštiny a představit činnost CPIC alespoň 20 zástupcům "
        "vietnamské komunity v okolí pracoviště.",
        "Uskutečnit alespoň 1 sociokulturní kurz pro držitele dočasné ochrany z Ukrajiny.",
        "Uskutečnit alespoň 1 sociokulturní kurz o pracovněprávních vztazích.",
        "Zaškolit nového koordinátora a případně sociálního pracovníka.",
    ],
    "cpic-tachov": [
        "Uskutečnit alespoň 1 sociokulturní kurz pro držitele dočasné ochrany z Ukrajiny.",
        "Uskutečnit alespoň 1 sociokulturní kurz o pracovněprávních vztazích.",
        "Zaškolit nového koordinátora a případně sociálního pracovníka.",
        "Podporovat lidi z Ukrajiny, kteří se chtějí vrátit: odkazovat na příslušné projekty a spolupracovat "
        "s oddělením dobrovolných návratů (celoročně).",
    ],
}

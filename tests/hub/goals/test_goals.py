"""Operational goals: measurable targets found in the real 2024 CPIC goal texts, and validation."""

import pytest
from django.core.exceptions import ValidationError

from hub.goals.models import OperationalGoal, find_measurable_target
from tests.hub.goals.factories import OperationalGoalsPageFactory
from tests.hub.organisations.factories import OrganisationPageFactory

# Goal texts as the CPIC branches wrote them (seed 002), with the target a reader would pick out.
SEED_GOALS = [
    ("Minimálně 1x týdně navštěvovat místní OAMP.", "Minimálně 1x týdně"),
    ("Pořádat sociokulturní kurzy (ideálně 4x do roka) a kurzy českého jazyka i mimo Benešov",
     "ideálně 4x do roka"),
    ("Zrealizovat alespoň 5 schůzek se zástupci daných škol za účelem navázání kontaktu",
     "alespoň 5 schůzek"),
    ("Zajistit podporu zranitelným klientům ve věkové skupině 15 až 18 let … uspořádáme alespoň jeden "
     "kurz českého jazyka.", "alespoň jeden kurz"),
    ("Šířit informace prostřednictvím komunitního plánování sociálních služeb (min. 2x účast na každé PS za rok).",
     "min. 2x účast"),
    ("Poskytnout podporu klientům prostřednictvím 4 prezenčních SKK mimo okres Olomouc.", "4 prezenčních SKK"),
    ("Práce s UA komunitou v oblasti bydlení - depistáž na ubytovnách v regionu (40 ubytoven)", "40 ubytoven"),
    ("Rozšíření služeb centra o návaznou službu – psychosociální poradenství pro válečné uprchlíky – 5 h / týden",
     "5 h / týden"),
    ("Účast na setkání Pracovní skupiny Komunitního plánování města Ostravy – 6x /rok", "6x /rok"),
    ("Navázání spolupráce se supervizorem (realizace supervizí 4x/rok)", "4x/rok"),
    ("Každý sociální pracovník bude mít alespoň 2 dlouhodobé zakázky za rok.",
     "alespoň 2 dlouhodobé zakázky za rok"),
    ("Alespoň 1x za tři měsíce společné zhodnocení práce tlumočníka.", "Alespoň 1x za tři měsíce"),
    ("Do konce roku 2024 uskutečníme 1 kulturní či sportovní aktivitu, která propojí majoritní společnost s cizinci.",
     "1 kulturní či sportovní aktivitu"),
    ("Zrealizovat 4 jednorázové setkání s komunitou na předem domluvených kontaktních místech",
     "4 jednorázové setkání"),
    ("V průběhu roku se zúčastníme alespoň dvou setkání.", "alespoň dvou setkání"),
]
# Goals without a countable commitment; years, ordinals and age ranges must not pass for one.
SEED_GOALS_WITHOUT_TARGET = [
    "Zmapovat lékaře v ČB a okolí, kteří přijímají cizince a vytvořit seznam.",
    "V rámci terénních návštěv aktualizovat počty cizinců v ubytovnách, připravit je na změny od září 2024.",
    "Realizace 2.ročníku multikulturní akce „Příběhy a chutě dálek“",
    "Spuštění vzdělávacích integračních workshopů pro děti 6-15let",
    "Zřízení detašovaného pracoviště v Tachově, zaškolení nových pracovníků DP Domažlice - 1. pol. 2024",
]


@pytest.mark.parametrize(("text", "target"), SEED_GOALS)
def test_measurable_target_is_found_in_real_goal_texts(text, target):
    assert find_measurable_target(text) == target


@pytest.mark.parametrize("text", SEED_GOALS_WITHOUT_TARGET)
def test_goals_without_a_countable_commitment_get_no_target(text):
    assert find_measurable_target(text) == ""


@pytest.mark.django_db
class TestGoalTargetPrefill:
    def test_a_new_goal_gets_its_target_from_the_text(self):
        page = OperationalGoalsPageFactory(
            goals=[OperationalGoal(text="Uspořádat alespoň 4 přednášky pro školy v Olomouckém kraji.")]
        )
        assert page.goals.get().target == "alespoň 4 přednášky"

    def test_an_editor_written_target_is_kept(self):
        page = OperationalGoalsPageFactory(
            goals=[OperationalGoal(text="Uspořádat alespoň 4 přednášky.", target="4 přednášky do června")]
        )
        assert page.goals.get().target == "4 přednášky do června"

    def test_a_target_the_editor_cleared_is_not_refilled_on_later_saves(self):
        page = OperationalGoalsPageFactory()
        goal = page.goals.get()
        goal.target = ""
        goal.save()
        goal.refresh_from_db()
        assert goal.target == ""


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
class TestGoalsPageValidation:
    def test_year_outside_the_plausible_range_is_refused_with_a_clear_message(self):
        page = OperationalGoalsPageFactory()
        page.year = 1999
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "Enter a year between 2000 and 2100." in error.value.message_dict["year"]

    def test_an_organisation_has_one_goals_page_per_year(self):
        organisation = OrganisationPageFactory()
        OperationalGoalsPageFactory(parent=organisation, organisation=organisation, year=2024)
        second = OperationalGoalsPageFactory(parent=organisation, organisation=organisation, year=2025)
        second.year = 2024
        with pytest.raises(ValidationError) as error:
            second.full_clean()
        assert "already has operational goals for 2024" in error.value.message_dict["year"][0]

"""Editors get clear messages for phone numbers, web addresses, e-mails, date ranges and alt text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from hub.core.validators import validate_phone
from tests.hub.events.factories import EventPageFactory
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import HelplineFactory, OrganisationPageFactory
from tests.hub.practices.factories import GoodPracticePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def errors_of(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


@pytest.mark.parametrize("number", ["+420 974 801 802", "770 600 800", "116 000", "1212", "+380441234567"])
def test_phone_numbers_as_the_sources_write_them_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["770-600-800", "call us", "12", "+420 974 801 802 ext. 5"])
def test_malformed_phone_numbers_are_refused_with_an_example(number):
    with pytest.raises(ValidationError) as error:
        validate_phone(number)
    assert "e.g. +420 974 820 000" in error.value.messages[0]


def test_organisation_contacts_are_validated_field_by_field():
    organisation = OrganisationPageFactory()
    organisation.phone = "volejte"
    organisation.email = "cpic.jihlava"
    organisation.website = "www integracnicentra cz"
    errors = errors_of(organisation)
    assert "Enter a phone number" in errors["phone"][0]
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["website"] == ["Enter a valid URL."]


def test_helpline_phone_is_validated():
    helpline = HelplineFactory.build(phone="770/600/800")
    assert "phone" in errors_of(helpline)


def test_event_cannot_end_before_it_starts():
    event = EventPageFactory()
    event.end = event.start - datetime.timedelta(hours=1)
    assert errors_of(event)["end"] == ["The end must not be before the start."]


def test_event_needs_a_place_unless_online():
    event = EventPageFactory()
    event.place = ""
    assert "mark it as online" in errors_of(event)["place"][0]
    event.online = True
    event.full_clean()


def test_good_practice_period_must_not_end_before_it_starts():
    practice = GoodPracticePageFactory(start_date=datetime.date(2020, 12, 31))
    practice.end_date = datetime.date(2017, 9, 1)
    assert errors_of(practice)["end_date"] == ["The end must not be before the start."]


def test_a_check_by_date_must_follow_the_last_check():
    manual = ManualPageFactory(last_checked=datetime.date(2024, 5, 1))
    manual.check_by = datetime.date(2024, 1, 1)
    assert errors_of(manual)["check_by"] == ["The end must not be before the start."]


def test_image_upload_without_alt_text_is_refused():
    image_form = get_image_form(get_image_model())
    png = SimpleUploadedFile(
        "logo.png",
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082"
        ),
        content_type="image/png",
    )
    form = image_form({"title": "Logo CPIC", "description": ""}, {"file": png})
    assert not form.is_valid()
    assert form.errors["description"] == ["This field is required."]
    assert "Alternative text" in str(form["description"].label)

"""schema.org data about an organisation, for the JSON-LD block on its page.

Search engines and assistants read it to answer "phone of CPIC Jihlava" directly; the type comes
from the organisation's actor type (a municipality or a ministry is a GovernmentOrganization,
a non-profit an NGO), so editors control it with the taxonomy, not with code.
"""

from hub.core.phones import format_phone

DEFAULT_TYPE = "Organization"
COUNTRY = "CZ"


def postal_address(contacts):
    """A PostalAddress for an object with ContactDetails, or None without a town."""
    if not contacts.town:
        return None
    address = {"@type": "PostalAddress", "addressLocality": contacts.town, "addressCountry": COUNTRY}
    if contacts.street_address:
        address["streetAddress"] = contacts.street_address
    if contacts.postal_code:
        address["postalCode"] = contacts.postal_code
    return address


def contact_facts(contacts):
    """telephone, email, address and languages of an organisation or one of its offices."""
    facts = {}
    if contacts.phone:
        facts["telephone"] = format_phone(contacts.phone)
    if contacts.email:
        facts["email"] = contacts.email
    address = postal_address(contacts)
    if address:
        facts["address"] = address
    if contacts.languages:
        facts["knowsLanguage"] = list(contacts.languages)
    return facts


def organisation_json_ld(page, request=None):
    schema_type = page.actor_type.schema_org_type if page.actor_type_id else DEFAULT_TYPE
    data = {
        "@context": "https://schema.org",
        "@type": schema_type or DEFAULT_TYPE,
        "name": page.title,
        "url": page.get_full_url(request),
    }
    if page.summary:
        data["description"] = page.summary
    if page.website:
        data["sameAs"] = [page.website]
    data.update(contact_facts(page))
    regions = [region.localized.name for region in page.regions.all()]
    if regions:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": name} for name in regions]
    if page.operator_id:
        operator = page.operator.localized
        data["parentOrganization"] = {
            "@type": DEFAULT_TYPE,
            "name": operator.title,
            "url": operator.get_full_url(request),
        }
    departments = [
        {"@type": DEFAULT_TYPE, "name": place.label, **contact_facts(place)} for place in page.places.all()
    ]
    if departments:
        data["department"] = departments
    return data

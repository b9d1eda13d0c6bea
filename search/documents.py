"""Turning live pages into SearchDocuments (search/backends/base.py)."""

# Stable keys for content types: used in the index, in ?type= filters and in the JSON API.
CONTENT_TYPES = {
    "manuals.manualpage": "manual",
    "practices.goodpracticepage": "good_practice",
    "organisations.organisationpage": "organisation",
    "goals.operationalgoalspage": "goals",
    "events.eventpage": "event",
}

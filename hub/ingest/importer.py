"""Turn one uploaded file into pages: extract, clean, map, attach the original, create or update.

Shared by the `import_documents` command and the admin's "create page from document". Each file is
imported in its own transaction, so a failure leaves nothing half-created; importing the same file
again (same name or same content) updates the pages made from it instead of adding new ones.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from hub.goals.models import OperationalGoalsIndexPage, OperationalGoalsPage
from hub.ingest.cleaning import clean_text
from hub.ingest.document_text import store_extraction
from hub.ingest.extraction import file_kind, read_bytes
from hub.ingest.goals import looks_like_goals_document, plan_goals_pages
from hub.ingest.isolation import extract_isolated
from hub.ingest.models import ImportedFile, ImportedPage, PageKind
from hub.ingest.plans import plan_document_page
from hub.manuals.models import ManualIndexPage, ManualPage
from hub.practices.models import GoodPracticeIndexPage, GoodPracticePage

AUTO = "auto"
PAGE_MODELS = {
    PageKind.MANUAL: (ManualPage, ManualIndexPage),
    PageKind.GOALS: (OperationalGoalsPage, OperationalGoalsIndexPage),
    PageKind.GOOD_PRACTICE: (GoodPracticePage, GoodPracticeIndexPage),
}
# DOCX and HTML give one paragraph per line; text and PDF lines may be hard-wrapped.
UNWRAPPED_KINDS = {".docx", ".html"}


class ImportRefused(Exception):
    """An import that cannot start, e.g. no section page to put the new page under."""


@dataclass
class ImportOutcome:
    filename: str
    kind: str
    created: list = field(default_factory=list)  # pages (or titles in a dry run)
    updated: list = field(default_factory=list)
    unchanged: bool = False
    dry_run: bool = False
    notes: list = field(default_factory=list)  # what the file held that was not imported

    @property
    def pages(self):
        return self.created + self.updated


def checksum_of(data):
    return hashlib.sha256(data).hexdigest()


def title_from_filename(filename):
    stem = Path(filename).stem.replace("_", " ").replace("-", " ")
    return " ".join(stem.split()).capitalize() or filename


def resolve_locale(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise ImportRefused(_("There is no content language “%(code)s”.") % {"code": language_code})
    return locale


def resolve_parent(reference, locale=None):
    """A page by id or by its path (e.g. '/manualy/' or '/cs/manualy/'), for --parent."""
    reference = str(reference).strip()
    if reference.isdigit():
        page = Page.objects.filter(pk=int(reference)).first()
    else:
        path = "/" + "/".join(part for part in reference.split("/") if part) + "/"
        candidates = Page.objects.filter(url_path__endswith=path)
        if locale is not None and candidates.filter(locale=locale).exists():
            candidates = candidates.filter(locale=locale)
        if candidates.count() > 1:
            raise ImportRefused(
                _("The parent “%(reference)s” matches several pages; give its id instead.")
                % {"reference": reference}
            )
        page = candidates.first()
        if page is None and len(path.strip("/").split("/")) > 1:
            # '/cs/manualy/' names the page by its public URL: drop the language prefix and try again.
            return resolve_parent("/".join(path.strip("/").split("/")[1:]), locale)
    if page is None:
        raise ImportRefused(
            _("There is no page “%(reference)s” to import under.") % {"reference": reference}
        )
    return page.specific


def default_parent(kind, locale):
    page_model, index_model = PAGE_MODELS[kind]
    index = index_model.objects.filter(locale=locale).first()
    if index is None:
        raise ImportRefused(
            _(
                "There is no “%(section)s” page in language “%(code)s” to import into; create it or pass --parent."
            )
            % {"section": index_model._meta.verbose_name, "code": locale.language_code}
        )
    return index


def check_parent(kind, parent):
    page_model = PAGE_MODELS[kind][0]
    if type(parent.specific) not in page_model.allowed_parent_page_models():
        raise ImportRefused(
            _("A %(type)s cannot be placed under “%(parent)s” (%(parent_type)s).")
            % {
                "type": page_model._meta.verbose_name,
                "parent": parent.title,
                "parent_type": parent.specific._meta.verbose_name,
            }
        )


def import_document(
    file,
    filename,
    *,
    kind=AUTO,
    parent=None,
    locale=None,
    publish=False,
    user=None,
    dry_run=False,
    force=False,
    original=None,
):
    """Import one file; raises ExtractionError or ImportRefused (with nothing saved) when it cannot.

    `original`: the Wagtail document the file already is (admin "create page from document"), kept
    as it is instead of storing a copy.
    """
    filename = Path(filename).name
    extension = file_kind(filename)
    data = read_bytes(file, filename)
    extraction = extract_isolated(data, filename)
    document = clean_text(
        extraction.text,
        fallback_title=title_from_filename(filename),
        wrapped=False if extension in UNWRAPPED_KINDS else None,
    )
    kind = decide_kind(kind, parent, document)
    parent = (parent or default_parent(kind, locale or resolve_locale("cs"))).specific
    check_parent(kind, parent)
    check_permissions(user, parent, publish)

    importer = PageImporter(
        filename,
        data,
        extraction,
        kind,
        parent,
        publish=publish and not dry_run,  # nothing is announced (search, logs) for a dry run
        user=user,
        original=original,
    )
    stored_files = []
    try:
        with transaction.atomic():
            outcome = importer.run(document, stored_files, force=force, dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
    except Exception as error:
        for stored in stored_files:
            stored.delete(save=False)
        if isinstance(error, ValidationError):
            raise ImportRefused("; ".join(error.messages)) from error
        raise
    outcome.notes = extraction.notes
    return outcome


def decide_kind(kind, parent, document):
    """The requested kind; for "auto", the kind a section page holds, else what the text looks like."""
    if kind != AUTO:
        return PageKind(kind)
    for page_kind, (_page_model, index_model) in PAGE_MODELS.items():
        if parent is not None and isinstance(parent.specific, index_model):
            return page_kind
    return PageKind.GOALS if looks_like_goals_document(document) else PageKind.MANUAL


def check_permissions(user, parent, publish):
    """The command line runs as the site's operator; an editor needs the right to add (and publish)."""
    if user is None:
        return
    permissions = parent.permissions_for_user(user)
    if not permissions.can_add_subpage():
        raise ImportRefused(
            _("You may not add pages under “%(parent)s”.") % {"parent": parent.title}
        )
    if publish and not permissions.can_publish_subpage():
        raise ImportRefused(
            _("You may not publish pages under “%(parent)s”.") % {"parent": parent.title}
        )


class PageImporter:
    """Creates or updates the pages of one file inside the caller's transaction.

    Only pages directly under the chosen parent that the user may edit are ever updated; anything
    else the file was imported as before stays untouched and a new page is made instead. A page's
    original file is never replaced in place: a changed file becomes a new Wagtail document that the
    new draft revision refers to, so a live page keeps serving its current file until that revision
    is published through the page's workflow.
    """

    def __init__(self, filename, data, extraction, kind, parent, *, publish, user, original):
        self.filename = filename
        self.data = data
        self.extraction = extraction
        self.checksum = checksum_of(data)
        self.kind = kind
        self.parent = parent
        self.locale = parent.locale
        self.publish = publish
        self.user = user
        self.original = original

    def run(self, document, stored_files, *, force, dry_run):
        record = self.find_record()
        outcome = ImportOutcome(self.filename, self.kind, dry_run=dry_run)
        updatable = self.updatable_pages(record)
        if self.is_unchanged(record, updatable) and not force:
            outcome.unchanged = True
            outcome.updated = list(updatable.values())
            return outcome
        record = self.update_record(record, document, stored_files, dry_run)
        page_model = PAGE_MODELS[self.kind][0]
        for plan in self.page_plans(document, record):
            page = updatable.get(plan.key) or plan.existing
            created = not isinstance(
                page, page_model
            )  # imported as another type before: a new page
            if created:
                page = page_model(title=plan.title, locale=self.locale, live=False)
            else:
                page = page.get_latest_revision_as_object()  # keep what editors changed in a draft
            page.title = plan.title
            plan.fill(page)
            self.save(page, created)
            ImportedPage.objects.update_or_create(
                source=record, key=plan.key, defaults={"page": page}
            )
            (outcome.created if created else outcome.updated).append(page)
        return outcome

    def find_record(self):
        """The earlier import of this file (same content, else same name) under the same parent."""
        records = ImportedFile.objects.filter(parent=self.parent)
        return (
            records.filter(checksum=self.checksum).first()
            or records.filter(source_name=self.filename).first()
        )

    def updatable_pages(self, record):
        """{key: page} of the record's pages that are still under the parent and editable by the user."""
        if record is None:
            return {}
        pages = {}
        for imported in record.pages.select_related("page"):
            page = imported.page.specific
            if self.may_update(page):
                pages[imported.key] = page
        return pages

    def may_update(self, page):
        under_parent = page.depth == self.parent.depth + 1 and page.path.startswith(
            self.parent.path
        )
        return under_parent and self.may_edit(page)

    def may_edit(self, page):
        return self.user is None or page.permissions_for_user(self.user).can_edit()

    def is_unchanged(self, record, updatable):
        return bool(
            record and updatable and record.checksum == self.checksum and record.kind == self.kind
        )

    def update_record(self, record, document, stored_files, dry_run):
        if record is None:
            record = ImportedFile(parent=self.parent, locale=self.locale, source_name=self.filename)
        name_taken = (
            ImportedFile.objects.filter(parent=self.parent, source_name=self.filename)
            .exclude(pk=record.pk)
            .exists()
        )
        if not name_taken:  # a renamed file keeps its record; two records never share a name
            record.source_name = self.filename
        record.previous_document = record.document
        same_content = record.pk and record.checksum == self.checksum and record.document
        if self.original is not None:
            record.document = self.original
        elif not dry_run and not same_content:
            record.document = self.store_original(document.title, stored_files)
        record.checksum, record.kind = self.checksum, self.kind
        record.save()
        return record

    def store_original(self, title, stored_files):
        """The original file as a new Wagtail document; earlier versions stay for the pages using them."""
        document = get_document_model()(title=title[:255] or self.filename)
        document.file = ContentFile(self.data, name=self.filename)
        document.file_size = len(self.data)
        document.uploaded_by_user = self.user
        document._set_file_hash()
        # The text is known already: stored first, so the upload hook does not extract it again.
        store_extraction(document, self.extraction)
        document.save()
        stored_files.append(document.file)  # removed again if the import fails
        return document

    def page_plans(self, document, record):
        """A PagePlan for each page the file becomes."""
        if self.kind == PageKind.GOALS:
            return plan_goals_pages(document, self.filename, self.parent, self.may_edit)
        return [plan_document_page(document, self.kind, record.document, record.previous_document)]

    def save(self, page, created):
        if created:
            page.slug = unique_slug(self.parent, page.title)
            self.parent.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
            page.refresh_from_db(fields=["live", "has_unpublished_changes", "url_path"])


def unique_slug(parent, title):
    base = slugify(title)[:80].strip("-") or "dokument"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug

"""Turn one uploaded file into pages: extract, clean, map, attach the original, create or update.

Shared by the `import_documents` command and the admin's "create page from document". Each file is
imported in its own transaction, so a failure leaves nothing half-created; importing the same file
again (same name or same content) updates the pages made from it instead of adding new ones.
"""

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from hub.goals.models import (
    OperationalGoal,
    OperationalGoalsIndexPage,
    OperationalGoalsPage,
    find_measurable_target,
)
from hub.ingest.cleaning import clean_text
from hub.ingest.extraction import ExtractionError, extract_text, file_kind, read_bytes
from hub.ingest.goals import looks_like_goals_document, parse_goals
from hub.ingest.models import ImportedFile, ImportedPage, PageKind
from hub.ingest.streamfield import body_blocks, shorten, summary_from
from hub.manuals.models import ManualIndexPage, ManualPage, ManualSourceDocument
from hub.organisations.models import OrganisationPage
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
class PagePlan:
    """One page a file becomes: its key among the file's pages, title, how to fill it, and an
    existing page to update when the file has not been imported before."""

    key: str
    title: str
    fill: Callable
    existing: Page | None = None


@dataclass
class ImportOutcome:
    filename: str
    kind: str
    created: list = field(default_factory=list)  # pages (or titles in a dry run)
    updated: list = field(default_factory=list)
    unchanged: bool = False
    dry_run: bool = False

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
    text = extract_text(io.BytesIO(data), filename)
    document = clean_text(
        text,
        fallback_title=title_from_filename(filename),
        wrapped=False if extension in UNWRAPPED_KINDS else None,
    )
    if kind == AUTO:
        kind = PageKind.GOALS if looks_like_goals_document(document) else PageKind.MANUAL
    kind = PageKind(kind)
    if parent is None:
        parent = default_parent(kind, locale or resolve_locale("cs"))
    parent = parent.specific
    check_parent(kind, parent)
    if user is not None and not parent.permissions_for_user(user).can_add_subpage():
        raise ImportRefused(
            _("You may not add pages under “%(parent)s”.") % {"parent": parent.title}
        )
    locale = parent.locale

    importer = PageImporter(
        filename,
        data,
        kind,
        parent,
        locale,
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
    return outcome


class PageImporter:
    """Creates or updates the pages of one file inside the caller's transaction."""

    def __init__(self, filename, data, kind, parent, locale, *, publish, user, original):
        self.filename = filename
        self.data = data
        self.checksum = checksum_of(data)
        self.kind = kind
        self.parent = parent
        self.locale = locale
        self.publish = publish
        self.user = user
        self.original = original

    def run(self, document, stored_files, *, force, dry_run):
        record = (
            ImportedFile.objects.filter(locale=self.locale, checksum=self.checksum).first()
            or ImportedFile.objects.filter(locale=self.locale, source_name=self.filename).first()
        )
        outcome = ImportOutcome(self.filename, self.kind, dry_run=dry_run)
        if (
            record
            and record.checksum == self.checksum
            and record.kind == self.kind
            and record.pages.exists()
            and not force
        ):
            outcome.unchanged = True
            outcome.updated = [imported.page for imported in record.pages.select_related("page")]
            return outcome
        if record is None:
            record = ImportedFile(locale=self.locale, source_name=self.filename)
        name_taken = (
            ImportedFile.objects.filter(locale=self.locale, source_name=self.filename)
            .exclude(pk=record.pk)
            .exists()
        )
        if not name_taken:  # a renamed file keeps its record; two records never share a name
            record.source_name = self.filename
        record.checksum, record.kind = self.checksum, self.kind
        if self.original is not None:
            record.document = self.original
        elif not dry_run:
            record.document = self.store_original(record.document, document.title, stored_files)
        record.save()
        existing = {imported.key: imported for imported in record.pages.select_related("page")}

        page_model = PAGE_MODELS[self.kind][0]
        for plan in self.page_plans(document, record.document):
            imported = existing.get(plan.key)
            page = imported.page.specific if imported else plan.existing
            if page is not None and not isinstance(page, page_model):
                page = (
                    None  # imported as another type before: make a new page of the requested type
                )
            created = page is None
            if created:
                page = page_model(title=plan.title, locale=self.locale, live=False)
            page.title = plan.title
            plan.fill(page)
            self.save(page, created)
            ImportedPage.objects.update_or_create(
                source=record, key=plan.key, defaults={"page": page}
            )
            (outcome.created if created else outcome.updated).append(page)
        return outcome

    def store_original(self, document, title, stored_files):
        """The original file as a Wagtail document (replacing the file of an earlier import)."""
        if document is None:
            document = get_document_model()(title=title[:255] or self.filename)
        replaced = (document.file.storage, document.file.name) if document.file else None
        document.file = ContentFile(self.data, name=self.filename)
        document.file_size = len(self.data)
        document.save()
        document._set_file_hash()
        document.save(update_fields=["file_hash"])
        stored_files.append(document.file)  # removed again if the import fails
        if replaced:
            storage, name = replaced
            transaction.on_commit(lambda: storage.delete(name))
        return document

    def page_plans(self, document, original):
        """A PagePlan for each page the file becomes."""
        if self.kind == PageKind.GOALS:
            return self.goals_plans(document)
        summary = summary_from(document)
        attachments = [original.pk] if original and self.kind == PageKind.GOOD_PRACTICE else []
        body = body_blocks(document, attachments=attachments)

        def fill(page):
            page.summary = summary
            page.body = body
            if self.kind == PageKind.MANUAL and original is not None:
                if not any(link.document_id == original.pk for link in page.source_documents.all()):
                    page.source_documents.add(ManualSourceDocument(document=original))

        return [PagePlan("", document.title, fill)]

    def goals_plans(self, document):
        goals_document = parse_goals(document)
        if not goals_document.branches:
            raise ExtractionError(self.filename, _("no “CPIC …” sections with goals were found"))
        if goals_document.year is None:
            raise ExtractionError(
                self.filename, _("the title does not say which year the goals are for")
            )
        plans = []
        for branch in goals_document.branches:
            organisation = find_organisation(branch.branch, self.locale)
            with translation.override(
                self.locale.language_code
            ):  # the page's language, not the editor's
                title = _("%(branch)s: operational goals %(year)s") % {
                    "branch": branch.branch,
                    "year": goals_document.year,
                }
            # A page an editor already made for this branch and year is updated, not duplicated.
            existing = (
                organisation
                and OperationalGoalsPage.objects.filter(
                    organisation=organisation, year=goals_document.year, locale=self.locale
                ).first()
            )
            plans.append(
                PagePlan(
                    branch.branch,
                    title,
                    self.goals_filler(goals_document, branch, organisation),
                    existing,
                )
            )
        return plans

    def goals_filler(self, goals_document, branch, organisation):
        def fill(page):
            page.year = goals_document.year
            page.summary = shorten(goals_document.introduction)
            page.responsible_person = goals_document.responsible_person
            page.evaluation_method = goals_document.evaluation_method
            page.evaluation_deadline = goals_document.evaluation_deadline
            page.organisation = page.organisation or organisation
            # Keep what editors recorded about a goal whose wording did not change.
            previous = {goal.text: goal for goal in page.goals.all()} if page.pk else {}
            page.goals = [
                OperationalGoal(
                    text=text,
                    target=find_measurable_target(text)[:200],
                    status=previous[text].status
                    if text in previous
                    else OperationalGoal.Status.PLANNED,
                    progress_notes=previous[text].progress_notes if text in previous else "",
                )
                for text in branch.goals
            ]

        return fill

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


def find_organisation(branch, locale):
    """The organisation page for a CPIC branch: titled exactly like it, or naming its city and CPIC."""
    organisations = OrganisationPage.objects.filter(locale=locale)
    exact = organisations.filter(title__iexact=branch).first()
    if exact:
        return exact
    city = branch.split(maxsplit=1)[-1]
    return organisations.filter(title__icontains=city).filter(title__icontains="CPIC").first()

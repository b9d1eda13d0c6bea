"""python manage.py import_documents PATH… — import .txt/.pdf/.docx/.html files (or folders of them) as pages."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hub.ingest.extraction import SUPPORTED_EXTENSIONS, ExtractionError
from hub.ingest.importer import AUTO, ImportRefused, import_document, resolve_locale, resolve_parent
from hub.ingest.models import PageKind

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import documents (.txt, .pdf, .docx, .html, or folders of them) as pages. Importing a file again "
        "updates the pages made from it. Exits non-zero if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--parent",
            help="Page id or path to create pages under (default: the section page of the type in --locale).",
        )
        parser.add_argument(
            "--locale", default="cs", help="Language of the documents (default: cs)."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the pages (default: drafts)."
        )
        parser.add_argument(
            "--type",
            dest="kind",
            default=AUTO,
            choices=[AUTO, *PageKind.values],
            help="Page type; 'auto' recognises operational goals documents and imports the rest as manuals.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen, save nothing."
        )
        parser.add_argument("--force", action="store_true", help="Re-apply unchanged files too.")

    def handle(self, *args, **options):
        try:
            locale = resolve_locale(options["locale"])
            parent = resolve_parent(options["parent"], locale) if options["parent"] else None
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        files, skipped = collect_files(options["paths"])
        for path, reason in skipped:
            self.stderr.write(f"{path}: {reason}")
        if not files:
            raise CommandError("No files to import.")

        progress = Progress(self.stdout, len(files))
        failures = 0
        for number, path in enumerate(files, start=1):
            progress.show(number, path.name)
            try:
                outcome = import_document(
                    path,
                    path.name,
                    kind=options["kind"],
                    parent=parent,
                    locale=locale,
                    publish=options["publish"],
                    dry_run=options["dry_run"],
                    force=options["force"],
                )
            except (ExtractionError, ImportRefused) as error:
                failures += 1
                message = (
                    str(error) if isinstance(error, ExtractionError) else f"{path.name}: {error}"
                )
                progress.report(self.style.ERROR(f"FAILED  {message}"))
                continue
            except (
                Exception
            ) as error:  # a bug on one file must not stop the batch; it is rolled back
                failures += 1
                progress.report(
                    self.style.ERROR(f"FAILED  {path.name}: unexpected error: {error!r}")
                )
                continue
            progress.report(self.describe(outcome))
        progress.finish()

        summary = f"{len(files) - failures} of {len(files)} files imported"
        if options["dry_run"]:
            summary += " (dry run: nothing was saved)"
        if failures:
            raise CommandError(f"{summary}; {failures} failed.")
        self.stdout.write(self.style.SUCCESS(summary + "."))

    def describe(self, outcome):
        if outcome.unchanged:
            return (
                f"unchanged  {outcome.filename}: {len(outcome.updated)} page(s) already up to date"
            )
        lines = [
            f"{'would import' if outcome.dry_run else 'imported'}  {outcome.filename} as {outcome.kind.label}"
        ]
        lines += [f"  created  {page_label(page)}" for page in outcome.created]
        lines += [f"  updated  {page_label(page)}" for page in outcome.updated]
        lines += [f"  note     {note}" for note in outcome.notes]
        return "\n".join(lines)


def page_label(page):
    return (
        f"{page.title} (id {page.pk}, {'live' if page.live else 'draft'})"
        if page.pk
        else page.title
    )


def collect_files(paths):
    """Files to import, in a stable order, and (path, reason) for what is skipped in folders."""
    files, skipped = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    continue
                if child.suffix.lower() in SUPPORTED_EXTENSIONS:
                    files.append(child)
                else:
                    skipped.append((child, "skipped: not a .txt, .pdf, .docx or .html file"))
        elif path.is_file():
            files.append(path)  # an explicitly named file of another type fails with a clear reason
        else:
            raise CommandError(f"{path}: no such file or folder")
    return files, skipped


class Progress:
    """A progress bar on a terminal; plain numbered lines when output goes to a file or pipe."""

    def __init__(self, stream, total):
        self.stream = stream
        self.total = total
        self.interactive = stream.isatty()
        self.current = 0
        self.label = ""

    def show(self, number, label):
        self.current, self.label = number, label
        if self.interactive:
            self.draw()
        else:
            self.stream.write(f"[{number}/{self.total}] {label}")

    def draw(self):
        done = int(BAR_WIDTH * (self.current - 1) / self.total)
        bar = "#" * done + "." * (BAR_WIDTH - done)
        self.stream.write(
            f"\r[{bar}] {self.current}/{self.total} {self.label[:40]}\033[K", ending=""
        )
        self.stream.flush()

    def report(self, text):
        if self.interactive:
            self.stream.write("\r\033[K", ending="")
        self.stream.write(text)
        if self.interactive:
            self.draw()

    def finish(self):
        if self.interactive:
            self.stream.write(f"\r[{'#' * BAR_WIDTH}] {self.total}/{self.total}\033[K")

"""PDF text, page by page, with pypdf; a PDF with more pages than any manual is refused before reading."""

import io

from django.utils.translation import gettext as _

from hub.ingest.extraction import Extraction, ExtractionError

# The longest methodology in the seeds has under 200 pages; text extraction runs at roughly
# 20–100 pages a second, so 1,000 pages still fit the time limit of hub.ingest.isolation.
MAX_PDF_PAGES = 1_000


def extract_pdf(data, filename, budget):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an empty password.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise password_protected(filename)
        check_page_count(reader, filename)
        pages = [
            (number, budget.spend((page.extract_text() or "").strip("\n")))
            for number, page in enumerate(reader.pages, start=1)
        ]
    except ExtractionError:
        raise
    except FileNotDecryptedError as error:
        raise password_protected(filename) from error
    except MemoryError:
        raise
    except (
        Exception
    ) as error:  # pypdf raises many kinds (its own, KeyError, loops…) for broken files
        raise ExtractionError(
            filename, _("the PDF is damaged and cannot be read (%(error)s)") % {"error": error}
        ) from error
    return Extraction(pages)


def check_page_count(reader, filename):
    """The page tree's declared count first (free), then the real one (which walks the tree)."""
    declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
    count = (
        declared if isinstance(declared, int) and declared > MAX_PDF_PAGES else len(reader.pages)
    )
    if count > MAX_PDF_PAGES:
        raise ExtractionError(
            filename,
            _("the PDF has %(count)d pages, more than the %(limit)d that can be imported; split it")
            % {"count": count, "limit": MAX_PDF_PAGES},
        )


def password_protected(filename):
    return ExtractionError(
        filename, _("the PDF is password-protected; save an unprotected copy and try again")
    )

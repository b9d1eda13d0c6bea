"""Text extraction in a child process with hard limits, so a hostile file cannot take a web worker down.

A 526 KB DOCX once took 88 s of CPU and 1.27 GB inside a gunicorn worker, and two uploads stopped the
public site. Now `extract_isolated(data, filename)` starts `python -m hub.ingest.isolation`, which
caps its own address space and CPU time (`resource.setrlimit`) before parsing anything, and the parent
kills it after a wall-clock timeout. Whatever goes wrong comes back as an ExtractionError with a
clear message in the editor's language; the parent never holds more than the extracted text.

The child needs no database: it configures a minimal Django (translations only) and runs
`hub.ingest.extraction.extract`. Files are passed on stdin, results come back as JSON on stdout.
"""

import json
import logging
import resource
import subprocess
import sys
import time

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from hub.ingest.extraction import Extraction, ExtractionError, file_kind

logger = logging.getLogger(__name__)

# Address space of the child. Python with pypdf, lxml and Lexbor loaded maps about 150 MB; pypdf
# reading a 20 MB, 300-page PDF peaks near 300 MB. 1 GB leaves room for legitimate files and stops
# the 1.27 GB DOCX long before the machine notices.
DEFAULT_MEMORY_LIMIT = 1024 * 1024 * 1024
# CPU seconds: the 20 MB benchmark PDF takes about 10 s; gunicorn kills a request after 60 s.
DEFAULT_CPU_LIMIT = 30
# Wall-clock seconds, a little above the CPU limit for a busy machine; still under gunicorn's 60 s.
DEFAULT_TIME_LIMIT = 45


def limits():
    return (
        getattr(settings, "INGEST_EXTRACTION_MEMORY", DEFAULT_MEMORY_LIMIT),
        getattr(settings, "INGEST_EXTRACTION_CPU_SECONDS", DEFAULT_CPU_LIMIT),
        getattr(settings, "INGEST_EXTRACTION_TIMEOUT", DEFAULT_TIME_LIMIT),
    )


def extract_isolated(data, filename):
    """The Extraction of `data`, computed in a limited child process; raises ExtractionError."""
    file_kind(filename)  # an unsupported type is refused without starting a process
    memory, cpu_seconds, timeout = limits()
    header = {
        "filename": filename,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "memory": memory,
        "cpu_seconds": cpu_seconds,
        "max_file_size": getattr(settings, "INGEST_MAX_FILE_SIZE", None),
        "locale_paths": [str(path) for path in settings.LOCALE_PATHS],
    }
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "hub.ingest.isolation"],
            input=json.dumps(header).encode() + b"\n" + data,
            capture_output=True,
            timeout=timeout,
            cwd=settings.BASE_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionError(
            filename,
            _("reading the file took longer than %(seconds)d seconds; it is too complex to import")
            % {"seconds": timeout},
        ) from error
    logger.info(
        "Extracted %s in %.1f s (exit code %s)",
        filename,
        time.monotonic() - started,
        completed.returncode,
    )
    return read_result(completed, filename, memory, cpu_seconds)


def read_result(completed, filename, memory, cpu_seconds):
    try:
        result = json.loads(completed.stdout)
    except ValueError:
        result = None
    if completed.returncode == 0 and isinstance(result, dict):
        if "error" in result:
            raise ExtractionError(filename, result["error"])
        return Extraction([tuple(page) for page in result["pages"]], result["notes"])
    if completed.returncode in (-9, -24, 128 + 9, 128 + 24):  # SIGKILL / SIGXCPU: the CPU limit
        raise ExtractionError(
            filename,
            _(
                "reading the file needed more than %(seconds)d seconds of computing time; it is too complex to import"
            )
            % {"seconds": cpu_seconds},
        )
    if b"MemoryError" in completed.stderr:
        raise ExtractionError(
            filename,
            _(
                "reading the file needed more than %(size)d MB of memory; it is too complex to import"
            )
            % {"size": memory // (1024 * 1024)},
        )
    logger.error(
        "Extraction of %s stopped with exit code %s: %s",
        filename,
        completed.returncode,
        completed.stderr.decode(errors="replace")[-2000:],
    )
    raise ExtractionError(
        filename,
        _(
            "the file could not be read safely (the reader stopped unexpectedly); check that it opens, or save it again"
        ),
    )


# --- the child process ----------------------------------------------------------------------------


def run_child():
    """Read header and file from stdin, limit this process, extract, answer JSON on stdout."""
    header = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read()
    configure_django(header)
    preload_parsers()  # loaded before the limits, so a tight limit fails the parsing, not an import
    resource.setrlimit(resource.RLIMIT_AS, (header["memory"], header["memory"]))
    resource.setrlimit(resource.RLIMIT_CPU, (header["cpu_seconds"], header["cpu_seconds"] + 2))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # parsing never needs to write a file
    filename = header["filename"]
    from hub.ingest.extraction import extract

    with translation.override(header["language"]):
        try:
            extraction = extract(data, filename)
            answer = {"pages": extraction.pages, "notes": extraction.notes}
        except ExtractionError as error:
            answer = {"error": error.reason}
        except RecursionError:
            answer = {"error": _("the file is nested too deeply to be read")}
    # A MemoryError is not caught: the child ends with it on stderr and the parent reports it.
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


def preload_parsers():
    import lxml.etree  # noqa: F401
    import pypdf  # noqa: F401
    import selectolax.lexbor  # noqa: F401

    import hub.ingest.formats  # noqa: F401


def configure_django(header):
    """Just enough Django for translated messages: no apps, no database."""
    import django
    from django.conf import settings as child_settings

    options = {"USE_I18N": True, "LOCALE_PATHS": header["locale_paths"], "INSTALLED_APPS": []}
    if header.get("max_file_size"):
        options["INGEST_MAX_FILE_SIZE"] = header["max_file_size"]
    child_settings.configure(**options)
    django.setup()


if __name__ == "__main__":
    run_child()

"""Plain text files, in UTF-8 or the Central European encodings older tools write."""

from django.utils.translation import gettext as _

from hub.ingest.extraction import Extraction, ExtractionError


def decode_text(data, filename):
    """Text in UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1250 or ISO 8859-2."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    # Windows-1250 puts š, ž, ť, ś, ź in 0x80–0x9F, where ISO 8859-2 has only control characters.
    encoding = "cp1250" if any(0x80 <= byte <= 0x9F for byte in data) else "iso-8859-2"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ExtractionError(
            filename, _("the text encoding is not recognised (use UTF-8)")
        ) from error


def extract_txt(data, filename, budget):
    return Extraction([(None, budget.spend(decode_text(data, filename)))])

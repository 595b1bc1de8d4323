"""Bytes to text: byte-order marks, UTF-8, then detection; binary input is refused.

>>> decode_bytes("café".encode("cp1252"), source="note.txt")
'café'
"""

from __future__ import annotations

import codecs

from newsprobe.errors import ExtractionError, UnsupportedInputError

__all__ = ["decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control bytes (other than tab/newline/CR/FF) above which a BOM-less input is
# binary, not text; real text in any 8-bit encoding has next to none.
_MAX_CONTROL_SHARE = 0.02
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (images, archives, PDFs)."""
    sample = data[:_SNIFF_BYTES]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\x0c")
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, *, source: str | None = None, declared: str | None = None) -> str:
    """Decode text of unknown encoding.

    Order: a byte-order mark; the `declared` charset (HTTP header, HTML meta) when it
    decodes cleanly; strict UTF-8; charset-normalizer's best guess; cp1252 as a last
    resort (every byte decodes, and it is the commonest legacy web encoding).

    Raises:
        ExtractionError: the input is empty.
        UnsupportedInputError: the input is binary, not text.
    """
    if not data.strip():
        raise ExtractionError("the input is empty", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise UnsupportedInputError(
            "this is a binary file, not text; give a text, HTML, JSONL, CSV, WARC or feed file",
            source=source,
        )
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")

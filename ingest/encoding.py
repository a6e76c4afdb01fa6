"""Text saved as UTF-16 or UTF-32 with a byte-order mark (what Windows calls "Unicode"), read as
UTF-8 like every other text file; without this its zero bytes made it look like binary data."""

from __future__ import annotations

import codecs

from healthqa.errors import IngestError

# UTF-32 first: its little-endian mark begins with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """"utf-16" or "utf-32" when the data starts with that encoding's byte-order mark."""
    return next((name for mark, name in _MARKS if data.startswith(mark)), None)


def as_utf8(data: bytes, *, name: str) -> bytes:
    """UTF-16/32 text with its byte-order mark as UTF-8 bytes; any other data as it is."""
    encoding = wide_encoding(data)
    if encoding is None:
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeError:
        raise IngestError(
            f"{name} starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} text; save it as UTF-8."
        ) from None

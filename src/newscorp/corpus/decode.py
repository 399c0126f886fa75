"""Turn the raw bytes of an input file into NFC text, or reject them."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from newscorp.errors import InputError

log = logging.getLogger(__name__)

#: Byte order marks and their codecs; UTF-32 first, its LE mark starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Non-ASCII characters expected in German text in a Western legacy code page.
_WESTERN = frozenset("äöüÄÖÜßéèêëáàâçñóòôíìîúùûÉÈÀ€„“”‚‘’–—…«»‹›°§·´¨×÷½¼¾²³µ\u00a0")
#: Share of a decoding's non-ASCII characters that must be in ``_WESTERN``.
_WESTERN_SHARE = 0.9
#: Share of control or replacement characters above which a decoding counts as binary.
_MAX_JUNK_SHARE = 0.05
#: Control characters (category Cc) other than tab, newlines and feeds, and U+FFFD.
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
#: UTF-8 with at most this many broken sequences per valid multi-byte one is still UTF-8.
_MAX_BROKEN_UTF8 = 0.05
#: Control bytes (C0 other than tab, newlines and feeds; DEL) that mark undecodable data as
#: binary rather than as text in an unknown encoding.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
#: Encodings charset-normalizer may not guess: without a BOM, UTF-16/32 text has NUL bytes
#: (rejected as binary before guessing) and UTF-7 is never news.
_NO_GUESS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"]
_MIXED = "newscorp-cp1252"
#: Most bytes that are not UTF-8 in a file read as UTF-8 mixed with cp1252.
_MAX_MIXED_ERRORS = 100_000


def _cp1252_for_broken_utf8(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error(_MIXED, _cp1252_for_broken_utf8)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode ``data`` (read from ``path``) to NFC text; raise InputError if it is not text."""
    if not data.strip():
        raise InputError("empty file")
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputError("binary file")
        text = _decode_plain(data, path)
    if _junk_share(text) > _MAX_JUNK_SHARE:
        raise InputError("binary file")
    if not text.strip():
        raise InputError("empty file")
    return unicodedata.normalize("NFC", text)


def _decode_bom(data: bytes) -> str | None:
    """Decode data that starts with a byte order mark, else return None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_plain(data: bytes, path: str) -> str:
    """Decode data without a BOM: UTF-8, a Western code page, else charset-normalizer's guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    valid = _count_non_ascii(replaced) - broken  # characters from multi-byte sequences
    if valid > 0 and broken <= _MAX_BROKEN_UTF8 * valid:
        log.debug("%s: decoded as UTF-8 with a few broken bytes", path)
        return replaced
    western = _decode_western(data)
    if western is not None:
        log.debug("%s: decoded as cp1252/latin-1", path)
        return western
    if valid > 0 and broken <= _MAX_MIXED_ERRORS:  # the error handler is slow per error
        mixed = data.decode("utf-8", errors=_MIXED)
        if _is_western(mixed):
            log.debug("%s: decoded as UTF-8 mixed with cp1252", path)
            return mixed
    best = from_bytes(data, cp_exclusion=_NO_GUESS).best()
    # No language recognised from letter frequencies: mojibake, or CJK in a legacy encoding
    # (CJK in UTF-8 is read in the first step).
    if best is None or not best.coherence:
        if len(_CONTROL_BYTES.findall(data)) > _MAX_JUNK_SHARE * len(data):
            raise InputError("binary file")
        raise InputError("undecodable text (no known encoding fits)")
    log.debug("%s: decoded as %s", path, best.encoding)
    return str(best)


def _decode_western(data: bytes) -> str | None:
    """Decode as cp1252 (latin-1 as fallback) if the result looks like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text if _is_western(text) else None


def _count_non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _is_western(text: str) -> bool:
    """True if nearly all non-ASCII characters of text are usual in German text."""
    known = sum(text.count(ch) for ch in _WESTERN)
    return known >= _WESTERN_SHARE * _count_non_ascii(text)


def _junk_share(text: str) -> float:
    """Return the share of control and replacement characters in text."""
    if not text:
        return 0.0
    return len(_JUNK.findall(text)) / len(text)

"""Bytes -> text: size limit, empty and binary detection, BOMs, UTF-8, legacy encodings.

Legacy encodings (cp1251, koi8-r, ...) are detected by charset-normalizer, restricted to the
encodings the configured language packs list (``encodings:``): short Cyrillic texts are
otherwise often taken for Central European or Japanese code pages.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

import charset_normalizer

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_ENCODINGS = ("cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "cp1252")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"RIFF", "a media file"),
    (b"ID3", "an audio file"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


class DecodeError(Exception):
    """Why bytes are not usable text (one line, without the file name)."""


def size_text(n: int) -> str:
    """Exact bytes (with thousands separators), plus MiB when large: never rounded to equal."""
    exact = f"{n:,} bytes"
    return f"{exact} = {n / (1024 * 1024):.2f} MiB" if n >= 1024 * 1024 else exact


def check_size(size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if size > max_bytes:
        raise DecodeError(
            f"file too large ({size_text(size)}; the limit is {size_text(max_bytes)})"
        )


def declared_charset(content_type: str | None) -> str | None:
    """The ``charset=`` of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    m = _CHARSET.search(content_type)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def sniff_binary(data: bytes) -> str | None:
    """A description of what binary data this is, or ``None`` when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:65536]
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    controls = len(_CONTROL.findall(head))
    if controls > max(2, len(head) // 100):
        return "binary data (many control bytes)"
    return None


def decode_bytes(
    data: bytes,
    encodings: Sequence[str] = DEFAULT_ENCODINGS,
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, str]:
    """(text, encoding name) of ``data``; ``DecodeError`` when it is not usable text."""
    check_size(len(data), max_bytes)
    if not data.strip():
        raise DecodeError("empty file (no text)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"undecodable bytes: invalid {encoding} at byte {exc.start}"
                ) from exc
            text = text.lstrip("\ufeff")
            if not text.strip():
                raise DecodeError("empty file (no text)")
            return text, encoding
    what = sniff_binary(data)
    if what:
        raise DecodeError(f"binary file, not text: {what}")
    declared = declared_charset(content_type) or _meta_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong header is common; detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    utf8_bytes = sum(len(m) for m in _UTF8_SEQ.findall(data))
    if non_ascii and utf8_bytes / non_ascii > 0.5:
        raise DecodeError(
            f"undecodable bytes: invalid UTF-8 at byte {first_bad} in otherwise UTF-8 text "
            "(mixed encodings or a truncated file)"
        )
    candidates = [e for e in dict.fromkeys(encodings) if _known(e)] or list(DEFAULT_ENCODINGS)
    best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
    if best is None or best.chaos > 0.3:
        raise DecodeError(
            "undecodable bytes: not UTF-8 and no configured encoding fits "
            f"({', '.join(candidates)})"
        )
    text = str(best)
    letters = sum(ch.isalpha() for ch in text)
    if letters < max(1, len(text.strip()) // 5):
        raise DecodeError("undecodable bytes: the decoded text is mostly symbols, not words")
    return text, best.encoding


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top."""
    m = _META_CHARSET.search(data[:4096])
    return declared_charset("charset=" + m.group(1).decode("ascii")) if m else None


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True

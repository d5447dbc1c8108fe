"""Reading a paper file (text, HTML, PDF, DOCX) into a ``Paper`` of numbered lines.

The format is decided from the bytes (magic numbers first), the file name's extension being
a hint only. Every failure is a ``PaperError`` naming the file and what would have been
accepted; nothing is executed or fetched, and the work is bounded by ``max_bytes``.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from scrutinydesk.core.vocab import MediaType

from .errors import MalformedPaper, PaperError, PaperTooLarge, UnsupportedFormat
from .text import Paper

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 25 * MB
ACCEPTED = "a text (.txt), HTML (.html), PDF (.pdf) or Word (.docx) paper"
CONTROL_SHARE_LIMIT = 0.05  # more control characters than this and it is not text

_HTML_EXTENSIONS = (".htm", ".html", ".xhtml", ".aspx")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""",
                           re.I)
# Control bytes that never occur in text (TAB, LF, VT, FF and CR do).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])

# (magic bytes, offset, what it looks like) for formats that are not papers we read.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0,
     "an old Microsoft Office file (Word 97-2003 .doc, .xls or .ppt)"),
    (b"{\\rtf", 0, "a Rich Text Format (RTF) document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"\x7fELF", 0, "a Linux program (ELF executable)"),
    (b"\xcf\xfa\xed\xfe", 0, "a macOS program (Mach-O executable)"),
    (b"\x1f\x8b", 0, "a gzip-compressed file"),
    (b"BZh", 0, "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", 0, "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"%!PS", 0, "a PostScript file"),
    (b"\x00\x00\x01\x00", 0, "an icon file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"ftyp", 4, "a video or audio file (MP4/MOV)"),
)


def read_paper(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Paper:
    """Read the bytes of one paper file into a ``Paper``.

    Text and HTML papers get pages from their "Page N" footers; PDF and DOCX papers get
    ``Line.page`` from the file's own pages (1-based, physical). ``media_type``,
    ``page_count`` (PDF, DOCX) and ``metadata`` (title, author, created) are recorded.
    Raises only ``PaperError`` subclasses."""
    name = str(name or "paper")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise UnsupportedFormat(f"the paper was given as {type(data).__name__}, not as bytes",
                                source=name, expected="the bytes of the uploaded file")
    data = bytes(data)
    if not data:
        raise MalformedPaper("the file is empty", source=name, expected=ACCEPTED)
    if len(data) > max_bytes:
        raise PaperTooLarge(f"the file is {_megabytes(len(data))}; the largest paper accepted "
                            f"is {_megabytes(max_bytes)}", source=name,
                            expected=f"a file of at most {_megabytes(max_bytes)}")
    media_type, text = _sniff(data, name)
    try:
        if media_type == MediaType.PDF:
            from .formats_pdf import read_pdf
            return read_pdf(data, name)
        if media_type == MediaType.DOCX:
            from .formats_docx import read_docx
            return read_docx(data, name, max_bytes=max_bytes)
        assert text is not None
        if media_type == MediaType.HTML:
            from .formats_html import read_html
            return read_html(_redecode_html(data, text), name)
        return _text_paper(text, name)
    except PaperError as exc:
        exc.located(name)
        raise
    except RecursionError as exc:
        raise MalformedPaper("the file is nested too deeply to be read", source=name,
                             expected=ACCEPTED) from exc
    except MemoryError as exc:
        raise PaperTooLarge("the file needs too much memory to read", source=name,
                            expected=f"a simpler {ACCEPTED}") from exc


def sniff_media_type(data: bytes, name: str) -> str:
    """The ``MediaType`` value of a paper file, from its bytes first and its name's extension
    second. Raises ``UnsupportedFormat`` for anything that is not text, HTML, PDF or DOCX,
    naming what it looks like."""
    return _sniff(bytes(data), str(name or "paper"))[0]


def _sniff(data: bytes, name: str) -> tuple[str, str | None]:
    """(media type, decoded text for text and HTML papers)."""
    if not data:
        raise MalformedPaper("the file is empty", source=name, expected=ACCEPTED)
    if b"%PDF-" in data[:1024]:
        return MediaType.PDF, None
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _sniff_zip(data, name), None
    for magic, offset, looks_like in _SIGNATURES:
        if data[offset:offset + len(magic)] == magic:
            raise _unsupported(name, f"it looks like {looks_like}")
    if data[:2] == b"MZ" and b"\x00" in data[:512]:
        raise _unsupported(name, "it looks like a Windows program (EXE/DLL)")
    text = decode_text(data, name)
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and (_HTML_START.search(head) or
                                 name.lower().endswith(_HTML_EXTENSIONS)):
        return MediaType.HTML, text
    return MediaType.TEXT, text


def _sniff_zip(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[:10000])
            mimetype = b""
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, KeyError) as exc:
        what = "a Word document (DOCX)" if name.lower().endswith(".docx") else "a ZIP archive"
        raise UnsupportedFormat(
            f"the file looks like {what} but is damaged or truncated ({exc})",
            source=name, expected=f"an undamaged file: {ACCEPTED}") from exc
    if "word/document.xml" in names:
        return MediaType.DOCX
    if "xl/workbook.xml" in names:
        looks_like = "an Excel workbook (XLSX)"
    elif "ppt/presentation.xml" in names:
        looks_like = "a PowerPoint presentation (PPTX)"
    elif mimetype.startswith(b"application/vnd.oasis.opendocument"):
        looks_like = f"an OpenDocument file ({mimetype.decode('ascii', 'replace')})"
    else:
        looks_like = "a ZIP archive that is not a Word document"
    raise _unsupported(name, f"it looks like {looks_like}")


def _unsupported(name: str, why: str) -> UnsupportedFormat:
    return UnsupportedFormat(f"the file is not a paper Scrutiny Desk can read: {why}",
                             source=name, expected=ACCEPTED)


def decode_text(data: bytes, name: str = "paper") -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM (or UTF-16 without
    one, recognised by its NUL bytes), else Windows-1252. Raises ``UnsupportedFormat`` when
    the bytes are not text (NUL bytes, too many control characters)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _decode_wide(data, "utf-32", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_wide(data, "utf-16", name)
    elif _looks_like_bomless_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text = _decode_wide(data, encoding, name)
    else:
        _check_control_share(data, name)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    _check_control_share(text.encode("utf-8", "surrogatepass"), name)
    return text


def _decode_wide(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnsupportedFormat(
            f"the file starts like {encoding.upper()} text but has invalid bytes at byte "
            f"{exc.start}", source=name, expected=f"whole {encoding.upper()} text or "
            f"{ACCEPTED}") from exc


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 16 or len(sample) % 2:
        return False
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return (odd_nuls > 0.7 * half and even_nuls == 0) or (even_nuls > 0.7 * half
                                                           and odd_nuls == 0)


def _check_control_share(data: bytes, name: str) -> None:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if not controls:
        return
    share = controls / len(data)
    nuls = data.count(0)
    if share > CONTROL_SHARE_LIMIT or nuls:
        percent = max(1, round(100 * share))
        detail = f"{percent}% of its bytes are control characters"
        if nuls:
            detail += f" ({nuls} NUL byte{'s' if nuls != 1 else ''})"
        raise UnsupportedFormat(f"the file does not look like text: {detail}", source=name,
                                expected=ACCEPTED)


def _redecode_html(data: bytes, text: str) -> str:
    """An HTML page that is not UTF-8 is decoded with the charset its <meta> names."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return text
    try:
        data.decode("utf-8")
        return text
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            encoding = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            return text
        if encoding not in ("utf-8", "utf-16", "utf-32") and "utf" not in encoding:
            return data.decode(encoding, errors="replace")
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_paper(text: str, name: str) -> Paper:
    text = normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise MalformedPaper("the file has no text (only white space)", source=name,
                             expected=ACCEPTED)
    return Paper.from_text(text, name, media_type=MediaType.TEXT)


def _megabytes(size: int) -> str:
    value = f"{size / MB:.1f}".removesuffix(".0")
    return f"{value} MB"

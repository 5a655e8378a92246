"""Read an article file and its metadata into a plain dict; refuse what is not an article, with a reason.

Metadata, all optional, comes from a sidecar JSON file with the same stem (``article.json`` beside
``article.txt``) and/or from front matter at the top of the file::

    ---
    published: 2025-03-26
    source: Reuters
    ---

The sidecar wins over front matter. Known keys: title, published (YYYY-MM-DD), source (or wire), url,
dateline. The stored text is the file's text without front matter, with newlines normalised to ``\\n`` and
Unicode in NFC form; every offset the project keeps points into that text.
"""
import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 5 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_DATELINE = re.compile(r"^([A-Z][A-Z .'\-]{2,40}(?:, [A-Za-z .'\-]{2,40})?)(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*[—–-]+\s")


class ArticleError(Exception):
    """This file cannot be loaded as an article; the message says why."""


def document_id(text: str) -> str:
    """A stable id for a text: the same text always gets the same id, another text another id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_articles(paths) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into article files (sorted), and list the paths that could not be used."""
    files, problems = find_article_names(paths)
    return [Path(f) for f in files], problems


def find_article_names(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """find_articles as path strings (a tenth of the memory and time of Paths for a folder of 100,000)."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # sorted by their parts: the order of Paths themselves
            files.extend(sorted(_article_files(str(path)), key=lambda p: p.split(os.sep)))
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                files.append(str(path))
            else:
                problems.append((str(path), f"not an article file (expected {' or '.join(ARTICLE_SUFFIXES)})"))
        else:
            problems.append((str(path), "no such file or folder"))
    return files, problems


def _article_files(top: str):
    """The article files under a folder, named as Path(top).rglob would name them: symlinked files are
    followed, symlinked folders are not; a README, LICENCE or CHANGELOG describes
    its folder and is left out."""
    folders = [top]
    while folders:
        folder = folders.pop()
        prefix = "" if folder == "." else folder + os.sep
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(prefix + entry.name)
                    continue
                stem, suffix = _split_suffix(entry.name)
                if suffix.lower() in ARTICLE_SUFFIXES and stem.upper() not in _FOLDER_NOTES and entry.is_file():
                    yield prefix + entry.name
            except OSError:
                continue


def _split_suffix(name: str) -> tuple[str, str]:
    """(stem, suffix) as pathlib splits a file name: a leading dot or a trailing one starts no suffix."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


_FOLDER_NOTES = {"README", "LICENSE", "LICENCE", "CHANGELOG"}


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text; returns (text, note) where note says when a fallback encoding was used."""
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise ArticleError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        position = error.start
    try:
        return data.decode("cp1252"), f"not valid UTF-8 (byte {position}); read as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 (byte {position}); read as Latin-1"


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(sample: bytes) -> bool:
    """More than 5 % control bytes (other than tab, newlines and form feed): counted in C by deleting them,
    since a re-run reads every file and a byte-by-byte loop was most of its time."""
    if not sample:
        return False
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control / len(sample) > 0.05


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """Split 'key: value' front matter from the text; returns (metadata, rest, warnings)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    meta, warnings = {}, []
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            warnings.append(f"front matter line {number} is not 'key: value'; ignored")
            continue
        meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():], warnings


def read_sidecar(path: Path) -> tuple[dict, list[str]]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}, []
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, [f"metadata {sidecar.name} is not valid JSON ({error}); loaded without it"]
    if not isinstance(meta, dict):
        return {}, [f"metadata {sidecar.name} is not a JSON object; loaded without it"]
    return {str(k).lower(): v for k, v in meta.items()}, []


def clean_metadata(meta: dict) -> tuple[dict, list[str]]:
    """Keep the known keys as strings, and a publication date only when it is a real YYYY-MM-DD date."""
    warnings = []
    published = meta.get("published") or meta.get("date")
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published).strip()[:10]).isoformat()
        except ValueError:
            warnings.append(f"published {published!r} is not a YYYY-MM-DD date; ignored")
            published = None
    out = {"published": published}
    for key, aliases in {"title": (), "source": ("wire", "publisher"), "url": ("link",), "dateline": ()}.items():
        value = next((meta[k] for k in (key, *aliases) if meta.get(k) not in (None, "")), None)
        out[key] = str(value).strip() if value is not None else None
    return out, warnings


def file_stamp(path) -> tuple[int, int]:
    """(size in bytes, modification time in ns) of a file: what a re-run compares before reading it."""
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def read_article(path, root=None) -> dict:
    """Read one article file into {id, path, text, title, published, source, url, dateline, warnings,
    file_size, file_mtime_ns} (the stamp is taken before reading: a later edit only makes it older)."""
    path = Path(path)
    size, mtime_ns = file_stamp(path)
    if size == 0:
        raise ArticleError("empty file")
    if size > MAX_BYTES:
        raise ArticleError(f"{size / 1e6:.1f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it")
    text, note = decode(path.read_bytes())
    warnings = [note] if note else []
    text = normalise(text)
    front, text, front_warnings = parse_front_matter(text)
    sidecar, sidecar_warnings = read_sidecar(path)
    meta, meta_warnings = clean_metadata({**front, **sidecar})
    warnings += front_warnings + sidecar_warnings + meta_warnings
    if not text.strip():
        raise ArticleError("no text (empty apart from whitespace or metadata)")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = meta["title"] or lines[0][:300]
    dateline = meta["dateline"] or _find_dateline(lines[1:3])
    shown = shown_path(path, root)
    return {
        "id": document_id(text), "path": shown, "text": text, "title": title, "published": meta["published"],
        "source": meta["source"], "url": meta["url"], "dateline": dateline, "warnings": warnings,
        "file_size": size, "file_mtime_ns": mtime_ns,
    }


def shown_path(path, root) -> str:
    """The path as stored: relative to root when it lies under it (what Path.relative_to gives for the
    normalised paths find_articles names, by string prefix: a re-run computes it for every file)."""
    text = str(path)
    if root:
        base = str(root)
        base = base if base.endswith(os.sep) else base + os.sep
        if text.startswith(base) and len(text) > len(base):
            return text[len(base):]
    return text


def _find_dateline(lines: list[str]) -> str | None:
    for line in lines:
        match = _DATELINE.match(line)
        if match:
            return match.group(0).rstrip(" —–-")
    return None

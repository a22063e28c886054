"""Where each character of an HTML page's source lies: a small tokenizer following HTML5's rules for tags,
comments, raw-text elements, character references and line endings.

lxml reports what a page says but not where in the file; redaction needs the file slices that wrote each text
node and attribute value, and the reader needs the ``</html>`` end tags (the parser stops at the first one).
"""

from __future__ import annotations

import html as html_entities
from dataclasses import dataclass, field
from html.entities import html5

import regex

Ranges = list[tuple[int, int]]

# Elements whose content is not markup: raw text (no references) and escapable raw text (references decoded).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
ESCAPABLE_RAW_TEXT = frozenset({"title", "textarea"})

_MARKUP = regex.compile(r"<(?=[A-Za-z/!?])")
_TAG_NAME = regex.compile(r"[A-Za-z][^\t\n\f\r />]*")
_ATTRIBUTE_NAME = regex.compile(r"[^\t\n\f\r />][^\t\n\f\r /=>]*")
_SPACES = regex.compile(r"[\t\n\f\r /]*")
_UNQUOTED = regex.compile(r"[^\t\n\f\r >]*")
_BLANKS = regex.compile(r"[\t\n\f\r ]*")
_HTML_END = regex.compile(r"</html[\t\n\f\r />]", regex.IGNORECASE)
# A character reference as the html module finds them, or a line ending (CR LF and CR read as LF).
_REFERENCE = regex.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)|\r\n?")


@dataclass
class Run:
    """Decoded characters of the file and, for each, the slice of the file's text that wrote it."""

    text: str = ""
    ranges: Ranges = field(default_factory=list)
    raw: bool = False  # script or style content: code, never edited


@dataclass
class Tag:
    name: str
    attributes: dict[str, Run]


@dataclass
class Tokens:
    """The page's character data between markup (one run per gap), its start tags with attribute values, its
    comments, and the slices of its ``</html>`` end tags."""

    runs: list[Run] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    comments: list[Run] = field(default_factory=list)
    html_ends: list[tuple[int, int]] = field(default_factory=list)


def tokenize(source: str) -> Tokens:
    """The page's :class:`Tokens`, in document order."""
    tokens = Tokens()
    runs, tags, comments = tokens.runs, tokens.tags, tokens.comments
    at = 0
    while at < len(source):
        markup = _MARKUP.search(source, at)
        end = markup.start() if markup else len(source)
        runs.append(_decoded(source, at, end, attribute=False))
        if not markup:
            break
        at = end
        if source.startswith("<!--", at):
            close = source.find("-->", at + 4)
            close = len(source) if close < 0 else close
            comments.append(_decoded(source, at + 4, close, attribute=False, references=False))
            at = close + 3
        elif source[at + 1] in "!?/":
            close = source.find(">", at)
            if _HTML_END.match(source, at):
                tokens.html_ends.append((at, len(source) if close < 0 else close + 1))
            at = len(source) if close < 0 else close + 1
        else:
            tag, at = _start_tag(source, at + 1)
            tags.append(tag)
            if tag.name in RAW_TEXT | ESCAPABLE_RAW_TEXT:
                closing = regex.compile(rf"</{regex.escape(tag.name)}[\t\n\f\r />]", regex.IGNORECASE)
                found = closing.search(source, at)
                end = found.start() if found else len(source)
                if tag.name in RAW_TEXT:
                    runs.append(_decoded(source, at, end, attribute=False, references=False))
                    runs[-1].raw = True
                else:
                    runs.append(_decoded(source, at, end, attribute=False))
                at = end
    return tokens


def _start_tag(source: str, at: int) -> tuple[Tag, int]:
    name = _TAG_NAME.match(source, at)
    tag = Tag(name.group().lower(), {})
    at = name.end()
    while at < len(source):
        at = _SPACES.match(source, at).end()
        if at >= len(source) or source[at] == ">":
            return tag, at + 1
        attribute = _ATTRIBUTE_NAME.match(source, at)
        at = _BLANKS.match(source, attribute.end()).end()
        value = Run()
        if source.startswith("=", at):
            at = _BLANKS.match(source, at + 1).end()
            quote = source[at : at + 1]
            if quote in ("'", '"'):
                close = source.find(quote, at + 1)
                close = len(source) if close < 0 else close
                value = _decoded(source, at + 1, close, attribute=True)
                at = close + 1
            else:
                end = _UNQUOTED.match(source, at).end()
                value = _decoded(source, at, end, attribute=True)
                at = end
        tag.attributes.setdefault(attribute.group().lower(), value)
    return tag, at


def _decoded(source: str, start: int, end: int, *, attribute: bool, references: bool = True) -> Run:
    """``source[start:end]`` as the parser reads it: line endings as LF, character references decoded."""
    run = Run()
    at = start
    for found in _REFERENCE.finditer(source, start, end):
        if found.group().startswith("&") and not references:
            continue
        pieces = [("\n", found.span())] if found.group().startswith("\r") else _reference(found, source, end, attribute)
        for text, where in [*((source[i], (i, i + 1)) for i in range(at, found.start())), *pieces]:
            run.text += text
            run.ranges += [where] * len(text)
        at = found.end()
    run.text += source[at:end]
    run.ranges += [(i, i + 1) for i in range(at, end)]
    return run


def _reference(found: regex.Match, source: str, end: int, attribute: bool) -> list[tuple[str, tuple[int, int]]]:
    """A reference's characters with the slices that wrote them. A name is read as the longest entity it starts
    with, the rest as plain text (``&notit`` is ``¬`` then ``it``); in an attribute a name without ``;``
    followed by ``=`` or a letter or digit stays as written (HTML5)."""
    written, (start, stop) = found.group(), found.span()
    if written.startswith("&#"):
        return [(html_entities.unescape(written), (start, stop))]
    name = written[1:]
    if name.endswith(";") and name in html5:
        return [(html5[name], (start, stop))]
    known = max((k for k in range(1, len(name) + 1) if name[:k] in html5), default=0)
    after = name[known : known + 1] if known < len(name) else source[stop : min(stop + 1, end)]
    if not known or (attribute and (after == "=" or (after.isascii() and after.isalnum()))):
        return [(char, (start + i, start + i + 1)) for i, char in enumerate(written)]
    entity = (html5[name[:known]], (start, start + 1 + known))
    return [entity, *((char, (start + 1 + i, start + 2 + i)) for i, char in enumerate(name[known:], start=known))]


def attribute_value(source: str, start: int, end: int) -> Run:
    """The attribute value written at ``source[start:end]`` (inside its quotes), as the parser reads it."""
    return _decoded(source, start, end, attribute=True)

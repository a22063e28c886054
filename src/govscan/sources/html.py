"""HTML pages: the text a reader sees, the page's title and publication date, and hidden links.

Block elements (``p``, ``div``, ``li``, ``tr``, headings, ``br``…) end a line,
so a finding's line number is the paragraph an editor sees; table cells are
separated by tabs. ``script``, ``style``, comments and hidden elements are left
out. An HTML comment holding a ``govscan: ignore`` directive is kept as text at
its place, so the suppression applies to that line. Text after ``</body>`` or
``</html>`` (broken templates, injected spam) is read as the last lines: browsers
show it at the end of the body, though lxml would stop at ``</html>``.

While walking the page, anchors that point to another site and that no reader
can see (``display:none``, ``visibility:hidden``, zero size, pushed off
screen) are collected as :class:`HiddenLink` — the 暗链 that inspections treat
as a hijacked site (rule HTM001 hidden-link).

The walk also hands each element to :mod:`.html_attributes`: tooltips, alt text, description metadata, mail and
phone links and form values are read as one more text, ``#field=attributes``, reported at the file's line:column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import regex

from govscan.errors import InputError
from govscan.sources.dates import find_date, parse_date
from govscan.sources.decode import decode
from govscan.sources.document import Document, HiddenLink
from govscan.sources.html_attributes import Gathered, Value, collect, collect_meta, comments_with_directives, gather
from govscan.sources.html_tokens import tokenize
from govscan.sources.locate import locate
from govscan.sources.options import ReadOptions

BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog"}
    | {"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody"}
    | {"tfoot", "thead", "title", "tr", "ul"}
)
CELLS = frozenset({"td", "th"})
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select"})
# Skipped elements whose own and descendants' attributes are still read (a crawler reads them all).
_ATTRIBUTES_READ = SKIPPED - {"head", "script", "style"}

# Metadata names (lower case) in order of preference.
TITLE_META = ("articletitle", "og:title", "title", "dc.title")
DATE_META = ("pubdate", "publishdate", "article:published_time", "dc.date", "dc.date.issued", "firstpublishedtime")

_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.IGNORECASE)
XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = regex.compile(r"\s+")
_HTML_END = regex.compile(r"</html[\t\n\f\r />]", regex.IGNORECASE)
_LAST_HTML_END = regex.compile(r"</html(?:[\t\n\f\r /][^>]*)?>[\t\n\f\r ]*\Z", regex.IGNORECASE)
_DIRECTIVE = regex.compile(r"govscan:\s*ignore(?:\[[^\]]*\])?")
_PUBLISHED_LINE = regex.compile(r"(?:发布|发表|成文|印发)(?:时间|日期)\s*[:：]?\s*(.{0,24})")

# Declarations that hide an element (lower-cased, spaces removed).
_HIDING = (
    (regex.compile(r"(?:^|;)display:none"), "display:none"),
    (regex.compile(r"(?:^|;)visibility:hidden"), "visibility:hidden"),
    (regex.compile(r"(?:^|;)font-size:0(?:px|em|pt|rem|%)?(?:;|$|!)"), "font-size:0"),
    (regex.compile(r"(?:^|;)(?:height|width|max-height|max-width):0(?:px)?(?:;|$|!)"), "zero size"),
    (regex.compile(r"(?:^|;)(?:left|top|right|text-indent|margin-left|margin-top):-\d{3,}"), "off-screen"),
    (regex.compile(r"(?:^|;)opacity:0(?:\.0+)?(?:;|$|!)"), "opacity:0"),
)
# ``.a, #b { … }`` rules of inline stylesheets (only simple class and id selectors are resolved).
_CSS_RULE = regex.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = regex.compile(r"^[.#][A-Za-z_][\w-]*$")


def read(name: str, data: bytes, options: ReadOptions | None = None) -> list[Document]:
    """The page's visible text as one Document, plus its title as ``#field=title`` when the body lacks it and its
    scanned attribute values as ``#field=attributes`` when it has any.

    ``options``: nothing to configure for HTML yet; the parameter keeps every reader's signature alike.
    """
    text = decode(name, data, declared=declared_charset(data))
    page = parse(name, text)
    documents = [Document(path=name, text=page.text, title=page.title, date=page.date, hidden_links=page.hidden_links)]
    if page.title and page.title not in page.text:
        documents.append(Document(path=locate(name, field="title"), text=page.title, title=page.title, date=page.date))
    if page.attributes is not None:
        gathered = Document(path=locate(name, field="attributes"), text=page.attributes.text, date=page.date)
        documents.append(gathered.placed_later(page.attributes.places))
    return documents


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: dt.date | None
    hidden_links: tuple[HiddenLink, ...]
    attributes: Gathered | None = None  # the scanned attribute values, when the page has any


def parse(name: str, text: str) -> Page:
    """Extract a decoded page; InputError when there is no HTML to parse."""
    return parse_tree(name, text)[0]


def parse_tree(name: str, text: str, origins: list | None = None) -> tuple[Page, lxml.html.HtmlElement]:
    """:func:`parse`, also returning the parsed tree; ``origins`` receives where each character of the page's
    text came from (see ``_Walker.origins``)."""
    original = text
    declaration = XML_DECLARATION.match(text)
    text = text[declaration.end() :] if declaration else text
    if not text.strip():
        raise InputError(name, "empty HTML page")
    try:
        root = lxml.html.document_fromstring(_past_end_tags(text))
    except (lxml.etree.ParserError, ValueError) as error:
        raise InputError(name, f"cannot parse HTML: {error}") from error
    meta = _meta(root)
    walker = _Walker(hidden_classes=_hidden_selectors(root), site=_site(meta), origins=origins)
    body = root.find("body")
    if body is None:
        walker.walk(root)
    else:
        walker.walk(body)
        walker.walk_after(body)
    walker.end()
    values: list[Value] = []
    collect_meta(root, values)
    values += walker.attributes
    attributes = gather(values, text, original, comments_with_directives(root, text)) if values else None
    extracted = walker.text()
    title = _first(meta, TITLE_META) or _text_of(root.find(".//title"))
    date = next((d for d in (parse_date(meta.get(k)) for k in DATE_META) if d), None)
    if date is None:
        date = _published_line_date(extracted)
    page = Page(extracted, title, date, tuple(walker.links), attributes)
    return page, root


def _past_end_tags(text: str) -> str:
    """The page with each ``</html>`` end tag written as a comment of the same length.

    lxml stops at the first ``</html>``, but browsers show what follows it (broken templates, injected spam)
    at the end of the body. As a comment the tag no longer ends the parse, and every offset stays where it was
    (redaction maps the parsed text back to the file).
    """
    first = _HTML_END.search(text)
    if first is None or _LAST_HTML_END.match(text, first.start()):
        return text  # no end tag, or only one with nothing after it: the usual page, without tokenizing
    return _end_tags_as_comments(text)


def _end_tags_as_comments(text: str) -> str:
    pieces, at = [], 0
    for start, end in tokenize(text).html_ends:
        pieces += [text[at:start], "<!--", " " * (end - start - 7), "-->"]
        at = end
    return "".join(pieces) + text[at:]


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta name|property=… content=…>`` by lower-cased key (first one wins)."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("name") or element.get("property") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            found.setdefault(key, content)
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _text_of(element: lxml.html.HtmlElement | None) -> str | None:
    if element is None:
        return None
    text = _SPACE.sub(" ", element.text_content()).strip()
    return text or None


def _published_line_date(text: str) -> dt.date | None:
    for match in _PUBLISHED_LINE.finditer(text):
        date = find_date(match.group(1))
        if date:
            return date
    return None


def _site(meta: dict[str, str]) -> str | None:
    """The page's own host, when it names one (``og:url``); links to it are not off-site."""
    url = meta.get("og:url") or meta.get("url")
    return (urlsplit(url).hostname or None) if url else None


def _hiding_reason(style: str) -> str | None:
    compact = style.lower().replace(" ", "").replace("\n", "").replace("\t", "")
    return next((reason for pattern, reason in _HIDING if pattern.search(compact)), None)


def _hidden_selectors(root: lxml.html.HtmlElement) -> dict[str, str]:
    """``.class`` / ``#id`` → why the page's own stylesheets hide it."""
    hidden: dict[str, str] = {}
    for style in root.iter("style"):
        for selectors, body in _CSS_RULE.findall(style.text or ""):
            reason = _hiding_reason(body)
            if reason is None:
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if _SIMPLE_SELECTOR.match(selector):
                    hidden[selector] = reason
    return hidden


@dataclass
class _Walker:
    """Depth-first walk writing visible text, one line per block."""

    hidden_classes: dict[str, str]
    site: str | None
    links: list[HiddenLink] = field(default_factory=list)
    attributes: list[Value] = field(default_factory=list)
    # When a list (redaction), receives per emitted character ``(node, start, end)`` (the slice of the text node
    # ``(element, "text" | "tail")`` it came from) or ``None`` for characters the walker added.
    origins: list | None = None
    _pieces: list[str] = field(default_factory=list)
    _directives: list[str] = field(default_factory=list)
    _length: int = 0
    _line_empty: bool = True
    _space_pending: bool = False

    def walk(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:
            if isinstance(element, lxml.etree._Comment):
                self._directive(element.text or "")
            return
        if tag in SKIPPED:
            if tag in _ATTRIBUTES_READ:
                self._attributes_under(element)
            return
        reason = self._hides(element)
        if reason:
            for anchor in element.iter("a"):
                self._hidden_link(anchor, reason)
            self._attributes_under(element)
            return
        collect(element, self.attributes)
        if tag in BLOCKS:
            self._newline()
        elif tag in CELLS:
            self._cell()
        if element.text:
            self._write(element.text, preformatted=tag == "pre", node=(element, "text"))
        for child in element:
            self.walk(child)
            if child.tail:
                self._write(child.tail, preformatted=tag == "pre", node=(child, "tail"))
        if tag in BLOCKS:
            self._newline()

    def walk_after(self, element: lxml.html.HtmlElement) -> None:
        """The text after ``element`` in its parent: its tail and its later siblings (what lxml keeps after
        ``</body>``, which browsers show at the end of the body)."""
        if element.tail:
            self._write(element.tail, preformatted=False, node=(element, "tail"))
        for sibling in element.itersiblings():
            self.walk(sibling)
            if sibling.tail:
                self._write(sibling.tail, preformatted=False, node=(sibling, "tail"))

    def text(self) -> str:
        return "".join(self._pieces)

    def _attributes_under(self, element: lxml.html.HtmlElement) -> None:
        """Attributes of an element the text walk skips, and of everything inside it."""
        for inner in element.iter(lxml.etree.Element):
            collect(inner, self.attributes)

    def _hides(self, element: lxml.html.HtmlElement) -> str | None:
        if element.get("hidden") is not None:
            return "hidden attribute"
        style = element.get("style")
        reason = _hiding_reason(style) if style else None
        if reason:
            return reason
        for name in (element.get("class") or "").split():
            if f".{name}" in self.hidden_classes:
                return self.hidden_classes[f".{name}"]
        identifier = element.get("id")
        return self.hidden_classes.get(f"#{identifier}") if identifier else None

    def _hidden_link(self, anchor: lxml.html.HtmlElement, reason: str) -> None:
        href = (anchor.get("href") or "").strip()
        host = urlsplit(href).hostname if href.lower().startswith(("http://", "https://", "//")) else None
        if host is None or host == self.site:
            return
        text = _SPACE.sub(" ", anchor.text_content()).strip()
        self.links.append(HiddenLink(offset=self._length, href=href, text=text, reason=reason))

    def end(self) -> None:
        self._newline()

    def _directive(self, comment: str) -> None:
        """Keep a suppression comment at the end of its line (or the next line with text), columns unchanged."""
        match = _DIRECTIVE.search(comment)
        if match:
            self._directives.append(match.group(0))

    def _write(self, text: str, *, preformatted: bool, node: tuple | None = None, base: int = 0) -> None:
        if preformatted:
            for number, line in enumerate(text.split("\n")):
                if number:
                    self._newline()
                self._write(line, preformatted=False, node=node, base=base)
                base += len(line) + 1
            return
        collapsed = _SPACE.sub(" ", text)
        if not collapsed.strip():
            self._space_pending = self._space_pending or (bool(collapsed) and not self._line_empty)
            return
        if collapsed[0] == " " and not self._line_empty:
            self._space_pending = True
        words = collapsed.strip()
        if self._space_pending and not self._line_empty:
            self._emit(" ")
        origins = None if self.origins is None else _collapsed_origins(text, collapsed, words, node, base)
        self._emit(words, origins)
        self._line_empty = False
        self._space_pending = collapsed[-1] == " "

    def _cell(self) -> None:
        if not self._line_empty:
            self._emit("\t")
        self._space_pending = False

    def _newline(self) -> None:
        if not self._line_empty:
            if self._directives:
                self._emit("  " + " ".join(self._directives))
                self._directives.clear()
            self._emit("\n")
        self._line_empty = True
        self._space_pending = False

    def _emit(self, piece: str, origins: list | None = None) -> None:
        self._pieces.append(piece)
        self._length += len(piece)
        if self.origins is not None:
            self.origins += origins or [None] * len(piece)


def _collapsed_origins(text: str, collapsed: str, words: str, node: tuple | None, base: int) -> list:
    """Where each character of ``words`` (``text`` with spaces collapsed, then stripped) lies in its node."""
    origins = []
    at = 0
    for space in _SPACE.finditer(text):
        origins += [(node, base + i, base + i + 1) for i in range(at, space.start())]
        origins.append((node, base + space.start(), base + space.end()))
        at = space.end()
    origins += [(node, base + i, base + i + 1) for i in range(at, len(text))]
    lead = len(collapsed) - len(collapsed.lstrip())
    return origins[lead : lead + len(words)]

"""Find, parse and validate lexicon files; every error names file, line and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from govscan.errors import LexiconError
from govscan.lexicon.schema import Lexicon

Model = TypeVar("Model", bound=BaseModel)

# A file's top-level ``kind:`` key. Term lexicons have none; other kinds (``formulations``,
# ``leaders``) are structured data read by their own check module and skipped here.
_KIND = re.compile(r"^kind:[ \t]*[\"']?([a-z][a-z-]*)", re.MULTILINE)
TERMS = "terms"


def file_kind(path: Path) -> str:
    """The ``kind:`` a data file declares at the top level; ``terms`` when it declares none."""
    try:
        found = _KIND.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return TERMS  # load_lexicon reports the unreadable file with its path
    return found.group(1) if found else TERMS


class _DatesAsText(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: ~10x faster start-up
    """Safe loader that leaves dates as text for pydantic to check.

    PyYAML turns ``2018-02-30`` into a ``ValueError`` with no line; as text it
    fails validation like any other field, naming file, line and field.
    """


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def packaged_lexicon_dir() -> Path:
    """The folder of lexicons shipped inside the installed package."""
    return Path(str(resources.files("govscan.lexicons")))


def lexicon_folders(extra: Iterable[Path] = (), *, packaged: bool = True) -> list[Path]:
    """The folders a run loads: the packaged one (unless turned off), then the user's, each once."""
    folders = [packaged_lexicon_dir()] if packaged else []
    seen = {folder.resolve() for folder in folders}
    for folder in extra:
        if folder.resolve() not in seen:
            seen.add(folder.resolve())
            folders.append(folder)
    return folders


def load_lexicons(
    directories: Iterable[Path] | None = None, allows: Callable[[str], bool] | None = None
) -> tuple[Lexicon, ...]:
    """Load every ``*.yaml`` in the given folders (default: the packaged ones).

    Files are read in name order so rule order is deterministic. A term used by
    two files is an error: the same text would get two contradictory verdicts.
    Files whose code ``allows`` rejects (``--ignore LEX401``) are left out before
    that check, so a user's list may take over a term from a rule turned off.
    """
    folders = list(directories) if directories is not None else [packaged_lexicon_dir()]
    lexicons: list[Lexicon] = []
    owner: dict[str, tuple[str, str]] = {}
    codes: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            raise LexiconError(str(folder), "lexicon folder does not exist")
        for path in sorted(folder.glob("*.yaml")):
            if file_kind(path) != TERMS:
                continue
            lexicon = load_lexicon(path)
            if allows is not None and not allows(lexicon.code):
                continue
            if lexicon.code in codes:
                raise LexiconError(
                    str(path), f"code {lexicon.code} is already used by {codes[lexicon.code]}", field="code"
                )
            codes[lexicon.code] = str(path)
            for entry in lexicon.entries:
                if entry.term in owner and owner[entry.term][0] != str(path):
                    raise LexiconError(
                        str(path), f"term {entry.term!r} is already defined in {owner[entry.term][0]}", field="term"
                    )
                owner[entry.term] = (str(path), lexicon.code)
            lexicons.append(lexicon)
    return tuple(lexicons)


def load_lexicon(path: Path) -> Lexicon:
    """Parse and validate one lexicon file."""
    text, data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), "a lexicon file must be a mapping with code, name and entries", line=1)
    _reject_duplicate_terms(path, data, text)
    return validated(Lexicon, data, path, text)


def validated(model: type[Model], data: Any, path: Path, text: str) -> Model:
    """``data`` as ``model``, or a LexiconError naming the file, line and field of the first problem."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"]) or _entry_named_in(first["msg"])
        raise LexiconError(
            str(path),
            first["msg"],
            line=line_of(text, location),
            field=".".join(str(part) for part in location) or None,
        ) from error


def read_yaml(path: Path) -> tuple[str, Any]:
    """The file's text and its parsed data (dates left as text); errors name file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(str(path), f"cannot read file: {error}") from error
    try:
        return text, yaml.load(text, Loader=_DatesAsText)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise LexiconError(str(path), f"invalid YAML: {problem}", line=line) from error


def line_of(text: str, location: tuple[Any, ...]) -> int | None:
    """1-based line of the value at ``location`` in YAML ``text``; parsed again only when an error needs it."""
    return _line_of(yaml.compose(text, Loader=_DatesAsText), location)


def _entry_named_in(message: str) -> tuple[Any, ...]:
    """File-wide checks name the entry in their message (``entries.3: …``); point at its term."""
    found = re.search(r"entries\.(\d+)", message)
    return ("entries", int(found.group(1)), "term") if found else ()


def _reject_duplicate_terms(path: Path, data: dict[str, Any], text: str) -> None:
    entries = data.get("entries")
    if not isinstance(entries, list):
        return
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        term = entry.get("term") if isinstance(entry, dict) else None
        if not isinstance(term, str):
            continue
        if term in seen:
            raise LexiconError(
                str(path),
                f"duplicate term {term!r} (first at entries.{seen[term]})",
                line=line_of(text, ("entries", index, "term")),
                field=f"entries.{index}.term",
            )
        seen[term] = index


def _line_of(node: yaml.Node | None, location: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``location``, or of its deepest existing parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == part), None)
            if child is not None:
                key_node = next(key for key, value in node.value if value is child)
                line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line

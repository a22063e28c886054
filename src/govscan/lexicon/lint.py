"""Check lexicon files beyond their schema: what ``govscan lexicon check`` reports.

Loading a lexicon (``load.py``) stops at the first error, because a scanner
cannot run on a broken file. An author fixing files wants every problem at
once, each with the file and line to edit: schema errors, a term or code used
twice, an entry without a usable source, a short term that fires inside a
longer one where the longer one is deliberately silent, and examples that do
not behave. Pure: reads the given files, returns problems as data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import ahocorasick
import yaml

from govscan.engine import Scanner
from govscan.errors import LexiconError
from govscan.lexicon.kinds import load_data_kind
from govscan.lexicon.load import TERMS, _line_of, file_kind, load_lexicon
from govscan.lexicon.schema import Entry, Lexicon
from govscan.match import LexiconMatcher
from govscan.normalize import fold


class ProblemKind(str, Enum):
    """What is wrong; stable words for ``--format json``."""

    SCHEMA = "schema"
    DUPLICATE_CODE = "duplicate-code"
    DUPLICATE_TERM = "duplicate-term"
    MISSING_SOURCE = "missing-source"
    SHADOWED_TERM = "shadowed-term"
    EXAMPLE = "example"


@dataclass(frozen=True)
class Problem:
    """One thing to fix, at ``path:line`` (``field`` is the dotted YAML path)."""

    kind: ProblemKind
    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.field:
            where = f"{where}: {self.field}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class _File:
    """A lexicon that loaded, with its YAML node tree for line numbers."""

    path: str
    lexicon: Lexicon
    root: yaml.Node

    def line(self, *location: str | int) -> int | None:
        return _line_of(self.root, location)

    def where(self, index: int) -> str:
        return f"{self.path}:{self.line('entries', index, 'term')}"


@dataclass(frozen=True)
class _Entry:
    """One entry and where it is written."""

    file: _File
    index: int
    entry: Entry

    @property
    def key(self) -> str:
        """The term as the matcher sees it."""
        return fold(self.entry.term).text

    def problem(self, kind: ProblemKind, message: str, *location: str | int) -> Problem:
        location = location or ("term",)
        return Problem(
            kind,
            self.file.path,
            self.file.line("entries", self.index, *location),
            ".".join(str(part) for part in ("entries", self.index, *location)),
            message,
        )


def lexicon_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The ``*.yaml`` files in ``paths`` (folders in name order, files as given), and paths that are neither."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(ProblemKind.SCHEMA, str(path), None, None, "no such file or folder"))
    return files, problems


def check_lexicon_files(paths: Iterable[Path], *, today: dt.date | None = None) -> list[Problem]:
    """Every problem in the lexicon files under ``paths``, ordered by file and line.

    Files are checked together, as one scanner would load them: a term or code
    may be used by only one of them. ``today`` is the day examples run on for
    entries that are wrong today (default: the real today).
    """
    files, problems = lexicon_files(paths)
    loaded: list[_File] = []
    for path in files:
        try:
            if file_kind(path) != TERMS:  # structured data: its own schema; its examples run in its check's tests
                load_data_kind(path, file_kind(path))
                continue
            lexicon = load_lexicon(path)
        except LexiconError as error:
            problems.append(Problem(ProblemKind.SCHEMA, error.path, error.line, error.field, error.message))
            continue
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        loaded.append(_File(str(path), lexicon, root))
    entries = [_Entry(file, index, entry) for file in loaded for index, entry in enumerate(file.lexicon.entries)]
    problems += _duplicate_codes(loaded)
    problems += _duplicate_terms(entries)
    problems += _missing_sources(entries)
    problems += _shadowed_terms(entries, today or dt.date.today())
    problems += _misbehaving_examples(loaded, entries, today or dt.date.today())
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or "", p.message))


def _duplicate_codes(files: list[_File]) -> Iterator[Problem]:
    first: dict[str, _File] = {}
    for file in files:
        code = file.lexicon.code
        if code in first:
            where = f"{first[code].path}:{first[code].line('code')}"
            yield Problem(
                ProblemKind.DUPLICATE_CODE, file.path, file.line("code"), "code", f"{code} is already used by {where}"
            )
        else:
            first[code] = file


def _duplicate_terms(entries: list[_Entry]) -> Iterator[Problem]:
    """Terms that match the same text (after folding width and variants) must be one entry."""
    first: dict[str, _Entry] = {}
    for item in entries:
        if item.key in first:
            other = first[item.key]
            yield item.problem(
                ProblemKind.DUPLICATE_TERM,
                f"term 「{item.entry.term}」 is already defined at {other.file.where(other.index)}",
            )
        else:
            first[item.key] = item


def _missing_sources(entries: list[_Entry]) -> Iterator[Problem]:
    """The schema requires ``source``; a blank title or issuer cites nothing."""
    for item in entries:
        source = item.entry.source
        for field in ("title", "issuer"):
            if source is None or not getattr(source, field).strip():
                yield item.problem(
                    ProblemKind.MISSING_SOURCE,
                    f"the entry has no source {field}",
                    *(("source", field) if source else ("source",)),
                )
                break


def _wrong_day(entry: Entry, today: dt.date) -> dt.date:
    """A day on which ``entry`` counts as wrong: today if it is, else the last (or first) wrong day."""
    if entry.is_wrong_on(today):
        return today
    return entry.valid_until or entry.valid_from or today


def _single(item: _Entry) -> LexiconMatcher:
    """A matcher for one entry alone, with its file's defaults."""
    return LexiconMatcher([item.file.lexicon.model_copy(update={"entries": [item.entry]})])


def _shadowed_terms(entries: list[_Entry], today: dt.date) -> Iterator[Problem]:
    """A shorter term that fires inside a longer term where the longer one stays silent.

    Where both fire, the engine keeps the longer hit, so overlap alone is fine.
    But where the longer entry is silent on purpose — its ``ok`` examples, its
    exceptions, a date on which it is correct — a shorter term firing inside it
    undoes that decision. Checked on the longer term alone and on its examples.
    """
    automaton = ahocorasick.Automaton()
    by_key: dict[str, list[_Entry]] = {}
    for item in entries:
        by_key.setdefault(item.key, []).append(item)
    for key in by_key:
        automaton.add_word(key, key)
    if not by_key:
        return
    automaton.make_automaton()
    matchers: dict[int, LexiconMatcher] = {}
    for longer in entries:
        inner = {key for _, key in automaton.iter(longer.key) if key != longer.key}
        if not inner:
            continue
        texts = [longer.entry.term, *longer.entry.examples.fire, *longer.entry.examples.ok]
        for key in sorted(inner):
            for shorter in by_key[key]:
                text = _silent_context(longer, shorter, texts, matchers, today)
                if text is not None:
                    yield shorter.problem(
                        ProblemKind.SHADOWED_TERM,
                        f"「{shorter.entry.term}」 fires inside 「{longer.entry.term}」 "
                        f"({longer.file.where(longer.index)}) where that entry is silent, e.g. in 「{text}」; "
                        f"give 「{shorter.entry.term}」 the same exceptions or dates",
                    )


def _silent_context(
    longer: _Entry, shorter: _Entry, texts: list[str], matchers: dict[int, LexiconMatcher], today: dt.date
) -> str | None:
    """The first text in which ``shorter`` fires inside an occurrence of ``longer`` that is not reported."""
    day = _wrong_day(shorter.entry, today)
    for matcher_of in (longer, shorter):
        if id(matcher_of) not in matchers:
            matchers[id(matcher_of)] = _single(matcher_of)
    for text in texts:
        folded = fold(text).text
        long_hits = {(h.start, h.end) for h in matchers[id(longer)].find(folded, day)}
        short_hits = list(matchers[id(shorter)].find(folded, day))
        start = folded.find(longer.key)
        while start != -1:
            end = start + len(longer.key)
            if (start, end) not in long_hits and any(start <= h.start and h.end <= end for h in short_hits):
                return text
            start = folded.find(longer.key, start + 1)
    return None


def _misbehaving_examples(files: list[_File], entries: list[_Entry], today: dt.date) -> Iterator[Problem]:
    """Every ``fire`` example must yield a finding for its entry and no ``ok`` example may.

    The examples run through a Scanner built from all the checked lexicons (no
    detectors or checks), so they also prove the entry survives its neighbours.
    Each runs on a day the entry is wrong (see :func:`_wrong_day`).
    """
    scanner = Scanner(lexicons=[file.lexicon for file in files], detectors=(), checks=())
    for item in entries:
        day = _wrong_day(item.entry, today)
        code = item.file.lexicon.code
        for group, must_fire in (("fire", True), ("ok", False)):
            for number, text in enumerate(getattr(item.entry.examples, group)):
                findings = scanner.scan_text(text, as_of=day)
                fired = any(f.code == code and fold(f.matched_text).text == item.key for f in findings)
                if fired == must_fire:
                    continue
                if must_fire:
                    others = ", ".join(f"{f.code}「{f.matched_text}」" for f in findings) or "nothing"
                    message = f"example does not fire 「{item.entry.term}」 (as of {day}; found: {others})"
                else:
                    message = f"example fires 「{item.entry.term}」 but must not (as of {day})"
                yield item.problem(ProblemKind.EXAMPLE, message, "examples", group, number)

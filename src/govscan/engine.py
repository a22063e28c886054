"""The Scanner: fold → match lexicons / run detectors → validate → Findings.

A Scanner is built once (lexicons parsed, automaton compiled, detectors
discovered) and then scans any number of texts. It holds no mutable state, so
one instance can be shared by threads.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from govscan.checks import Check, CheckContext, all_checks
from govscan.detectors import Candidate, Detector, all_detectors
from govscan.filters import RuleSelection
from govscan.hit import Hit
from govscan.lexicon import Lexicon, load_lexicons
from govscan.lines import Lines
from govscan.masking import mask_value
from govscan.match import LexiconMatcher, lexicon_rule
from govscan.models import Finding, Rule
from govscan.normalize import Folded, fold
from govscan.sources.document import Document, HiddenLink

# Characters of context kept on each side of a hit in a finding's excerpt.
EXCERPT_CONTEXT = 30


class Scanner:
    """Reusable, thread-safe scanner over a fixed set of rules."""

    def __init__(
        self,
        *,
        lexicons: Sequence[Lexicon] | None = None,
        detectors: Sequence[Detector] | None = None,
        checks: Sequence[Check] | None = None,
        selection: RuleSelection | None = None,
    ):
        selection = selection or RuleSelection()
        lexicons = load_lexicons() if lexicons is None else lexicons
        detectors = all_detectors() if detectors is None else detectors
        checks = all_checks() if checks is None else checks
        self._lexicons = tuple(lx for lx in lexicons if selection.allows(lx.code))
        self._detectors = tuple(d for d in detectors if selection.allows(d.rule.code))
        self._checks = tuple(c for c in checks if selection.allows(c.rule.code))
        self._matcher = LexiconMatcher(self._lexicons)
        self._maskers: dict[str, Callable[[str], str]] = {
            d.rule.code: getattr(d.module, "mask", mask_value) for d in self._detectors
        }
        rules = [lexicon_rule(lx) for lx in self._lexicons]
        rules += [d.rule for d in self._detectors] + [c.rule for c in self._checks]
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: r.code))

    def scan_document(self, document: Document, *, as_of: dt.date | None = None) -> list[Finding]:
        """Findings in ``document.text``; its publication date is the default ``as_of``."""
        return self._scan(document.text, as_of or document.date, document.date, document.title, document.hidden_links)

    def scan_text(self, text: str, *, as_of: dt.date | None = None) -> list[Finding]:
        """Findings in ``text``, sorted by position, with spans into ``text`` itself.

        ``as_of`` is the document's date for date-aware rules (default: today).
        """
        return self._scan(text, as_of, None, None)

    def _scan(
        self,
        text: str,
        as_of: dt.date | None,
        published: dt.date | None,
        title: str | None,
        hidden_links: tuple[HiddenLink, ...] = (),
    ) -> list[Finding]:
        day = as_of or dt.date.today()
        folded = fold(text)
        hits = _outermost(list(self._matcher.find(folded.text, day)))
        detected = [
            hit for detector in self._detectors for hit in _detect(detector, folded.text, day, folded.ascii_digits)
        ]
        hits.extend(one_report_per_value(detected))
        if self._checks:
            links = tuple(link.model_copy(update={"offset": folded.to_folded(link.offset)}) for link in hidden_links)
            context = CheckContext(
                text=folded.text,
                as_of=day,
                published=published,
                title=title,
                as_of_given=as_of is not None,
                hidden_links=links,
            )
            for check in self._checks:
                hits.extend(check.run(context))
        hits.sort(key=lambda h: (h.start, h.end, h.rule.code))
        return _Builder(folded, self._maskers).findings(hits)


@cache
def default_scanner() -> Scanner:
    """The scanner with every packaged rule, built on first use."""
    return Scanner()


def scan_text(text: str, *, as_of: dt.date | None = None) -> list[Finding]:
    """Scan ``text`` with every packaged rule; see :meth:`Scanner.scan_text`."""
    return default_scanner().scan_text(text, as_of=as_of)


def _detect(detector: Detector, text: str, day: dt.date, ascii_digits: bool = False) -> list[Hit]:
    rule = detector.rule
    validate = detector.module.validate  # looked up once, not per match
    hits = []
    for match in detector.matches(text, ascii_digits):
        verdict = validate(Candidate(text, match, day))
        if verdict is None:
            continue
        start = match.start() if verdict.start is None else verdict.start
        end = match.end() if verdict.end is None else verdict.end
        severity = verdict.severity or rule.severity
        hits.append(Hit(rule, start, end, rule.summary, verdict.explanation, severity, verdict.confidence))
    return hits


def one_report_per_value(hits: list[Hit]) -> list[Hit]:
    """Detector hits on overlapping text are one value reported once (phone digits inside an e-mail, …).

    The more confident hit wins, then the longer one, then the lower rule code.
    """
    ranked = sorted(hits, key=lambda h: (-h.confidence.rank, h.start - h.end, h.rule.code, h.start))
    kept: list[Hit] = []  # disjoint, ordered by start: only the neighbours of a new hit can overlap it
    starts: list[int] = []
    for hit in ranked:
        index = bisect.bisect_left(starts, hit.start)
        if index > 0 and kept[index - 1].end > hit.start:
            continue
        if index < len(kept) and kept[index].start < hit.end:
            continue
        kept.insert(index, hit)
        starts.insert(index, hit.start)
    return kept


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop lexicon hits lying inside a longer one (工商总局 within 国家工商总局)."""
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    reach = -1
    for hit in hits:
        if hit.end <= reach:
            continue
        kept.append(hit)
        reach = hit.end
    return kept


@dataclass
class _Builder:
    """Turns folded-text hits into Findings over the original text."""

    folded: Folded
    maskers: dict[str, Callable[[str], str]]

    def findings(self, hits: list[Hit]) -> list[Finding]:
        if not hits:
            return []
        original = self.folded.original
        spans = [self.folded.to_original(h.start, h.end) for h in hits]
        private = _PersonalSpans(
            original,
            [
                (start, end, self.maskers[hit.rule.code])
                for hit, (start, end) in zip(hits, spans, strict=True)
                if hit.rule.personal_data
            ],
        )
        lines = Lines(original)
        result = []
        for hit, (start, end) in zip(hits, spans, strict=True):
            line, column = lines.position(start)
            end_line, end_column = lines.position(end)
            excerpt, excerpt_start = self._excerpt(start, end, start - column + 1, private)
            finding = Finding(
                code=hit.rule.code,
                name=hit.rule.name,
                severity=hit.severity,
                confidence=hit.confidence,
                message=hit.message,
                span={"start": start, "end": end},
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                excerpt=excerpt,
                excerpt_span={"start": excerpt_start, "end": excerpt_start + end - start},
                suggestion=hit.suggestion,
                source=hit.source,
                explanation=hit.explanation,
                personal_data=hit.rule.personal_data,
            )
            result.append(finding.with_matched_text(original[start:end]))
        return result

    def _excerpt(self, start: int, end: int, line_start: int, private: _PersonalSpans) -> tuple[str, int]:
        """The hit's line(s) from ``line_start``, cut to ``EXCERPT_CONTEXT`` either side, personal data masked."""
        original = self.folded.original
        line_end = original.find("\n", end)
        if line_end < 0:
            line_end = len(original)
        left = max(line_start, start - EXCERPT_CONTEXT)
        right = min(line_end, end + EXCERPT_CONTEXT)
        text = private.masked(left, right).replace("\r", " ").replace("\n", " ")
        prefix = "…" if left > line_start else ""
        suffix = "…" if right < line_end else ""
        return prefix + text + suffix, start - left + len(prefix)


class _PersonalSpans:
    """Personal-data spans (sorted by start), masked once, searchable by window.

    Each excerpt masks only the spans it overlaps, found by bisection, so building
    n findings stays O(n log n) however many personal values a text holds.
    """

    def __init__(self, original: str, spans: list[tuple[int, int, Callable[[str], str]]]):
        self._original = original
        self._spans = [(start, end, masker(original[start:end])) for start, end, masker in spans]
        self._starts = [start for start, _, _ in spans]
        self._longest = max((end - start for start, end, _ in spans), default=0)

    def masked(self, left: int, right: int) -> str:
        """``original[left:right]`` with the personal values in it masked (a later span overwrites an earlier)."""
        first = bisect.bisect_left(self._starts, left - self._longest)
        last = bisect.bisect_left(self._starts, right)
        overlapping = [span for span in self._spans[first:last] if span[1] > left]
        if not overlapping:
            return self._original[left:right]
        if len(overlapping) == 1 and left <= overlapping[0][0] and overlapping[0][1] <= right:  # the usual case
            start, end, masked = overlapping[0]
            return self._original[left:start] + masked + self._original[end:right]
        chars = list(self._original[left:right])
        for start, end, masked in overlapping:
            cut_start, cut_end = max(start, left), min(end, right)
            chars[cut_start - left : cut_end - left] = masked[cut_start - start : cut_end - start]
        return "".join(chars)

"""Precision and recall of the personal-data detectors on the labelled corpus ``fixtures/pii/``.

A finding counts as a true positive when a label has the same rule code and the
same span. Addresses are scored by overlap instead (same code, spans intersect):
where an address starts is a matter of judgment (is 户籍地 part of it?), whether
it was found is not. Every other finding of a PII rule is a false positive;
every label without such a finding is a false negative. Findings of all
confidences count (``--min-confidence low``, the default).

    python bench/pii_accuracy.py            # table per detector
    python bench/pii_accuracy.py --misses   # also list each miss and false alarm
    python bench/pii_accuracy.py --min-confidence high   # score only findings at least this confident
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "pii" / "corpus.jsonl"
OVERLAP_SCORED = {"PII006"}


@dataclass(frozen=True)
class Score:
    code: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def load_cases(path: Path = CORPUS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(code: str, label: tuple[int, int], found: tuple[int, int]) -> bool:
    if code in OVERLAP_SCORED:
        return label[0] < found[1] and found[0] < label[1]
    return label == found


def measure(cases: list[dict], scanner, min_confidence: str = "low") -> tuple[dict[str, Score], list[str]]:
    """Scores per PII rule code, and one line per miss or false alarm."""
    from govscan import Confidence

    minimum = Confidence(min_confidence).rank
    counts: dict[str, Counter] = {}
    problems = []
    for case in cases:
        findings = [
            f
            for f in scanner.scan_text(case["text"], as_of=dt.date.fromisoformat(case["as_of"]))
            if f.personal_data and f.confidence.rank >= minimum
        ]
        unmatched = [(f.code, (f.span.start, f.span.end)) for f in findings]
        for label in case["labels"]:
            code, span = label["code"], (label["start"], label["end"])
            tally = counts.setdefault(code, Counter())
            hit = next((u for u in unmatched if u[0] == code and _same(code, span, u[1])), None)
            if hit is None:
                tally["fn"] += 1
                problems.append(f"miss  {code} {case['id']} {case['text'][span[0] : span[1]]!r} in {case['text']!r}")
            else:
                tally["tp"] += 1
                unmatched.remove(hit)
        for code, span in unmatched:
            counts.setdefault(code, Counter())["fp"] += 1
            problems.append(f"false {code} {case['id']} {case['text'][span[0] : span[1]]!r} in {case['text']!r}")
    scores = {code: Score(code, c["tp"], c["fp"], c["fn"]) for code, c in sorted(counts.items())}
    return scores, problems


def table(scores: dict[str, Score], rules: dict[str, str]) -> str:
    lines = [
        "| code | detector | labels | found | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for code, s in scores.items():
        labels, found = s.true_positives + s.false_negatives, s.true_positives + s.false_positives
        lines.append(
            f"| {code} | {rules.get(code, '')} | {labels} | {found} | {s.true_positives} | {s.false_positives} "
            f"| {s.false_negatives} | {s.precision:.3f} | {s.recall:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    from govscan import RuleSelection, Scanner

    scanner = Scanner(selection=RuleSelection.of(["PII"]))
    cases = load_cases()
    minimum = sys.argv[sys.argv.index("--min-confidence") + 1] if "--min-confidence" in sys.argv else "low"
    scores, problems = measure(cases, scanner, minimum)
    rules = {r.code: r.name for r in scanner.rules}
    labelled = sum(len(c["labels"]) for c in cases)
    print(f"{len(cases)} cases, {labelled} labelled values, {CORPUS.name}, findings with confidence >= {minimum}")
    print(table(scores, rules))
    if "--misses" in sys.argv:
        print("\n".join(problems))


if __name__ == "__main__":
    main()

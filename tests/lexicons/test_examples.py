"""Every lexicon entry's own examples: ``fire`` texts must produce that entry, ``ok`` texts must not."""

from __future__ import annotations

import pytest

from govscan import Scanner
from govscan.lexicon import load_lexicons

CASES = [
    pytest.param(lexicon.code, entry.term, text, kind, id=f"{lexicon.code}-{entry.term}-{kind}-{i}")
    for lexicon in load_lexicons()
    for entry in lexicon.entries
    for kind, texts in (("fire", entry.examples.fire), ("ok", entry.examples.ok))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("code", "term", "text", "kind"), CASES)
def test_entry_example(scanner: Scanner, code: str, term: str, text: str, kind: str) -> None:
    hits = [f for f in scanner.scan_text(text) if f.code == code and f.matched_text == term]
    if kind == "fire":
        assert hits, f"{code} {term!r} should fire in {text!r}"
    else:
        assert not hits, f"{code} {term!r} should not fire in {text!r}"


def test_typo_lexicon_has_at_least_30_cited_entries() -> None:
    (typos,) = [lx for lx in load_lexicons() if lx.code == "LEX401"]
    assert len(typos.entries) >= 30
    assert all(entry.source.title and entry.source.issuer for entry in typos.entries)

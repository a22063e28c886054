"""Every packaged lexicon entry's own examples, run through a real Scanner.

``fire`` examples must produce a finding of the entry's code on exactly the
entry's term; ``ok`` examples must produce no lexicon finding at all.
"""

from __future__ import annotations

import pytest

from govscan.engine import Scanner
from govscan.lexicon import load_lexicons
from govscan.normalize import fold

LEXICONS = load_lexicons()
ENTRIES = [(lexicon, entry) for lexicon in LEXICONS for entry in lexicon.entries]
IDS = [f"{lexicon.code}-{entry.term}" for lexicon, entry in ENTRIES]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=LEXICONS, detectors=(), checks=())


@pytest.mark.parametrize(("lexicon", "entry"), ENTRIES, ids=IDS)
def test_fire_examples_fire_on_the_term(scanner, lexicon, entry):
    term = fold(entry.term).text
    for example in entry.examples.fire:
        findings = scanner.scan_text(example.text, as_of=example.as_of)
        spans = [(f.code, fold(f.matched_text).text) for f in findings]
        assert (lexicon.code, term) in spans, f"{example.text!r} gave {spans}"


@pytest.mark.parametrize(("lexicon", "entry"), ENTRIES, ids=IDS)
def test_ok_examples_do_not_fire(scanner, lexicon, entry):
    for example in entry.examples.ok:
        findings = scanner.scan_text(example.text, as_of=example.as_of)
        assert [(f.code, f.matched_text) for f in findings] == [], example.text


@pytest.mark.parametrize(("lexicon", "entry"), ENTRIES, ids=IDS)
def test_every_entry_has_examples_that_must_not_fire(lexicon, entry):
    assert entry.examples.ok, f"{lexicon.code} {entry.term}: no ok example"


@pytest.mark.parametrize(("lexicon", "entry"), ENTRIES, ids=IDS)
def test_every_entry_cites_a_source(lexicon, entry):
    assert entry.source.title.strip(), f"{lexicon.code} {entry.term}: source without title"
    assert entry.source.issuer.strip(), f"{lexicon.code} {entry.term}: source without issuer"


def test_packaged_files_meet_the_issue_floor():
    counts = {lexicon.code: len(lexicon.entries) for lexicon in LEXICONS}
    assert counts["LEX101"] >= 60
    assert counts["LEX201"] >= 25
    assert counts["LEX401"] >= 120
    assert counts["LEX301"] >= 1

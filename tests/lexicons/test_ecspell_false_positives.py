"""No lexicon finding on real, typo-free official prose.

Data: the 1,720 ``corrected`` sentences of the ECSpell official-document
domain (repository aopolin-lv/ECSpell, file ``Data/domains_data/odw.train``,
MIT License, Copyright (c) 2022 Aopolin-Lv), converted to JSONL in
``../shared/data/ecspell-odw-train.jsonl``.

The sentences carry no date, and each was correct on the day it was written:
a 2017 list of ministries names 国土资源部 and 工商总局. So a sentence must be
clean on some day: today, or the day before one of the lexicons' change dates.
Any finding from an undated entry (typos, outdated terms) fails this test on
every day; a dated finding on a name that was correct when the text was
written does not.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import shared_path
from govscan.engine import Scanner
from govscan.lexicon import load_lexicons

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    data = shared_path("data", "ecspell-odw-train.jsonl")
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["corrected"] for row in rows]


def test_the_data_set_is_complete(sentences):
    assert len(sentences) == 1720


def test_no_lexicon_finding_on_corrected_sentences(sentences):
    lexicons = load_lexicons()
    changes = sorted({entry.valid_from for lx in lexicons for entry in lx.entries if entry.valid_from})
    days = [TODAY, *(change - dt.timedelta(days=1) for change in reversed(changes))]
    scanner = Scanner(lexicons=lexicons, detectors=(), checks=())
    wrong = []
    for sentence in sentences:
        findings = scanner.scan_text(sentence, as_of=TODAY)
        if findings and not any(not scanner.scan_text(sentence, as_of=day) for day in days[1:]):
            wrong.append((sentence, [(f.code, f.matched_text) for f in findings]))
    assert wrong == []


def test_no_finding_from_any_lexicon_rule_when_dated_before_the_2018_reform(sentences):
    """The stricter reading: dated when the data set's documents were current, nothing fires at all."""
    scanner = Scanner(detectors=(), checks=())
    as_of = dt.date(2018, 1, 1)
    found = [(s, f.code, f.matched_text) for s in sentences for f in scanner.scan_text(s, as_of=as_of)]
    assert found == []

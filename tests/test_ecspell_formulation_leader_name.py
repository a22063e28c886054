"""LEX302 and LEX303 raise nothing on 1,720 typo-free sentences of real official documents.

Data: ECSpell (aopolin-lv/ECSpell, Data/domains_data/odw.train, MIT License,
Copyright (c) 2022 Aopolin-Lv), converted to JSONL in ../shared/data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govscan.checks import all_checks
from govscan.engine import Scanner

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecspell-odw-train.jsonl"

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"ECSpell corpus not present at {CORPUS}")


def test_no_findings_on_corrected_official_sentences() -> None:
    sentences = [json.loads(line)["corrected"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(sentences) == 1720
    scanner = Scanner(
        lexicons=(), detectors=(), checks=[c for c in all_checks() if c.rule.code in ("LEX302", "LEX303")]
    )
    findings = [(s, f.code, f.matched_text) for s in sentences for f in scanner.scan_text(s)]
    assert findings == []

from govscan.engine import one_report_per_value
from govscan.hit import Hit
from govscan.models import Confidence, Rule, RuleKind, Severity


def rule(code: str) -> Rule:
    return Rule(code=code, name="x", severity=Severity.ERROR, summary="s", kind=RuleKind.DETECTOR, personal_data=True)


def hit(code: str, start: int, end: int, confidence: Confidence = Confidence.HIGH) -> Hit:
    return Hit(rule(code), start, end, "m", "e", Severity.ERROR, confidence)


def test_overlapping_hits_keep_the_most_confident_then_longest():
    email, phone = hit("PII005", 0, 19), hit("PII002", 0, 11)
    assert one_report_per_value([phone, email]) == [email]
    low_card, id_number = hit("PII004", 4, 22, Confidence.LOW), hit("PII001", 4, 22)
    assert one_report_per_value([low_card, id_number]) == [id_number]


def test_same_span_same_confidence_keeps_the_lower_code():
    assert one_report_per_value([hit("PII004", 0, 18), hit("PII001", 0, 18)]) == [hit("PII001", 0, 18)]


def test_disjoint_hits_are_all_kept():
    hits = [hit("PII001", 0, 18), hit("PII002", 20, 31)]
    assert sorted(one_report_per_value(hits), key=lambda h: h.start) == hits

import pytest


@pytest.mark.parametrize("number", ["E12345678", "EA1234567", "G12345678", "PE1234567", "K12345678", "MA1234567"])
def test_passport_numbers_after_cue(found, number):
    assert found(f"护照号码：{number}。") == [("PII007", number, "error", "high")]


@pytest.mark.parametrize("text", ["产品型号E12345678", "护照号码：EI1234567", "护照E123456789"])
def test_does_not_fire(found, text):
    assert found(text) == []

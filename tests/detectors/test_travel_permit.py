import pytest


@pytest.mark.parametrize(
    ("text", "value", "confidence"),
    [
        ("往来港澳通行证号码C12345678。", "C12345678", "high"),
        ("回乡证号H12345678", "H12345678", "high"),
        ("台胞证号码：12345678", "12345678", "high"),
        ("大陆居民往来台湾通行证T12345678", "T12345678", "high"),
        ("通行证号码M12345678", "M12345678", "medium"),
    ],
)
def test_permits_after_cue(found, text, value, confidence):
    assert found(text) == [("PII008", value, "error", confidence)]


@pytest.mark.parametrize("text", ["合同编号C12345678", "共12345678元", "台胞证号码：H12345678"])
def test_does_not_fire(found, text):
    assert found(text) == []

import pytest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("办公电话：0571-88881234。", "0571-88881234"),
        ("咨询电话：(010)65881234", "(010)65881234"),
        ("监督电话02887654321", "02887654321"),
        ("传真：0571-88881234转123", "0571-88881234转123"),
        ("联系电话：（０５７１）８８８８１２３４", "（０５７１）８８８８１２３４"),
    ],
)
def test_office_numbers_are_notes(found, text, value):
    assert found(text) == [("PII003", value, "note", "high")]


def test_no_cue_is_medium_confidence(found):
    assert found("Tel: +86 571 8888 1234") == [("PII003", "+86 571 8888 1234", "note", "high")]
    assert found("见 028-8888 1234") == [("PII003", "028-8888 1234", "note", "medium")]


@pytest.mark.parametrize("cue", ["家庭电话", "住宅电话", "本人电话", "个人电话"])
def test_personal_cue_raises_to_warning(found, cue):
    assert found(f"{cue}：0351-2345678") == [("PII003", "0351-2345678", "warning", "high")]


@pytest.mark.parametrize(
    "text",
    [
        "电话0351-1234567",  # a local number never starts with 1
        "电话0571-8888123",  # Hangzhou local numbers have 8 digits
        "电话0269-12345678",  # 026 area is not assigned
        "热线12345",
        "客服热线：400-123-4567",
        "索引号：011356029/2021-18809",
        "0571-8888****",
    ],
)
def test_does_not_fire(found, text):
    assert found(text) == []

import pytest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("张某，家住城关镇幸福路25号3栋2单元401室。", "城关镇幸福路25号3栋2单元401室"),
        ("户籍地：永丰村村委会下村组18号", "永丰村村委会下村组18号"),
        ("现住李家村三组", "李家村三组"),
        ("户籍地河南省周口市郸城县城关镇李家村3组", "河南省周口市郸城县城关镇李家村3组"),
        ("申请人现住上海市黄浦区南京东路123弄4号502室，", "上海市黄浦区南京东路123弄4号502室"),
        ("居住在锦绣花园3幢2单元1101室", "锦绣花园3幢2单元1101室"),
    ],
)
def test_home_addresses_are_errors(found, text, value):
    assert found(text) == [("PII006", value, "error", "high")]


def test_office_address_is_a_note(found):
    text = "办公地址：杭州市西湖区环城西路21号市政府大楼"
    assert found(text) == [("PII006", "杭州市西湖区环城西路21号", "note", "medium")]


def test_no_cue_is_a_medium_warning(found):
    assert found("城关镇幸福路25号") == [("PII006", "城关镇幸福路25号", "warning", "medium")]


@pytest.mark.parametrize(
    "text",
    [
        "住址：浙江省杭州市西湖区北山街道",  # down to 街道: the prescribed masked form
        "住址：城关镇幸福路",
        "国办发〔2017〕47号",
        "全区共有村民小组312个",
        "乘坐地铁3号线至沿江大道站，沿江大道3号线换乘",
        "会议在市政府2号楼第一会议室召开",
        "位于人民路与解放路交叉口",
        "家住城关镇**********",
    ],
)
def test_does_not_fire(found, text):
    assert found(text) == []


def test_mask_cuts_to_the_town():
    from govscan.detectors.address import mask

    assert mask("城关镇幸福路25号3栋") == "城关镇********"
    assert mask("杭州市西湖区北山街道幸福路5号") == "杭州市西湖区北山街道*****"
    assert mask("幸福路5号") == "*****"

"""Generate the labelled personal-data corpus ``fixtures/pii/corpus.jsonl`` (seeded, reproducible).

Every value is synthetic and built to pass its checks (MOD 11-2, Luhn, GB 32100)
unless the case is a hard negative built to fail them. Each line is one case::

    {"id": "...", "as_of": "2024-06-30", "text": "...", "labels": [{"code": "PII001", "start": 5, "end": 23}],
     "tags": ["resident-id", "full-width"]}

Labels are the spans a careful human reviewer would mark as personal data that
a detector should report (office landlines and institutional mailboxes included:
govscan reports them as ``note``). Run::

    python bench/make_pii_corpus.py > fixtures/pii/corpus.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from govscan.detectors._checksums import luhn_check_digit, luhn_ok, resident_id_check_char, uscc_checksum_ok
from govscan.detectors._tables import area_codes, regions

SEED = 20240630
AS_OF = dt.date(2024, 6, 30)
FULL_WIDTH = str.maketrans("0123456789Xx-()@.", "０１２３４５６７８９Ｘｘ－（）＠．")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
UNITS = [
    "县民政局",
    "区人力资源和社会保障局",
    "市住房和城乡建设局",
    "镇人民政府",
    "街道办事处",
    "县农业农村局",
    "市财政局",
]
TOWNS = ["城关镇", "新华街道", "东湖街道", "青山镇", "石桥镇", "白沙乡", "河西街道", "柳林镇", "南关街道", "红旗乡"]
PROVINCES = [
    "河南省周口市郸城县",
    "浙江省杭州市西湖区",
    "四川省成都市武侯区",
    "湖北省黄冈市浠水县",
    "江西省赣州市于都县",
]
ROADS = ["幸福路", "人民路", "解放大道", "建设街", "文化巷", "东风路", "中山北路", "学府街", "长安大街", "滨河路"]
ESTATES = ["阳光小区", "锦绣花园", "翠湖家园", "金色公寓", "和平新村", "丽景苑"]
VILLAGES = ["李家村", "王庄村", "永丰村", "柳树屯村", "桃园村", "河口村"]
NUMERALS = "一二三四五六七八九十"


@dataclass
class Case:
    tags: list[str]
    parts: list[tuple[str, str | None]] = field(default_factory=list)

    def add(self, text: str, code: str | None = None) -> Case:
        self.parts.append((text, code))
        return self

    def render(self, index: int) -> dict:
        text, labels = "", []
        for chunk, code in self.parts:
            if code:
                labels.append({"code": code, "start": len(text), "end": len(text) + len(chunk)})
            text += chunk
        return {"id": f"pii-{index:04d}", "as_of": AS_OF.isoformat(), "text": text, "labels": labels, "tags": self.tags}


class Values:
    """Synthetic values with valid (or deliberately broken) checksums."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        codes = sorted(regions())
        self.current = [c for c in codes if not regions()[c].historical and not c.endswith("00") and c[0] != "8"]
        self.historical = [c for c in codes if regions()[c].historical and not c.endswith("00")]
        self.areas = sorted(area_codes().values(), key=lambda a: a.code)

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(["某", "某某", "*", "**"])

    def birth(self) -> dt.date:
        return dt.date(1930, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 29000))

    def resident_id(self, region: str | None = None, check: str | None = None, luhn: bool | None = None) -> str:
        while True:
            code = region or self.rng.choice(self.historical if self.rng.random() < 0.2 else self.current)
            first17 = code + self.birth().strftime("%Y%m%d") + f"{self.rng.randrange(1000):03d}"
            number = first17 + resident_id_check_char(first17)
            if (check is None or number[-1] == check) and (luhn is None or luhn_ok(number) == luhn):
                return number

    def foreign_id(self, check: str | None = None) -> str:
        """A 2023 外国人永久居留身份证 number: 9, 16 digits, MOD 11-2 check; never also a valid credit code."""
        while True:
            first17 = "9" + "".join(self.rng.choice("0123456789") for _ in range(16))
            number = first17 + resident_id_check_char(first17)
            if (check is None or number[-1] == check) and not uscc_checksum_ok(number):
                return number

    def mobile(self) -> str:
        prefix = self.rng.choice(["139", "138", "135", "186", "177", "153", "199", "191", "166", "150", "188", "147"])
        return prefix + "".join(self.rng.choice("0123456789") for _ in range(8))

    def card(self, length: int | None = None, prefix: str = "62") -> str:
        length = length or self.rng.choice([16, 19, 19, 17, 18])
        while True:
            body = prefix + "".join(self.rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
            number = body + luhn_check_digit(body)
            if length != 18 or not looks_like_id(number):
                return number

    def landline(self) -> tuple[str, str, int]:
        area = self.rng.choice(self.areas)
        length = self.rng.choice(sorted(area.local_lengths))
        local = self.rng.choice("2345678") + "".join(self.rng.choice("0123456789") for _ in range(length - 1))
        return "0" + area.code, local, length

    def digits(self, n: int, first: str = "123456789") -> str:
        return self.rng.choice(first) + "".join(self.rng.choice("0123456789") for _ in range(n - 1))


def looks_like_id(number: str) -> bool:
    if number[:2] not in {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"}:
        return False
    return resident_id_check_char(number[:17]) == number[17]


def uscc(rng: random.Random) -> str:
    """A unified social credit code with valid GB 11714 and GB 32100 check characters."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY"[:10] + "MA") for _ in range(8))
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(org, weights, strict=True))
    org_check = 11 - total % 11
    org += {10: "X", 11: "0"}.get(org_check, str(org_check))
    body = rng.choice(["91", "11", "12", "52", "92"]) + rng.choice(["330106", "110105", "510107", "420100"]) + org
    total = sum(chars.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + chars[(31 - total % 31) % 31]


def digit_uscc(rng: random.Random) -> str:
    """An all-digit credit code (91…) that passes GB 32100 and, by chance, MOD 11-2: it looks like a 9-number."""
    while True:
        code = uscc(rng)
        if code.isdigit() and code[0] == "9" and resident_id_check_char(code[:17]) == code[17]:
            return code


def grouped(number: str, sizes: list[int], sep: str) -> str:
    out, position = [], 0
    for size in sizes:
        out.append(number[position : position + size])
        position += size
    return sep.join(out)


def wrap(number: str, rng: random.Random) -> str:
    cut = rng.randrange(3, len(number) - 2)
    return number[:cut] + "\n" + number[cut:]


def build(rng: random.Random) -> list[Case]:
    v = Values(rng)
    cases: list[Case] = []

    def intro() -> str:
        return rng.choice(["经审核，", "现将有关情况公示如下：", "根据群众来信，", "经研究决定，", "", "公示期间，"])

    # --- PII001 resident-id: every written form ---
    for _ in range(30):
        n = v.resident_id()
        cases.append(
            Case(["resident-id", "plain"]).add(f"{intro()}申请人{v.name()}，身份证号：").add(n, "PII001").add("。")
        )
    for _ in range(12):
        n = v.resident_id(check="X")
        x = rng.choice(["X", "x", "Ⅹ", "Ｘ"])
        cases.append(
            Case(["resident-id", "check-x"]).add(f"{v.name()}（公民身份号码").add(n[:17] + x, "PII001").add("）")
        )
    for _ in range(10):
        n = v.resident_id().translate(FULL_WIDTH)
        cases.append(
            Case(["resident-id", "full-width"]).add("身份证号码：").add(n, "PII001").add("，户籍所在地见附件。")
        )
    for _ in range(10):
        n = grouped(v.resident_id(), [6, 8, 4], rng.choice([" ", "-"]))
        cases.append(Case(["resident-id", "separators"]).add("证件号码 ").add(n, "PII001").add(" 已核验。"))
    for _ in range(12):
        n = v.resident_id()
        cases.append(Case(["resident-id", "glued"]).add(f"低保对象{v.name()}").add(n, "PII001").add("享受一类补助"))
    for _ in range(10):
        n = wrap(v.resident_id(), rng)
        cases.append(Case(["resident-id", "line-break"]).add("身份证号：").add(n, "PII001").add("\n联系人：张某"))
    for _ in range(8):
        code = rng.choice(["810000", "820000", "830000"])
        n = v.resident_id(region=code)
        cases.append(Case(["resident-id", "residence-permit"]).add("港澳台居民居住证号码").add(n, "PII001").add("。"))
    for _ in range(8):
        n = v.resident_id(region=rng.choice(v.historical))
        cases.append(
            Case(["resident-id", "historical-region"]).add("申请人身份证：").add(n, "PII001").add("，已审核。")
        )
    for _ in range(5):
        region = rng.choice(["330199", "110197", "440598", "510199"])
        n = v.resident_id(region=region)
        cases.append(Case(["resident-id", "unknown-region"]).add("身份证号").add(n, "PII001").add("，请核对。"))
    for _ in range(8):
        n = v.resident_id()
        while not "1930" <= n[6:10] < "1990":  # the 15-digit form was issued before 1999
            n = v.resident_id()
        old = n[:6] + n[8:14] + n[14:17]
        cases.append(Case(["resident-id", "old-15"]).add("原身份证号码（15位）：").add(old, "PII001").add("。"))
    for _ in range(8):
        n = v.resident_id(luhn=True)
        cases.append(Case(["resident-id", "id-and-luhn"]).add("身份证号：").add(n, "PII001").add("，已核对。"))
        m = v.resident_id(luhn=True)
        cases.append(Case(["bank-card", "id-and-luhn"]).add("社保待遇发放银行卡号：").add(m, "PII004").add("。"))
    cases += foreign_ids(Values(random.Random(SEED + 1)))

    # --- PII002 mobile-phone ---
    for _ in range(30):
        cases.append(
            Case(["mobile-phone", "plain"]).add(f"{intro()}联系人：{v.name()}，联系电话：").add(v.mobile(), "PII002")
        )
    for _ in range(12):
        n = grouped(v.mobile(), [3, 4, 4], rng.choice(["-", " "]))
        cases.append(Case(["mobile-phone", "separators"]).add("手机 ").add(n, "PII002").add("（工作日）"))
    for _ in range(12):
        prefix = rng.choice(["+86", "+86 ", "(+86)", "0086-", "+86-"])
        cases.append(Case(["mobile-phone", "+86"]).add(f"咨询电话{prefix}").add(v.mobile(), "PII002").add("。"))
    for _ in range(10):
        cases.append(
            Case(["mobile-phone", "full-width"]).add("联系方式：").add(v.mobile().translate(FULL_WIDTH), "PII002")
        )
    for _ in range(12):
        cases.append(Case(["mobile-phone", "glued"]).add(f"请与{v.name()}").add(v.mobile(), "PII002").add("联系"))
    for _ in range(8):
        cases.append(Case(["mobile-phone", "line-break"]).add("联系电话：").add(wrap(v.mobile(), rng), "PII002"))
    for _ in range(10):
        row = Case(["mobile-phone", "resident-id", "table"]).add(f"| {rng.randrange(1, 40)} | {v.name()} | 男 | ")
        row.add(v.resident_id(), "PII001").add(" | ").add(v.mobile(), "PII002").add(" | 已发放 |")
        cases.append(row)

    # --- PII003 landline ---
    for _ in range(14):
        area, local, _length = v.landline()
        form = rng.choice([f"{area}-{local}", f"({area}){local}", f"{area}{local}", f"{area} {local}"])
        cue = rng.choice(["办公电话：", "咨询电话：", "监督电话", "联系电话："])
        cases.append(Case(["landline", "office"]).add(f"{rng.choice(UNITS)}{cue}").add(form, "PII003").add("。"))
    for _ in range(10):
        area, local, _length = v.landline()
        cases.append(Case(["landline", "home"]).add(f"{v.name()}家庭电话").add(f"{area}-{local}", "PII003").add("，"))
    for _ in range(6):
        area, local, _length = v.landline()
        number = f"+86 {area[1:]} {local}"
        cases.append(Case(["landline", "+86"]).add("Tel: ").add(number, "PII003"))
    for _ in range(6):
        area, local, _length = v.landline()
        cases.append(
            Case(["landline", "extension"]).add("传真：").add(f"{area}-{local}转{rng.randrange(100, 999)}", "PII003")
        )

    # --- PII004 bank-card ---
    for _ in range(24):
        cue = rng.choice(["银行卡号：", "补贴发放卡号", "开户行：县农村商业银行，账号：", "社保卡银行账户"])
        cases.append(Case(["bank-card", "plain"]).add(f"{v.name()}，{cue}").add(v.card(), "PII004").add("。"))
    for _ in range(12):
        card = v.card(rng.choice([16, 19]))
        sizes = [4] * (len(card) // 4) + ([len(card) % 4] if len(card) % 4 else [])
        cases.append(
            Case(["bank-card", "separators"]).add("卡号 ").add(grouped(card, sizes, " "), "PII004").add(" 户名略")
        )
    for _ in range(8):
        cases.append(Case(["bank-card", "full-width"]).add("银行卡：").add(v.card().translate(FULL_WIDTH), "PII004"))
    for _ in range(10):
        cases.append(Case(["bank-card", "glued"]).add("发放至其").add(v.card(19), "PII004").add("账户"))
    for _ in range(8):
        cases.append(
            Case(["bank-card", "line-break"]).add("银行卡号：").add(wrap(v.card(), rng), "PII004").add("\n开户行：略")
        )
    for _ in range(6):
        card = v.card(16, prefix=rng.choice(["4", "51", "35"]))
        cases.append(Case(["bank-card", "other-scheme"]).add("信用卡卡号").add(card, "PII004").add("已挂失。"))
    for _ in range(6):
        account = v.digits(rng.choice([15, 17, 19]))
        while luhn_ok(account):
            account = v.digits(len(account))
        cases.append(Case(["bank-card", "account-no-luhn"]).add("个人银行账户账号：").add(account, "PII004").add("。"))

    # --- PII005 email ---
    for _ in range(12):
        local = rng.choice([v.digits(9), "zhang" + v.digits(3), "li_hua" + v.digits(2)])
        domain = rng.choice(["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "foxmail.com"])
        cases.append(Case(["email", "personal"]).add(f"{v.name()}邮箱").add(f"{local}@{domain}", "PII005").add("，"))
    for _ in range(8):
        mail = (
            rng.choice(["xinfang", "zwgk", "bgs", "rsj"])
            + "@"
            + rng.choice(["hz.gov.cn", "mzj.cd.gov.cn", "zju.edu.cn"])
        )
        cases.append(Case(["email", "institutional"]).add("来信请寄").add(mail, "PII005").add("。"))
    for _ in range(4):
        mail = f"{v.digits(9)}@qq.com".translate(FULL_WIDTH)
        cases.append(Case(["email", "full-width"]).add("邮箱：").add(mail, "PII005"))

    # --- PII006 address ---
    for _ in range(16):
        road, house = rng.choice(ROADS), rng.randrange(1, 300)
        detail = rng.choice(
            [f"{house}号", f"{house}号{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元{rng.randrange(101, 2800)}室"]
        )
        address = rng.choice(TOWNS) + road + detail
        cue = rng.choice(["家住", "现住", "住址：", "户籍地：", "居住在"])
        cases.append(Case(["address", "home"]).add(f"{v.name()}，{cue}").add(address, "PII006").add("。"))
    for _ in range(10):
        address = rng.choice(PROVINCES) + rng.choice(TOWNS) + rng.choice(VILLAGES) + rng.choice(NUMERALS) + "组"
        cases.append(Case(["address", "village-group"]).add("户籍地").add(address, "PII006").add("，"))
    for _ in range(8):
        address = (
            rng.choice(VILLAGES) + "村委会" + rng.choice(["下村组", "上湾组", "东头组"]) + f"{rng.randrange(1, 90)}号"
        )
        cases.append(Case(["address", "village-house"]).add("家住").add(address, "PII006").add("。"))
    for _ in range(8):
        address = rng.choice(ESTATES) + f"{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元{rng.randrange(101, 1800)}室"
        cases.append(Case(["address", "estate"]).add(f"{v.name()}现住").add(address, "PII006").add("，"))
    for _ in range(8):
        address = rng.choice(PROVINCES[1:3]) + rng.choice(ROADS) + f"{rng.randrange(1, 300)}号"
        cases.append(Case(["address", "office"]).add("办公地址：").add(address, "PII006").add("政府大楼"))

    return cases


def foreign_ids(v: Values) -> list[Case]:
    """外国人永久居留身份证 (2023) numbers; their own generator so the other cases keep their values."""
    cases: list[Case] = []
    for _ in range(10):
        cue = v.rng.choice(["外国人永久居留身份证号码：", "永久居留身份证号：", "证件号码（永久居留）："])
        cases.append(
            Case(["resident-id", "foreign", "plain"]).add(f"外籍人员{v.name()}，{cue}").add(v.foreign_id(), "PII001")
        )
    for _ in range(3):
        n = v.foreign_id(check="X")
        x = v.rng.choice(["X", "x", "Ⅹ", "Ｘ"])
        cases.append(Case(["resident-id", "foreign", "check-x"]).add("外国人永久居留身份证").add(n[:17] + x, "PII001"))
    for _ in range(3):
        n = v.foreign_id().translate(FULL_WIDTH)
        cases.append(Case(["resident-id", "foreign", "full-width"]).add("永久居留证号码：").add(n, "PII001").add("。"))
    for _ in range(3):
        n = wrap(v.foreign_id(), v.rng)
        cases.append(
            Case(["resident-id", "foreign", "line-break"]).add("永久居留身份证号：").add(n, "PII001").add("\n")
        )
    for _ in range(4):
        row = Case(["resident-id", "foreign", "table"]).add(f"| {v.rng.randrange(1, 40)} | {v.name()} | 女 | ")
        cases.append(row.add(v.foreign_id(), "PII001").add(" | 已登记 |"))
    return cases


def foreign_id_negatives(v: Values) -> list[Case]:
    """9-numbers that are not 外国人永久居留身份证 numbers: broken check, serial numbers, all-digit credit codes."""
    cases: list[Case] = []
    for _ in range(6):
        n = v.foreign_id()
        broken = n[:17] + str((int(n[17]) + 1) % 10 if n[17].isdigit() else 0)
        cases.append(Case(["negative", "foreign-bad-check-digit"]).add(f"外国人永久居留身份证号码：{broken}"))
    for _ in range(6):
        cue = v.rng.choice(["订单号：", "流水号", "合同编号：", "快递单号 ", "发票号码："])
        cases.append(Case(["negative", "foreign-serial"]).add(f"{cue}{v.foreign_id()}，金额{v.digits(4)}元"))
    for _ in range(4):
        cases.append(Case(["negative", "foreign-uscc"]).add(f"| {v.name()}商行 | {digit_uscc(v.rng)} | 个体 |"))
    return cases


def hard_negatives(rng: random.Random) -> list[Case]:
    v = Values(rng)
    cases: list[Case] = []
    for _ in range(8):
        cases.append(
            Case(["negative", "document-number"]).add(
                f"根据《国办发〔{rng.randrange(2000, 2024)}〕{rng.randrange(1, 99)}号》精神"
            )
        )
    for _ in range(6):
        cases.append(
            Case(["negative", "index-number"]).add(
                f"索引号：{v.digits(9, '0')}/{rng.randrange(2015, 2024)}-{v.digits(5)}"
            )
        )
    for _ in range(10):
        cases.append(Case(["negative", "uscc"]).add(f"统一社会信用代码：{uscc(rng)}，法定代表人：{v.name()}"))
    for _ in range(8):
        cases.append(
            Case(["negative", "statistics"]).add(
                f"全年受理{v.digits(rng.randrange(4, 9))}件，办结率{rng.randrange(90, 100)}%。"
            )
        )
    for _ in range(8):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        cases.append(
            Case(["negative", "date"]).add(
                f"于{day.strftime('%Y%m%d')}起施行，即{day.year}年{day.month}月{day.day}日 14:30。"
            )
        )
    for hotline in ["12345", "12315", "12366", "95588", "12319"]:
        cases.append(Case(["negative", "hotline"]).add(f"请拨打{hotline}政务服务便民热线。"))
    for _ in range(6):
        cases.append(
            Case(["negative", "hotline-400"]).add(f"客服热线：400-{v.digits(3)}-{v.digits(4)}，800{v.digits(7)}")
        )
    for _ in range(10):
        cases.append(
            Case(["negative", "order-number"]).add(f"订单号：{v.card(rng.choice([16, 18, 19]))}，流水号{v.digits(20)}")
        )
    for _ in range(6):
        cases.append(
            Case(["negative", "isbn"]).add(
                f"ISBN 978-7-{v.digits(3)}-{v.digits(5)}-{rng.randrange(10)}，书号9787{v.digits(9)}"
            )
        )
    for _ in range(6):
        cases.append(
            Case(["negative", "amount"]).add(
                f"合计金额{v.digits(8)}.{rng.randrange(10, 99)}元，{v.digits(11, '1')}.50元"
            )
        )
    for _ in range(10):
        n, m = v.resident_id(), v.mobile()
        masked = rng.choice([n[:6] + "********" + n[14:], n[:2] + "*" * 13 + n[15:], m[:3] + "****" + m[7:]])
        cases.append(Case(["negative", "masked"]).add(f"{v.name()}，证件号码{masked}，已公示。"))
    for _ in range(8):
        run = v.digits(rng.randrange(2, 6)) + rng.choice([v.resident_id(), v.mobile(), v.card()]) + v.digits(3)
        cases.append(Case(["negative", "long-run"]).add(f"条码{run}"))
    for _ in range(8):
        n = v.resident_id()
        broken = n[:17] + str((int(n[17]) + 1) % 10 if n[17].isdigit() else 0)
        cases.append(Case(["negative", "bad-check-digit"]).add(f"身份证号：{broken}"))
    for bad_date in ["19900231", "20300101", "18991231", "19951301"]:
        first17 = "330106" + bad_date + "123"
        cases.append(
            Case(["negative", "impossible-birth"]).add(f"身份证号：{first17}{resident_id_check_char(first17)}")
        )
    for _ in range(6):
        cases.append(
            Case(["negative", "unallocated-prefix"]).add(
                f"号码{rng.choice(['140', '142', '154', '104'])}{v.digits(8, '0123456789')}"
            )
        )
    for _ in range(6):
        cases.append(Case(["negative", "iot-13"]).add(f"物联网卡号1440{v.digits(9, '0123456789')}"))
    for _ in range(6):
        account = v.digits(16, "123456789")
        while luhn_ok(account):
            account = v.digits(16)
        cases.append(Case(["negative", "luhn-fail-no-cue"]).add(f"项目编码{account}"))
    for _ in range(6):
        cases.append(Case(["negative", "address-town-only"]).add(f"住址：{rng.choice(PROVINCES)}{rng.choice(TOWNS)}"))
    for _ in range(4):
        cases.append(Case(["negative", "address-masked"]).add(f"家住{rng.choice(TOWNS)}**********"))
    for _ in range(6):
        cases.append(
            Case(["negative", "passport-no-cue"]).add(f"产品型号E{v.digits(8, '0123456789')}，批号G{v.digits(8)}")
        )
    for _ in range(4):
        cases.append(Case(["negative", "permit-no-cue"]).add(f"合同编号C{v.digits(8)}，共{v.digits(8)}元"))
    for _ in range(4):
        cases.append(Case(["negative", "masked-email"]).add(f"邮箱z***@163.com，{v.digits(3)}****{v.digits(4)}"))
    for _ in range(4):
        cases.append(Case(["negative", "org-account"]).add(f"收款单位：县财政局，对公账号{v.card(19)}"))
    return cases + foreign_id_negatives(Values(random.Random(SEED + 2)))


def positives_other(rng: random.Random) -> list[Case]:
    v = Values(rng)
    cases = []
    for _ in range(6):
        number = rng.choice([f"E{v.digits(8, '0123456789')}", f"E{rng.choice('ABCDEFGH')}{v.digits(7)}"])
        cases.append(Case(["passport"]).add(f"{v.name()}，护照号码：").add(number, "PII007").add("。"))
    for _ in range(6):
        number, cue = rng.choice(
            [
                (f"C{v.digits(8, '0123456789')}", "往来港澳通行证号码"),
                (f"H{v.digits(8)}", "回乡证号"),
                (v.digits(8), "台胞证号码"),
            ]
        )
        cases.append(Case(["travel-permit"]).add(f"{v.name()}，{cue}").add(number, "PII008").add("。"))
    return cases


# Hand-written hard cases, written before the detectors were tuned on them; ⟦CODE|value⟧ marks a label,
# {id} {mobile} {card} {card6} are filled with fresh synthetic values.
HAND_WRITTEN = [
    ("address", "申请人现住上海市黄浦区⟦PII006|南京东路123弄4号502室⟧，"),
    ("address", "经核实，该户居住在⟦PII006|城南街道二里半社区幸福路二十五号⟧。"),
    ("address", "户籍地：⟦PII006|河口村第三村民小组⟧；"),
    ("address", "张某某（男，1980年生，⟦PII006|石桥镇桃园村五组⟧人）"),
    ("address", "⟦PII006|锦绣花园3幢2单元1101室⟧业主反映"),
    ("address", "市民王某家住⟦PII006|中山北路88号院3号楼5单元602⟧室"),
    ("negative", "乘坐地铁3号线至沿江大道站下车，沿江大道3号线换乘。"),
    ("negative", "会议在市政府2号楼第一会议室召开。"),
    ("negative", "详见《关于印发人民路改造方案的通知》（城建发〔2021〕8号）。"),
    ("negative", "全市共有社区232个、村1346个、村民小组8960个。"),
    ("negative", "住址：城关镇幸福路"),
    ("negative", "原文链接：http://www.example.gov.cn/art/2021/4/22/art_{mobile}.html"),
    ("negative", "附件下载：/attach/{id}.pdf"),
    ("bank-card", "补贴资金已打入其一卡通账户⟦PII004|{card6}⟧。"),
    ("resident-id", "|序号|姓名|身份证号|\n|1|李某|⟦PII001|{id}⟧|"),
    ("mobile-phone", "联系人：刘某（⟦PII002|{mobile}⟧）"),
    ("mobile-phone", "手机号码:⟦PII002|{mobile}⟧;邮箱:⟦PII005|liu{mobile}@139.com⟧"),
    ("resident-id", "身份证:⟦PII001|{id}⟧,电话:⟦PII002|{mobile}⟧。"),
    # Second batch, written after the detectors passed the first; its first-run result is in docs/accuracy.md.
    ("mobile-phone", "联系人：李女士 电话：⟦PII002|138 0013 8000⟧"),
    ("mobile-phone", "Tel:+86-⟦PII002|139-1234-5678⟧"),
    ("negative", "QQ：139123456781，群号13912345678901"),
    ("resident-id", "（身份证号:⟦PII001|{id}⟧）"),
    ("resident-id", "证件号码：⟦PII001|{id}⟧号"),
    ("address", "住址：⟦PII006|广东省深圳市南山区粤海街道科技园社区科苑路15号⟧"),
    ("address", "地址：⟦PII006|县政府大楼3楼302室⟧"),
    ("negative", "根据全国人大常委会第3号公告，人民路小学第5组学生参加。"),
    ("negative", "户籍：浙江省杭州市淳安县千岛湖镇青溪村"),
    ("bank-card", "卡号：⟦PII004|{card4}⟧"),
    ("landline", "电话：⟦PII003|0571—88881234⟧"),
    ("landline", "电话：⟦PII003|(0571) 8888-1234⟧"),
    ("email", "邮箱：⟦PII005|li.ming@zj.gov.cn⟧。"),
    ("negative", "发票号码：62170000123456789012，金额1391234.56元"),
    ("negative", "沪A12345号车辆，车架号LSVAU2180N2183294"),
]


def hand_written(rng: random.Random) -> list[Case]:
    v = Values(rng)
    cases = []
    for tag, template in HAND_WRITTEN:
        card = v.card(19)
        card4 = " ".join(card[i : i + 4] for i in range(0, 19, 4))
        filled = template.format(id=v.resident_id(), mobile=v.mobile(), card6=f"{card[:6]} {card[6:]}", card4=card4)
        case = Case(["hand-written", tag])
        for index, piece in enumerate(filled.replace("⟧", "⟦").split("⟦")):
            if index % 2:
                code, _, value = piece.partition("|")
                case.add(value, code)
            elif piece:
                case.add(piece)
        cases.append(case)
    return cases


def main() -> None:
    rng = random.Random(SEED)
    cases = build(rng) + positives_other(rng) + hard_negatives(rng) + hand_written(rng)
    for index, case in enumerate(cases, 1):
        sys.stdout.write(json.dumps(case.render(index), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Deterministic, notice-like benchmark corpus (synthetic; nothing real in it).

Paragraphs are built from templates of official prose, the lexicons' own
*correct* forms (so the lexicon automaton sees realistic near-hits), tables,
dates, document numbers, statistics and synthetic personal data at about one
value per 5 KB, with valid checksums where the kind has one.

    python bench/corpus.py --size-mb 1 -o /tmp/govscan-bench/1mb.txt
    python bench/corpus.py --archive 20000 -o /tmp/govscan-bench/archive
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from govscan.lexicon import load_lexicons

SEED = 20261121

OPENINGS = [
    "为深入贯彻落实党中央、国务院决策部署，进一步提升政务服务水平，",
    "根据《中华人民共和国政府信息公开条例》规定，结合本地实际，",
    "为做好{year}年度政府网站与政务新媒体检查工作，",
    "按照区委、区政府工作安排，经研究决定，",
    "为加强基层治理体系和治理能力建设，",
]
BODIES = [
    "各乡镇人民政府、街道办事处，区政府各部门要高度重视，认真组织开展自查自纠，确保各项任务按时完成。",
    "截至{year}年{month}月底，全区共受理群众诉求{n}件，办结{m}件，办结率{rate}%。",
    "会议要求，各单位要{correct}，压实工作责任，切实把各项措施落到实处。",
    "本次检查共抽查网站{n}个，其中合格{m}个，发现问题{k}条，已全部整改到位。",
    "请各单位于{month}月{day}日前将自查报告报送区政务服务中心，逾期未报的予以通报。",
    "依据{docno}文件精神，对符合条件的申请人依法予以公开，接受社会监督。",
    "项目总投资{n}万元，其中财政资金{m}万元，计划于{year}年{month}月{day}日竣工验收。",
    "全年共组织培训{k}场次，参训人员{n}人次，群众满意度达到{rate}%。",
    "各部门要坚持问题导向，{correct}，推动工作取得实效。",
    "索引号：{index}，发布机构：区人民政府办公室，成文日期：{year}年{month}月{day}日。",
]
TABLE_HEADER = "序号\t单位\t检查项目\t得分\t备注"
UNITS = ["区发展和改革局", "区财政局", "区自然资源局", "区生态环境局", "区市场监督管理局", "区卫生健康局"]
CONTACTS = [
    "联系人：{name}，联系电话：{phone}。",
    "咨询电话：{phone}（工作日9:00-17:00）。",
    "申请人{name}，身份证号{rid}。",
]
SURNAMES = "王李张刘陈杨赵黄周吴"
MOBILE_PREFIXES = ["133", "135", "139", "150", "158", "177", "186", "189", "199"]
REGIONS = ["110101", "310104", "440305", "320102", "510104", "330106"]
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def synthetic_resident_id(rng: random.Random) -> str:
    body = (
        rng.choice(REGIONS)
        + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + f"{rng.randint(0, 999):03d}"
    )
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def _corrections() -> list[str]:
    """Correct forms from the packaged lexicons (the suggestions), for realistic prose."""
    forms = [e.suggestion for lx in load_lexicons() for e in lx.entries if e.suggestion and len(e.suggestion) <= 8]
    return sorted(set(forms)) or ["再接再厉"]


class Generator:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.correct = _corrections()
        self.since_pii = 0

    def paragraph(self) -> str:
        rng = self.rng
        total = rng.randint(100, 99999)
        done = rng.randint(total * 8 // 10, total)  # counts and their rate agree, as in real notices
        values = {
            "year": rng.randint(2019, 2025),
            "month": rng.randint(1, 12),
            "day": rng.randint(1, 28),
            "n": total,
            "m": done,
            "k": rng.randint(1, 99),
            "rate": f"{done / total * 100:.1f}",
            "correct": rng.choice(self.correct),
            "docno": f"区政办发〔{rng.randint(2019, 2025)}〕{rng.randint(1, 120)}号",
            "index": f"{rng.randint(10**8, 10**9 - 1):09d}/{rng.randint(2019, 2025)}-{rng.randint(10000, 99999)}",
        }
        parts = [rng.choice(OPENINGS)] + [rng.choice(BODIES) for _ in range(rng.randint(2, 5))]
        text = "".join(parts).format(**values)
        if rng.random() < 0.15:
            rows = [TABLE_HEADER] + [
                f"{i}\t{rng.choice(UNITS)}\t网站内容保障\t{rng.randint(60, 100)}\t—"
                for i in range(1, rng.randint(3, 8))
            ]
            text += "\n" + "\n".join(rows)
        self.since_pii += len(text.encode())
        if self.since_pii >= 5000:
            self.since_pii = 0
            text += rng.choice(CONTACTS).format(
                name=rng.choice(SURNAMES) + "某",
                phone=rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99999999):08d}",
                rid=synthetic_resident_id(rng),
            )
        return text

    def text(self, size_bytes: int) -> str:
        parts: list[str] = []
        total = 0
        while total < size_bytes:
            paragraph = self.paragraph()
            parts.append(paragraph)
            total += len(paragraph.encode()) + 1
        return "\n".join(parts)

    def html_page(self, number: int) -> str:
        title = f"关于做好第{number}批政务公开工作的通知"
        body = "".join(f"<p>{p}</p>\n" for p in (self.paragraph() for _ in range(self.rng.randint(2, 6))))
        date = f"{self.rng.randint(2019, 2025)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        return (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="PubDate" content="{date}"></head>\n<body><h1>{title}</h1>\n{body}</body></html>\n'
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--size-mb", type=float, help="one text file of this many MB (10^6 bytes)")
    parser.add_argument("--archive", type=int, help="a folder of this many HTML pages")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    generator = Generator(args.seed)
    if args.archive:
        args.output.mkdir(parents=True, exist_ok=True)
        for number in range(args.archive):
            folder = args.output / f"{number // 1000:03d}"
            folder.mkdir(exist_ok=True)
            (folder / f"{number:06d}.html").write_text(generator.html_page(number), encoding="utf-8")
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(generator.text(int((args.size_mb or 1) * 1e6)), encoding="utf-8")


if __name__ == "__main__":
    main()

"""PII005 email — an e-mail address; personal mailboxes are a privacy leak.

What it finds:
    ASCII e-mail addresses, also when glued to Chinese text (``邮箱zhang@example.cn联系``)
    or written in full-width characters.

Why it matters:
    A personal mailbox (a numeric QQ address, a common webmail domain) identifies
    a person and is reported as ``warning``. An institution's address
    (``gov.cn``, ``edu.cn``, an organisation's own domain) is published on
    purpose and only noted.

Validation:
    The domain must have at least two labels and an alphabetic top-level domain;
    a trailing full stop is left out. Masked addresses (``z***@163.com``) do not match.

Examples:
    邮箱：12345678@qq.com → warning; 来信请寄 xinfang@hz.gov.cn → note.
"""

from __future__ import annotations

import regex

from govscan.detectors import Candidate, Verdict
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII005",
    name="email",
    severity=Severity.WARNING,
    summary="个人电子邮箱属于个人信息，公开前应去标识化；机构邮箱可以公开",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

PATTERN = regex.compile(
    r"(?<![A-Za-z0-9._%+*-])"
    r"(?P<value>(?P<local>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}))"
    r"(?![A-Za-z0-9-])"
)

WEBMAIL_DOMAINS = frozenset(
    {"qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "yeah.net", "sina.com", "sina.cn"}
    | {"vip.sina.com", "sohu.com", "139.com", "189.cn", "wo.cn", "21cn.com", "aliyun.com", "tom.com", "gmail.com"}
    | {"hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com", "me.com", "msn.com"}
)
INSTITUTION_SUFFIXES = (".gov.cn", ".edu.cn", ".org.cn", ".ac.cn", ".gov", ".edu", ".org")


def validate(candidate: Candidate) -> Verdict | None:
    local = candidate.group("local") or ""
    domain = (candidate.group("domain") or "").lower()
    if local.endswith(".") or ".." in local:
        return None
    if domain in WEBMAIL_DOMAINS:
        kind = "QQ 号码邮箱" if local.isdigit() and domain in ("qq.com", "vip.qq.com", "foxmail.com") else "公共邮箱"
        return Verdict(explanation=f"{kind}（{domain}），通常属于个人", severity=Severity.WARNING)
    if domain.endswith(INSTITUTION_SUFFIXES) or ("." + domain).endswith(INSTITUTION_SUFFIXES):
        return Verdict(explanation=f"机构域名 {domain}，通常是公开的工作邮箱", severity=Severity.NOTE)
    return Verdict(
        explanation=f"域名 {domain} 不是常见公共邮箱，多为单位邮箱",
        severity=Severity.NOTE,
        confidence=Confidence.MEDIUM,
    )


def mask(value: str) -> str:
    """``z*******@163.com``: the first character of the mailbox and the domain kept."""
    at = value.rfind("@")
    if at < 0:
        at = value.rfind("＠")
    return value[:1] + "*" * (at - 1) + value[at:] if at > 1 else "*" * max(at, 0) + value[max(at, 0) :]

"""HTM001 hidden-link — an anchor to another site that no reader of the page can see (暗链).

What it finds:
    ``<a href="http://other.example/">`` inside an element hidden by
    ``display:none``, ``visibility:hidden``, the ``hidden`` attribute, zero
    size (``font-size:0``, ``height:0``), ``opacity:0`` or an off-screen
    position (``left:-9999px``, ``text-indent:-9999px``) — inline or through a
    ``.class``/``#id`` rule of the page's own ``<style>``. Relative links and
    links to the page's own host (``og:url``) are not reported.

Why it matters:
    Hidden links to gambling, invoice-selling or SEO sites are how a hijacked
    government site is monetised; self-inspection checklists name 暗链
    alongside expired-domain hijacking. An editor cannot see them in the page.

Where:
    The finding points at the place in the extracted text where the hidden
    anchor sits (an empty span); the message names the hiding style and host.
    Only HTML inputs carry markup, so other sources never fire.

Examples:
    ``<div style="display:none"><a href="http://casino.example/">博彩</a></div>`` → fires;
    ``<a href="#main" class="sr-only">跳到正文</a>`` → does not fire (not off-site).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from govscan.checks import CheckContext
from govscan.hit import Hit
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="HTM001",
    name="hidden-link",
    severity=Severity.ERROR,
    summary="页面含有读者看不见、指向外部网站的链接（暗链），常见于网站被入侵",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)


def check(context: CheckContext) -> Iterator[Hit]:
    for link in context.hidden_links:
        host = urlsplit(link.href).hostname or link.href
        shown = f"「{link.text[:20]}」" if link.text else ""
        yield Hit(
            rule=RULE,
            start=link.offset,
            end=link.offset,
            message=f"隐藏链接{shown}指向外部网站 {host}（{link.reason}）",
            explanation=f"<a href={link.href!r}> is hidden by {link.reason}",
            severity=RULE.severity,
            confidence=Confidence.HIGH,
        )

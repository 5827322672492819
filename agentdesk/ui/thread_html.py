"""The thread as HTML for a QTextBrowser. Customer content is untrusted: every character is
escaped, nothing of a customer's HTML or Markdown is interpreted, no image or remote resource is
referenced, and links are shown in full (they open only on click, in the system browser)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from agentdesk.core.entities import Conversation, Delivery, Direction, Message

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.IGNORECASE)
ACTION_SCHEME = "agentdesk"


def linkify(text: str) -> str:
    """Escaped text with http(s) links as anchors whose visible text is the whole URL."""
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(text):
        out.append(escape(text[pos : match.start()]))
        url = match.group(0)
        href = url if url.lower().startswith("http") else f"https://{url}"
        out.append(f'<a href="{escape(href, quote=True)}">{escape(url)}</a>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def thread_html(
    conversation: Conversation,
    now: datetime,
    time_text: Callable[[datetime, datetime], str],
) -> str:
    parts = ["<html><body style='margin:0'>"]
    for message in conversation.messages:
        parts.append(_bubble(message, conversation.customer.name, now, time_text))
    parts.append("</body></html>")
    return "".join(parts)


def _bubble(m: Message, customer: str, now: datetime, time_text: Callable[[datetime, datetime], str]) -> str:
    when = escape(time_text(m.created_at, now))
    body = linkify(m.text)
    if m.direction is Direction.NOTE:
        note = escape(QCoreApplication.translate("Thread", "Internal note"))
        head = f"<b>{note}</b> · {escape(m.author)} · {when}"
        return _table("left", "100%", "#FFF4CC", "#8A6D00", head, body, _delivery(m))
    if m.direction is Direction.INBOUND:
        head = f"<b>{escape(m.author or customer)}</b> · {when}"
        return _table("left", "78%", "#F1F3F5", "#555555", head, body, "")
    author = m.author or QCoreApplication.translate("Thread", "We")
    head = f"<b>{escape(author)}</b> · {when}"
    return _table("right", "78%", "#E3EEFF", "#335C99", head, body, _delivery(m))


def _delivery(m: Message) -> str:
    if m.delivery is Delivery.PENDING:
        sending = escape(QCoreApplication.translate("Thread", "sending …"))
        return f"<div style='color:#666666'>◷ {sending}</div>"
    if m.delivery is Delivery.FAILED:
        links = " · ".join(
            f"<a href='{ACTION_SCHEME}:{action}/{m.id}'>{escape(label)}</a>"
            for action, label in (
                ("retry", QCoreApplication.translate("Thread", "Send again")),
                ("edit", QCoreApplication.translate("Thread", "Edit")),
                ("discard", QCoreApplication.translate("Thread", "Discard")),
            )
        )
        reason = escape(m.error or QCoreApplication.translate("Thread", "not sent"))
        label = escape(QCoreApplication.translate("Thread", "Not sent:"))
        return f"<div style='color:#B00020'>⛔ {label} {reason}<br>{links}</div>"
    return ""


def _table(align: str, width: str, bg: str, head_colour: str, head: str, body: str, footer: str) -> str:
    return (
        f"<table width='100%' cellspacing='0' cellpadding='0' style='margin:4px 0'><tr><td align='{align}'>"
        f"<table width='{width}' cellspacing='0' cellpadding='8' bgcolor='{bg}' style='border-radius:8px'>"
        f"<tr><td><div style='color:{head_colour};font-size:small'>{head}</div>"
        f"<div>{body}</div>{footer}</td></tr></table></td></tr></table>"
    )

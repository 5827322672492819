"""A template filled in and shaped for one channel: exactly the text that will be sent.

Values are put in *after* the Markdown is rendered, so a customer's name such as
``*Kim*`` or ``<b>`` is sent as written and can never inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

import markdown

from agentdesk.core.channels import Channel
from agentdesk.templates.model import TIGHT_CHANNELS, Template
from agentdesk.templates.placeholders import protect
from agentdesk.templates.plain_text import html_to_text
from agentdesk.templates.sanitize import sanitize_html

#: Channels whose messages carry HTML; all others get plain text.
RICH_TEXT_CHANNELS: frozenset[Channel] = frozenset({Channel.EMAIL})

# nl2br: a line break the author typed is a line break the customer sees.
_EXTENSIONS = ("nl2br", "sane_lists")
# A list item right under a line of text: Markdown wants a blank line first, authors rarely type it.
_LIST_AFTER_TEXT = re.compile(r"^((?![ \t]*(?:[-*+]|\d+\.)[ \t]).*\S.*)\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])", re.M)


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str  # plain text; what a social channel sends, the text part of an e-mail
    html: str | None  # sanitized HTML for rich-text channels, else None
    unfilled: tuple[str, ...]  # variables without a value; they stay as {{ name }} in the text
    short: bool  # True when the short section was used


def render(
    template: Template,
    channel: Channel,
    variables: Mapping[str, str],
    *,
    short: bool | None = None,
    rich: bool | None = None,
) -> Rendered:
    """Fill a template for a channel.

    ``short`` and ``rich`` default to what the channel needs: the short section on tight
    channels (when the template has one), HTML on rich-text channels.
    """
    use_short = bool(template.short) and (channel in TIGHT_CHANNELS if short is None else short)
    use_rich = channel in RICH_TEXT_CHANNELS if rich is None else rich
    values = template.defaults() | dict(variables)
    protected = protect(template.short if use_short else template.body)
    markup = markdown.markdown(_LIST_AFTER_TEXT.sub(r"\1\n\n", protected.text), extensions=list(_EXTENSIONS))
    text, unfilled = protected.fill(html_to_text(markup), values, escape=str)
    rich_html = None
    if use_rich:
        filled, _ = protected.fill(markup, values, escape=html.escape)
        rich_html = sanitize_html(filled)
    return Rendered(text=text, html=rich_html, unfilled=unfilled, short=use_short)

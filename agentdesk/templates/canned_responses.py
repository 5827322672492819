"""Chatwoot canned responses as read-only templates, so the team's shared answers sit beside ours.

Chatwoot writes variables as ``{{contact.name}}``; the ones we know are renamed to ours
(``{{ customer.name }}``), any other becomes a variable the agent types (``contact_email``,
or ``order_id`` for ``{{contact.custom_attribute.order_id}}``). Names as in chatwoot/utils
``canned.ts``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from agentdesk.core.channels import Channel
from agentdesk.templates.model import LoadError, Origin, Template, Tone, Variable
from agentdesk.templates.placeholders import marker, syntax_errors

#: Chatwoot's variable names and ours.
_KNOWN = {
    "contact.name": "customer.name",
    "contact.first_name": "customer.first_name",
    "agent.name": "agent.name",
    "agent.first_name": "agent.first_name",
    "conversation.id": "conversation.id",
}
_CHATWOOT_VARIABLE = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)\s*\}\}")


def _slug(short_code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", short_code.lower()).strip("-") or "response"


def _our_variables(content: str) -> tuple[str, tuple[Variable, ...]]:
    """The content with Chatwoot's variables renamed, and the ones the agent has to type."""
    extra: dict[str, Variable] = {}

    def rename(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _KNOWN:
            return marker(_KNOWN[name])
        # contact.custom_attribute.order_id -> order_id; contact.email -> contact_email
        ours = name.rsplit(".", 1)[1] if ".custom_attribute." in name else name.replace(".", "_")
        extra.setdefault(ours, Variable(ours, f"Chatwoot: {{{{{name}}}}}"))
        return marker(ours)

    return _CHATWOOT_VARIABLE.sub(rename, content).strip(), tuple(extra.values())


def canned_response_templates(
    responses: Iterable[tuple[str, str]], *, language: str
) -> tuple[tuple[Template, ...], tuple[LoadError, ...]]:
    """Templates for (short_code, content) pairs, and the responses that had to be skipped.

    ``language`` is the account's; Chatwoot does not say which language a response is in.
    """
    templates: dict[str, Template] = {}
    errors: list[LoadError] = []
    for short_code, content in responses:
        where = PurePosixPath("chatwoot", short_code)
        body, variables = _our_variables(content)
        template_id = f"chatwoot-{_slug(short_code)}"
        problems = syntax_errors(body)
        if problems:
            line, message = problems[0]
            errors.append(LoadError(where, line, message))
        elif not body:
            errors.append(LoadError(where, 1, "the canned response is empty"))
        elif template_id in templates:
            errors.append(LoadError(where, 1, f"short code {short_code!r} gives the same id as another response"))
        else:
            templates[template_id] = Template(
                id=template_id,
                title=short_code,
                intent=template_id,
                language=language,
                tone=Tone.CONCISE,
                address="",  # unknown: shown for Sie and du customers alike
                channels=tuple(Channel),
                tags=("chatwoot", short_code),
                variables=variables,
                body=body,
                origin=Origin.CHATWOOT,
            )
    return tuple(templates.values()), tuple(errors)

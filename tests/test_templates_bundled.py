"""The bundled library as shipped: complete, fitting every channel it names, Sie and du kept apart."""

from __future__ import annotations

import re

import pytest

from agentdesk.core.channels import PRIVATE_ONLY, Audience
from agentdesk.core.length import measure
from agentdesk.templates import BUILTIN_VARIABLES, Template, TemplateLibrary, Tone, bundled_dir, render

LIBRARY = TemplateLibrary.load(bundled_dir(), None)

INTENTS = (
    "shipping-delay", "refund-request", "outage", "complaint", "praise-thanks", "move-to-private",
    "escalation-holding", "out-of-hours", "data-request", "cancellation", "warranty-claim",
    "spam-troll-reply",
)  # fmt: skip

#: Realistic, long-ish values, so a template that fits with them fits in real life.
EXAMPLES = {
    "customer.name": "Kim-Alexandra Berger",
    "customer.first_name": "Kim-Alexandra",
    "customer.handle": "@kim_hamburg",
    "agent.name": "Lena Vogt",
    "agent.first_name": "Lena",
    "company.name": "Nordstrom Energie",
    "conversation.id": "2026-118842",
    "conversation.subject": "Paket seit fünf Tagen unterwegs",
    "order_id": "A-2026-4471193",
    "region": "Hamburg-Altona und Ottensen",
}


def test_the_library_loads_cleanly_with_at_least_40_templates() -> None:
    assert LIBRARY.errors == ()
    assert len(LIBRARY.templates) >= 40


@pytest.mark.parametrize("intent", INTENTS)
def test_every_intent_exists_in_german_sie_german_du_and_english(intent: str) -> None:
    family = LIBRARY.family(intent)
    assert {(t.language, t.address) for t in family} >= {("de", "sie"), ("de", "du"), ("en", "")}


def test_some_families_offer_empathetic_or_apologetic_tones() -> None:
    assert {t.intent for t in LIBRARY.templates if t.tone in (Tone.EMPATHETIC, Tone.APOLOGETIC)} >= {
        "complaint",
        "outage",
    }


def _cases() -> list[tuple[Template, object]]:
    return [(t, c) for t in LIBRARY.templates for c in t.channels]


@pytest.mark.parametrize(("template", "channel"), _cases(), ids=lambda v: getattr(v, "id", None) or str(v))
def test_every_template_renders_for_each_of_its_channels_and_fits(template: Template, channel) -> None:  # type: ignore[no-untyped-def]
    rendered = render(template, channel, EXAMPLES)
    assert rendered.unfilled == ()
    assert "**" not in rendered.text and not re.search(r"(?m)^#", rendered.text)
    audience = Audience.PRIVATE if channel in PRIVATE_ONLY else Audience.PUBLIC
    counted = measure(rendered.text, channel, audience)
    assert counted.valid, f"{template.id} on {channel}: {counted.length} > {counted.limit}"


def test_every_variable_a_template_uses_is_built_in_or_has_an_example() -> None:
    for template in LIBRARY.templates:
        assert {v.name for v in template.variables if v.default is None} <= set(EXAMPLES), template.id
    assert set(BUILTIN_VARIABLES) <= set(EXAMPLES)


@pytest.mark.parametrize("intent", INTENTS)
def test_switching_tone_or_language_keeps_the_typed_values(intent: str) -> None:
    family = LIBRARY.family(intent)
    declared = {t.id: {v.name for v in t.variables} for t in family}
    assert len(set(map(frozenset, declared.values()))) == 1, declared
    for template in family:
        for tone in Tone:
            other = LIBRARY.switch_tone(template, tone)
            if other is not None:
                assert other.intent == intent
                assert render(other, other.channels[0], EXAMPLES).unfilled == ()


# Stand-in for the editor's form-of-address check (agentdesk.core.checks); switch to run_checks when it lands.
_DU_WORDS = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer\w*)\b", re.IGNORECASE)
_SIE_WORDS = re.compile(r"(?<![.!?:]\s)(?<!^)\b(Sie|Ihnen|Ihr\w*)\b", re.MULTILINE)


def _wrong_address(text: str, address: str) -> list[str]:
    pattern = _DU_WORDS if address == "sie" else _SIE_WORDS
    return pattern.findall(text)


@pytest.mark.parametrize("template", [t for t in LIBRARY.templates if t.address], ids=lambda t: t.id)
def test_german_sie_templates_never_say_du_and_the_other_way_round(template: Template) -> None:
    for section in (template.body, template.short):
        assert _wrong_address(section, template.address) == [], template.id

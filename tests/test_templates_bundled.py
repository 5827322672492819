"""The bundled library as shipped: complete, fitting every channel it names, Sie and du kept apart."""

from __future__ import annotations

import re

import pytest

from agentdesk.core.channels import PRIVATE_ONLY, Audience, Channel
from agentdesk.core.checks import parse_guidelines, run_checks
from agentdesk.core.length import measure
from agentdesk.resources import read_text
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


def _audience(template: Template, channel: Channel) -> Audience:
    return template.audience or (Audience.PRIVATE if channel in PRIVATE_ONLY else Audience.PUBLIC)


def _cases() -> list[tuple[Template, object]]:
    return [(t, c) for t in LIBRARY.templates for c in t.channels]


@pytest.mark.parametrize(("template", "channel"), _cases(), ids=lambda v: getattr(v, "id", None) or str(v))
def test_every_template_renders_for_each_of_its_channels_and_fits(template: Template, channel) -> None:  # type: ignore[no-untyped-def]
    rendered = render(template, channel, EXAMPLES)
    assert rendered.unfilled == ()
    assert "**" not in rendered.text and not re.search(r"(?m)^#", rendered.text)
    counted = measure(rendered.text, channel, _audience(template, channel))
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


GUIDELINES = parse_guidelines(read_text("guidelines.toml"))


@pytest.mark.parametrize("template", [t for t in LIBRARY.templates if t.address], ids=lambda t: t.id)
def test_german_sie_templates_never_say_du_and_the_other_way_round(template: Template) -> None:
    """The editor's own form-of-address check finds nothing in any section of a German template."""
    for section in (template.body, template.short):
        findings = run_checks(
            section,
            channel=template.channels[0],
            audience=Audience.PUBLIC,
            guidelines=GUIDELINES,
            form_of_address=template.address,
            language="de",
        )
        assert [f.message for f in findings if f.code == "form-of-address"] == [], template.id


@pytest.mark.parametrize(
    ("text", "address"), [("Schick uns deine Nummer.", "sie"), ("Schicken Sie uns Ihre Nummer.", "du")]
)
def test_the_form_of_address_check_would_catch_a_slip(text: str, address: str) -> None:
    findings = run_checks(
        text,
        channel=Channel.X,
        audience=Audience.PUBLIC,
        guidelines=GUIDELINES,
        form_of_address=address,
        language="de",
    )
    assert any(f.code == "form-of-address" for f in findings)


@pytest.mark.parametrize(
    "template", [t for t in LIBRARY.templates if t.audience is not Audience.PRIVATE], ids=lambda t: t.id
)
def test_templates_for_public_replies_promise_nothing_and_ask_for_no_personal_data(
    template: Template,
) -> None:
    """The editor's promise and personal-data checks stay silent on every public-capable template."""
    for channel in (c for c in template.channels if c not in PRIVATE_ONLY):
        text = render(template, channel, EXAMPLES).text
        findings = run_checks(
            text,
            channel=channel,
            audience=Audience.PUBLIC,
            guidelines=GUIDELINES,
            known_names=frozenset({EXAMPLES["customer.name"], EXAMPLES["agent.first_name"]}),
            language="de" if template.language == "de" else "en",
        )
        assert [(f.code, text[f.start : f.end]) for f in findings if f.code in ("promise", "personal-data")] == []

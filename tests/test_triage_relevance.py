"""Relevance and tone: who must be seen first, and the row says why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentdesk.core.triage.records import TriageInput
from agentdesk.core.triage.sentiment import sentiment
from agentdesk.core.triage.text import analyse
from agentdesk.core.triage.triage import Triage, TriageSettings

T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def rank(text: str, followers: int = 80, author: str = "kim", vips: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    return Triage(TriageSettings(vip_authors=vips)).process(TriageInput("m", text, "x", author, followers, T0))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Wenn das so weitergeht, kündige ich zum Monatsende.", "cancel-intent"),
        ("I'm cancelling my contract, three outages this month.", "cancel-intent"),
        ("Die Unterlagen gehen morgen an meinen Anwalt.", "legal-threat"),
        ("Next step is small claims court.", "legal-threat"),
        ("Ich habe mich an die Verbraucherzentrale gewandt.", "consumer-protection"),
        ("Ich recherchiere für die Zeitung zu den Ausfällen, wer ist Ihre Pressestelle?", "press"),
        ("Reporter here, writing a story on the outages.", "press"),
    ],
)
def test_escalation_intents_rank_high_and_are_named(text: str, code: str) -> None:
    result = rank(text)
    assert result.relevance >= 0.5
    assert code in {r.code for r in result.reasons}


def test_intent_outranks_a_question_which_outranks_a_passing_mention() -> None:
    threat = rank("Doppelt abgebucht und keine Antwort. Mein Anwalt meldet sich.")
    question = rank("Kann ich meinen Router in einen anderen Raum stellen?")
    mention = rank("Nordwelle-Werbung auf jedem zweiten Plakat heute")
    assert threat.relevance > question.relevance > mention.relevance
    assert [r.code for r in mention.reasons] == ["mention"]
    assert "question" in {r.code for r in question.reasons}


def test_reach_and_vip_raise_relevance_and_show_as_badges() -> None:
    text = "Internet in Eimsbüttel ist schon wieder weg."
    plain = rank(text, followers=40)
    famous = rank(text, followers=48_000)
    vip = rank(text, author="Hanna_HH", vips=frozenset({"hanna_hh"}))
    assert famous.relevance > plain.relevance and vip.relevance > plain.relevance
    assert any(r.code == "reach" and r.text == "48k followers" for r in famous.reasons)
    assert "vip" in {r.code for r in vip.reasons}


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Internet geht nicht, seit gestern! Frechheit 😡", -1),
        ("Worst provider ever. Charged twice and no response.", -1),
        ("Das ist eine Zumutung, echt unverschämt", -1),
        ("Modem seit dem Update TOT!!! Ich brauch das für die Arbeit", -1),
        ("my router just died after the update 💀", -1),
        ("Danke, super schneller Service!", 1),
        ("Thanks, the technician was great and friendly", 1),
        ("Nicht schlecht, hat geklappt", 1),
    ],
)
def test_sentiment_reads_german_and_english_tone(text: str, sign: int) -> None:
    assert sentiment(analyse(text)) * sign > 0.2


def test_negation_turns_praise_down() -> None:
    assert sentiment(analyse("Der Service ist gut")) > sentiment(analyse("Der Service ist nicht gut"))
    assert sentiment(analyse("not helpful at all")) < 0

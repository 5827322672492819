"""Spam: the rules work before any lesson, and the agent's corrections change the next decision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agentdesk.core.triage.bayes import SpamBayes
from agentdesk.core.triage.records import TriageInput
from agentdesk.core.triage.text import analyse
from agentdesk.core.triage.triage import Triage

T0 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def msg(text: str, n: int = 0, author: str = "", followers: int = 120) -> TriageInput:
    return TriageInput(f"m{n}", text, "x", author or f"customer{n}", followers, T0 + timedelta(minutes=n))


def codes(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in result.reasons}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("🚀 BITCOIN GIVEAWAY 🚀 Send 0.1 BTC and receive 0.2 BTC back! Only today! https://btc.xyz/c", "crypto"),
        ("Verdoppel deine Kryptos! 3000 € in einer Woche mit meinem Trading-Bot, schreib mir privat", "crypto"),
        ("Buy 10k real followers for only $19! Instant delivery https://fastfollow.top", "follower-selling"),
        ("Follower kaufen? 1000 echte Follower ab 4,99 €: https://insta-boost.click/de", "follower-selling"),
        ("Zollgebühr bezahlen, sonst geht dein Paket zurück: https://zoll-paket.icu/de", "phishing"),
        # follower selling without a link: the demo's post, and a count offered with a verb or price
        (
            "Echte deutsche Follower 🔥🔥 1000 Follower nur 4,99€ ✅ 100% sicher ✅ Lieferung sofort ✅ Schreib uns DM",
            "follower-selling",
        ),
        ("Get 10k followers in 24 hours, DM us", "follower-selling"),
        ("Follower kaufen leicht gemacht, schreib uns", "follower-selling"),
        # links without a scheme still count; three of them with self-promotion is a link farm
        (
            "Nice post! Check out my review of the 5 best modems: modem-picks.example/best also router-tips.net",
            "link-farm",
        ),
        ("Great post!! Check out my blog cheap-fibre-deals.com and my channel tech-tips.example", "self-promotion"),
        (
            "Glückwunsch, du wurdest als Gewinner ausgewählt! Löse jetzt deinen Gutschein ein: preis-de.example/x",
            "easy-money",
        ),
        ("Congratulations, you have been selected! Redeem now your $500 gift card: prize-claim.example", "easy-money"),
    ],
)
def test_rules_send_spam_to_the_spam_queue_and_say_why(text: str, code: str) -> None:
    result = Triage().process(msg(text, followers=2))
    assert result.spam and result.spam_score >= 0.5
    assert code in codes(result)
    assert result.topic_id is None  # spam never lands in a topic group


@pytest.mark.parametrize(
    "text",
    [
        "@nordwelle Mein Paket ist seit 6 Tagen bei DHL in Hamburg verschollen. Wann kommt es?",
        "You charged me twice this month, please refund. Screenshot: https://imgur.com/a/x8Kd2",
        "Achtung: Fake-Accounts versprechen in eurem Namen Bitcoin-Gewinne. Bitte warnt eure Kunden!",
        "Habe beim Gewinnspiel eine Fritzbox gewonnen! Danke, ist heute angekommen 🎉",
        "Die Statusseite status.nordwelle.de sagt alles ok, aber bei mir geht nix. Check out meine Screenshots.",
        # a customer's own reach is not an offer
        "I have 1200 followers and @nordwelle still ignores me",
        "Mein Post hat 300 Likes und trotzdem keine Antwort, nur Ausreden von @nordwelle",
    ],
)
def test_ordinary_customer_posts_are_not_spam(text: str) -> None:
    result = Triage().process(msg(text, followers=1))
    assert not result.spam and result.spam_score < 0.5


def test_the_same_text_from_several_new_accounts_is_spam() -> None:
    triage = Triage()
    text = "Great deals on phone cases today, see my profile for details and discount codes"
    results = [triage.process(msg(text, n, author=f"acc{n}", followers=50)) for n in range(3)]
    assert not results[0].spam
    assert results[2].spam and "repeated-text" in codes(results[2])


def test_one_account_posting_the_same_text_twice_is_not_a_spam_wave() -> None:
    triage = Triage()
    text = "@nordwelle Internet in Altona seit heute früh weg, wann ist die Störung behoben?"
    results = [triage.process(msg(text, n, author="kim", followers=50)) for n in range(3)]
    assert not any(r.spam for r in results)


def test_not_spam_correction_changes_the_next_decision() -> None:
    triage = Triage()
    legit = "Gratis WLAN-Verlosung im Nordwelle-Shop Altona: heute Glücksrad für alle, schreib mir gern"
    assert triage.process(msg(legit, 1, followers=0)).spam
    triage.learn(legit, is_spam=False)
    again = triage.process(msg(legit.replace("Altona", "Harburg"), 2, followers=0))
    assert not again.spam


def test_mark_spam_teaches_a_pattern_the_rules_miss() -> None:
    triage = Triage()
    first = "Wir suchen Produkttester für iPhones! Einfach bewerben und Gerät behalten 📱"
    assert not triage.process(msg(first, 1)).spam
    triage.learn(first, is_spam=True)
    second = triage.process(msg("Produkttester gesucht! Bewerben und das neue iPhone behalten 📱", 2))
    assert second.spam and "learned-spam" in codes(second)


def test_learned_state_survives_a_round_trip_through_plain_data() -> None:
    triage = Triage()
    triage.learn("Produkttester gesucht, iPhone behalten, jetzt bewerben", is_spam=True)
    triage.learn("Mein Router ist kaputt, bitte Techniker schicken", is_spam=False)
    restored = Triage(state=triage.state())
    text = "Produkttester für iPhones gesucht, bewerben und behalten"
    assert restored.process(msg(text)).spam_score == pytest.approx(triage.process(msg(text)).spam_score)


@pytest.mark.parametrize(
    "broken",
    [{"version": 99}, {"version": 1, "documents": {"spam": 1}, "counts": {}}, {"version": 1, "counts": "x"}],
)
def test_a_damaged_model_is_refused_with_a_reason(broken: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match="spam model"):
        SpamBayes.from_dict(broken)


def test_an_untrained_classifier_has_no_opinion() -> None:
    assert SpamBayes().log_odds(analyse("Bitcoin verdoppeln, jetzt!")) == 0.0

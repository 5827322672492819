"""Pre-send checks: what an agent sees under the editor, with the default guidelines."""

from __future__ import annotations

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.checks import GuidelinesError, guidelines_or_default, is_blocked, parse_guidelines, run_checks
from agentdesk.resources import read_text

DEFAULT = read_text("guidelines.toml")
GUIDELINES = parse_guidelines(DEFAULT)


def _find(text: str, *, audience: Audience = Audience.PUBLIC, channel: Channel = Channel.X, **kw: object) -> list:
    return run_checks(text, channel=channel, audience=audience, guidelines=GUIDELINES, **kw)  # type: ignore[arg-type]


def _marked(text: str, code: str, **kw: object) -> list[str]:
    return [text[f.start : f.end] for f in _find(text, **kw) if f.code == code]


def test_unfilled_placeholder_blocks_sending() -> None:
    findings = _find("Hallo {{ customer.first_name }}, danke!")
    assert [f.code for f in findings] == ["placeholder"] and is_blocked(findings)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Schreiben Sie an kim.berger@example.de.", "kim.berger@example.de"),
        ("Rufen Sie 0170 1234567 an.", "0170 1234567"),
        ("Unter +49 (0)30 1234567 erreichen Sie uns.", "+49 (0)30 1234567"),
        ("Ihre IBAN DE89 3704 0044 0532 0130 00 ist hinterlegt.", "DE89 3704 0044 0532 0130 00"),
        ("Die Lieferung geht an Musterstraße 12a.", "Musterstraße 12a"),
        ("Bestellnummer: A-4711-2024 ist unterwegs.", "Bestellnummer: A-4711-2024"),
        ("Geburtsdatum: 01.02.1990 stimmt.", "Geburtsdatum: 01.02.1990"),
    ],
)
def test_personal_data_in_a_public_reply_is_marked(text: str, marked: str) -> None:
    findings = [f for f in _find(text) if f.code == "personal-data"]
    assert [text[f.start : f.end] for f in findings] == [marked]
    assert findings[0].severity == "warning" and findings[0].fix == "answer-privately"


def test_ordinary_numbers_are_not_personal_data() -> None:
    text = "Am 12.03.2024 um 14:30 Uhr kostet es 19,99 € und wiegt 2500 g. Code DE12345678901234567890."
    assert _marked(text, "personal-data") == []


def test_personal_data_in_a_private_message_is_fine() -> None:
    assert _marked("Ihre Nummer 0170 1234567", "personal-data", audience=Audience.PRIVATE) == []


def test_no_private_fix_where_the_channel_has_no_private_messages() -> None:
    (finding,) = _find("Mail an kim@example.de", channel=Channel.YOUTUBE)
    assert finding.fix is None and "YouTube" in finding.message


def test_promises_go_private() -> None:
    text = "Wir erstatten den Betrag, die Herstellergarantie gilt. We will refund you."
    assert _marked(text, "promise") == ["erstatten", "Herstellergarantie", "refund"]


def test_sie_and_du_mixed_marks_the_minority() -> None:
    text = (
        "Hallo Kim, wir melden uns bei Ihnen, und Ihr Paket ist unterwegs. "
        "Kannst du uns die Nummer schicken? Danke dir und Ihnen."
    )
    assert _marked(text, "form-of-address") == ["du", "dir"]


def test_sentence_initial_sie_may_mean_they() -> None:
    assert _marked("Hallo Kim! Die Pakete sind unterwegs. Sie kommen morgen, versprochen du.", "form-of-address") == []


def test_form_chosen_for_the_customer_marks_the_other_form() -> None:
    text = "Hallo Kim, danke für deine Nachricht, wir melden uns bei Ihnen."
    assert _marked(text, "form-of-address", form_of_address="du") == ["Ihnen"]
    assert _marked(text, "form-of-address", form_of_address="sie") == ["deine"]


def test_shouting_but_not_acronyms_or_names() -> None:
    text = "Das ist WIRKLICH dringend!!! Bitte per DHL an ACME senden, siehe https://EXAMPLE.COM/FAQ???"
    assert _marked(text, "shouting", known_names=frozenset({"Acme"})) == ["WIRKLICH", "!!!", "???"]


def test_over_limit_blocks_and_offers_a_thread() -> None:
    (finding,) = _find("Danke. " * 50)
    assert (finding.code, finding.severity, finding.fix) == ("over-limit", "blocking", "split-thread")


def test_messages_in_german() -> None:
    (finding,) = _find("Hallo {{ name }}", language="de")
    assert finding.message == "Der Platzhalter {{ name }} ist noch nicht ausgefüllt."


def test_company_can_switch_a_check_off_and_add_terms() -> None:
    custom = parse_guidelines('[severity]\nshouting = "off"\n[promises]\nterms = ["Gratis*"]\n')
    findings = run_checks("GRATISVERSAND!!!", channel=Channel.X, audience=Audience.PUBLIC, guidelines=custom)
    assert [f.code for f in findings] == ["promise"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[severity]\n\nshouting = "loud"\n', 3),
        ("[personal_data]\nemail = '''[a-z'''\n", 2),
        ("[shouting]\nmin_letters = 0\n", 2),
        ("[promises]\nterms = [\n", 3),
    ],
)
def test_broken_guidelines_name_the_line_and_fall_back(text: str, line: int) -> None:
    with pytest.raises(GuidelinesError) as error:
        parse_guidelines(text)
    assert error.value.line == line and f"line {line}" in str(error.value)
    guidelines, problem = guidelines_or_default(text, DEFAULT)
    assert problem is not None and guidelines == GUIDELINES

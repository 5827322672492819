"""The settings rules: what the preferences dialog and ``agentdesk settings set`` accept, and how
they say no, in English and German."""

from __future__ import annotations

import pytest

from agentdesk.core.settings_rules import SettingProblem, german, parse_setting, problem
from agentdesk.core.sla import BusinessCalendar


@pytest.mark.parametrize(
    ("key", "text", "stored"),
    [
        ("agent_name", "  Kim Weber ", "Kim Weber"),
        ("opening_hours", "mo-fr 8-18; sa 10-14", "mo-fr 8-18; sa 10-14"),
        ("working_hours", "", ""),
        ("time_zone", "America/New_York", "America/New_York"),
        ("holidays", "de-by", "DE-BY"),
        ("holidays", "none", ""),
        ("closed_days", " 12-24 , 2026-12-31,", "12-24,2026-12-31"),
        ("language", "system", ""),
        ("language", "DE", "de"),
        ("role", "Trainee", "trainee"),
        ("default_form_of_address.email", "Du", "du"),
        ("notifications_off", "storm, at_risk, storm", ["storm", "at_risk"]),
        ("notifications_off", "", []),
    ],
)
def test_accepted_values_are_stored_in_the_form_the_app_reads(key: str, text: str, stored: object) -> None:
    assert parse_setting(key, text) == stored


def test_stored_hours_build_the_same_calendar_the_window_builds() -> None:
    hours = parse_setting("opening_hours", "mo-fr 8-18")
    region = parse_setting("holidays", "de-by")
    assert isinstance(hours, str) and isinstance(region, str)
    calendar = BusinessCalendar.parse_hours(hours, holidays=region)
    assert calendar.holidays == "DE-BY" and calendar.hours[0] == ((8 * 60, 18 * 60),)


@pytest.mark.parametrize(
    ("key", "text", "english", "deutsch"),
    [
        ("opening_hours", "mon 8-25", "invalid time '25'", "Ungültige Uhrzeit „25“"),
        ("opening_hours", "xyz 8-18", "unknown day 'xyz'", "Unbekannter Tag „xyz“"),
        ("opening_hours", "mon 18-8", "closing time must be after opening time", "liegt das Ende nicht nach"),
        ("opening_hours", "mon 8-12; mon 11-14", "overlapping hours on mon", "Am Mo überschneiden sich"),
        ("opening_hours", "", "opening hours are empty", "keine Zeiten eingetragen"),
        ("opening_hours", "mon-fri", "no hours given", "fehlen die Uhrzeiten"),
        ("opening_hours", "fri-mon 8-9", "runs backwards", "laufen rückwärts"),
        ("opening_hours", "mon 8", "need a start and an end", "braucht Beginn und Ende"),
        ("working_hours", "sat 25-26", "invalid time", "Ungültige Uhrzeit"),
        ("time_zone", "Mars/Base", "unknown time zone 'Mars/Base'", "Unbekannte Zeitzone „Mars/Base“"),
        ("holidays", "XX", "unknown holiday country 'XX'", "Unbekanntes Land „XX“"),
        ("holidays", "DE-XX", "regions of DE: BB, BE", "Regionen von DE: BB, BE"),
        ("closed_days", "12-24,2026-13-01", "invalid closing day '2026-13-01'", "Ungültiger Schließtag „2026-13-01“"),
        ("role", "boss", "use agent, supervisor or trainee", "Erlaubt: agent, supervisor oder trainee"),
        ("language", "fr", "use system, de or en", "Erlaubt: system, de oder en"),
        ("agent_name", " ", "it is empty", "Das Feld ist leer"),
        ("agent_name", "x" * 81, "81 characters", "81 Zeichen"),
        ("company_name", "A\nB", "line break", "Zeilenumbruch"),
        ("default_form_of_address.x", "ihr", "use sie or du", "Erlaubt: sie oder du"),
        ("default_form_of_address.fax", "du", "unknown channel; channels: x, mastodon", "Unbekannter Kanal"),
        ("notifications_off", "spam", "from assigned, at_risk, new_message, storm", "„spam“ ist nicht möglich"),
        ("colour", "blue", "unknown setting; known settings: agent_name", "Unbekannte Einstellung"),
    ],
)
def test_refusals_name_the_problem_in_both_languages(key: str, text: str, english: str, deutsch: str) -> None:
    found = problem(key, text)
    assert found is not None and found.key == key
    assert english in found.text("en")
    assert deutsch in found.text("de")
    with pytest.raises(SettingProblem, match=f"^{key}: "):
        parse_setting(key, text)


def test_every_parser_message_has_german_words() -> None:
    """A new or reworded parser message falls back to English; this catches it."""
    for key, text in [
        ("opening_hours", "mon 8-25"),
        ("opening_hours", "mo 08:00-18:00; di"),
        ("time_zone", "Nowhere/City"),
        ("holidays", "AT-99"),
        ("closed_days", "31-12"),
    ]:
        found = problem(key, text)
        assert found is not None and found.de != found.en and german(found.en) == found.de

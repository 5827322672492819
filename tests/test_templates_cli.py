"""``agentdesk templates``: what a script sees on stdout, stderr and in the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from tests.test_templates_library import simple_template, write_template

NAMES = ["--var", "customer.first_name=Kim", "--var", "agent.first_name=Lena"]


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), "templates", *argv])


def test_list_json_gives_every_template_and_the_load_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_template(tmp_path / "templates", "broken.md", "---\nid: [oops\n---\ntext\n")
    assert run(tmp_path, "list", "--json") == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing["templates"]) >= 40
    outage = next(t for t in listing["templates"] if t["id"] == "outage-de-sie")
    assert outage["intent"] == "outage" and outage["language"] == "de" and outage["tone"] == "formal"
    assert "x" in outage["channels"]
    assert outage["variables"] == [
        {"name": "region", "description": outage["variables"][0]["description"], "default": None}
    ]
    assert listing["errors"] == [{"file": str(broken), "line": 2, "message": listing["errors"][0]["message"]}]


def test_list_filters_by_language_tone_and_channel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "list", "--json", "--language", "de", "--tone", "informal", "--channel", "sms") == 0
    templates = json.loads(capsys.readouterr().out)["templates"]
    assert templates
    assert all(t["language"] == "de" and t["tone"] == "informal" and "sms" in t["channels"] for t in templates)


def test_list_as_text_shows_skipped_files_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_template(tmp_path / "templates", "broken.md", "no header\n")
    assert run(tmp_path, "list") == 0
    out, err = capsys.readouterr()
    assert "outage-de-sie\tde\tformal/sie\toutage\t" in out
    assert f"{broken}:1: missing metadata header" in err


def test_render_prints_the_text_for_the_channel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "render", "outage-de-du", "--channel", "x", "--var", "region=Hamburg", *NAMES) == 0
    assert capsys.readouterr().out == (
        "Hi Kim, danke für den Hinweis! Die Störung in Hamburg kennen wir schon, unsere Technik ist dran. "
        "Wir melden uns hier, sobald wir mehr wissen. ^Lena\n"
    )


def test_render_uses_a_company_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_template(tmp_path / "templates", "o.md", simple_template("outage-de-sie", body="Unsere eigene Antwort."))
    assert run(tmp_path, "render", "outage-de-sie", "--channel", "email") == 0
    assert capsys.readouterr().out == "Unsere eigene Antwort.\n"


def test_a_missing_variable_is_an_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "render", "outage-de-sie", "--channel", "facebook", *NAMES) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "region" in err and "customer.name" in err


def test_an_unknown_id_lists_the_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "render", "outagee", "--channel", "x") == 2
    err = capsys.readouterr().err
    assert "unknown template 'outagee'" in err and "outage-de-sie" in err


def test_an_unknown_channel_lists_the_channels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "render", "outage-de-sie", "--channel", "fax") == 2
    err = capsys.readouterr().err
    assert "unknown channel 'fax'" in err and "mastodon" in err


def test_a_channel_the_template_is_not_for_lists_its_channels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "render", "outage-de-sie", "--channel", "sms") == 2
    assert "its channels: x, mastodon" in capsys.readouterr().err


def test_render_json_counts_the_text_for_the_channel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["render", "praise-thanks-de-du", "--channel", "x", "--json", *NAMES]
    assert run(tmp_path, *argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"].startswith("Danke dir für das schöne Feedback, Kim!")
    assert result["short"] is True and result["html"] is None
    assert result["limit"] == 280 and 0 < result["length"] <= 280
    assert result["valid"] is True and result["unfilled"] == []


def test_render_json_for_email_has_html_and_a_missing_variable_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "render", "refund-request-en", "--channel", "email", "--json", *NAMES) == 1
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["html"].startswith("<p>Hi Kim,</p>")
    assert result["unfilled"] == ["order_id"] and result["valid"] is False
    assert "order_id" in err

"""``agentdesk check`` as scripts use it: JSON out, exit codes, errors that say what is known."""

from __future__ import annotations

import io
import json

import pytest

from agentdesk.cli import main


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_for_one_text(monkeypatch, capsys) -> None:
    code, out, _ = _run(monkeypatch, capsys, "Hallo! " + "x" * 280, "check", "--channel", "x", "--json", "-")
    report = json.loads(out)
    assert code == 1
    assert report["length"] == 287 and report["remaining"] == -7 and report["valid"] is False
    assert report["over"] == [[280, 287]] and report["findings"][0]["code"] == "over-limit"


def test_jsonl_keeps_order_and_reports_sms_encoding(monkeypatch, capsys) -> None:
    lines = [
        {"text": "Grüße aus Köln", "channel": "sms"},
        {"text": "Danke 😊", "channel": "sms", "audience": "private"},
        {"text": "Hi {{ name }}", "channel": "mastodon", "audience": "public"},
    ]
    code, out, _ = _run(monkeypatch, capsys, "\n".join(json.dumps(x) for x in lines), "check", "--jsonl")
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["encoding"] for r in reports] == ["GSM-7", "UCS-2", None]
    assert reports[1]["ucs2_characters"] == ["😊"]
    assert reports[2]["findings"][0]["severity"] == "blocking" and code == 1


def test_clean_text_exits_zero(monkeypatch, capsys) -> None:
    code, out, _ = _run(monkeypatch, capsys, "Danke für Ihre Geduld.", "check", "--channel", "bluesky")
    assert code == 0 and "bluesky · public" in out


def test_unknown_channel_lists_the_known_ones(monkeypatch, capsys) -> None:
    code, _, err = _run(monkeypatch, capsys, "x", "check", "--channel", "fax")
    assert code == 2 and "known channels: x, mastodon" in err


def test_public_sms_is_bad_input(monkeypatch, capsys) -> None:
    code, _, err = _run(monkeypatch, capsys, "x", "check", "--channel", "sms", "--public")
    assert code == 2 and "SMS has no public" in err


def test_broken_guidelines_warn_and_fall_back(monkeypatch, capsys, tmp_path) -> None:
    broken = tmp_path / "guidelines.toml"
    broken.write_text('[severity]\nshouting = "laut"\n', encoding="utf-8")
    code, out, err = _run(monkeypatch, capsys, "WIRKLICH", "check", "--channel", "x", "--guidelines", str(broken))
    assert code == 0 and "line 2" in err and "shouting" in out

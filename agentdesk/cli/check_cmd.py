"""``agentdesk check``: count a text and run the pre-send checks without the app.

Exit 0 when nothing blocks sending, 1 when something does, 2 on bad input. Spelling is not part
of it (it depends on a profile's dictionary and is advisory only).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from agentdesk.cli import CliError
from agentdesk.core.channels import CHANNEL_NAMES, Audience, Channel
from agentdesk.core.checks import Finding, Guidelines, guidelines_or_default, is_blocked, run_checks
from agentdesk.core.length import ChannelRules, MastodonInstanceRules, audiences, measure
from agentdesk.resources import read_text


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("check", help="count a text as its platform does and run the pre-send checks")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="the text (default: stdin)")
    parser.add_argument("--channel", metavar="CH", help="x, mastodon, bluesky, sms, …")
    audience = parser.add_mutually_exclusive_group()
    audience.add_argument("--public", dest="audience", action="store_const", const=Audience.PUBLIC)
    audience.add_argument("--private", dest="audience", action="store_const", const=Audience.PRIVATE)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--jsonl", action="store_true", help='read {"text","channel","audience"} per line')
    parser.add_argument("--guidelines", metavar="FILE", help="a company guidelines file (TOML)")
    parser.add_argument("--form-of-address", choices=["sie", "du"], help="the form chosen for this customer")
    parser.add_argument("--instance-json", metavar="FILE", help="Mastodon /api/v2/instance JSON for its limits")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    guidelines = _guidelines(args.guidelines)
    rules = _rules(args.instance_json)
    language = args.lang or "en"
    if args.jsonl:
        return _run_jsonl(args, guidelines, rules, language)
    if not args.channel:
        raise CliError("--channel is required (or use --jsonl)")
    text = sys.stdin.read() if args.file == "-" else _read(args.file)
    report = check_text(text, args.channel, args.audience, guidelines, rules, args.form_of_address, language)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        _print_human(report)
    return 1 if report["blocked"] else 0


def _run_jsonl(args: argparse.Namespace, guidelines: Guidelines, rules: ChannelRules, language: str) -> int:
    status = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise CliError('each line needs an object with a "text" string')
            audience = item.get("audience")
            if audience not in (None, "public", "private"):
                raise CliError('"audience" must be "public" or "private"')
            report = check_text(
                item["text"],
                str(item.get("channel", "")),
                Audience(audience) if audience else None,
                guidelines,
                rules,
                item.get("form_of_address") or args.form_of_address,
                language,
            )
        except (json.JSONDecodeError, CliError) as exc:
            print(f"agentdesk: line {number}: {exc}", file=sys.stderr)
            print(json.dumps({"line": number, "error": str(exc)}, ensure_ascii=False))
            status = 2
            continue
        print(json.dumps(report, ensure_ascii=False), flush=True)
        status = max(status, 1 if report["blocked"] else 0)
    return status


def check_text(
    text: str,
    channel_id: str,
    audience: Audience | None,
    guidelines: Guidelines,
    rules: ChannelRules,
    form_of_address: str | None,
    language: str,
) -> dict[str, Any]:
    """The report for one text, as ``--json`` prints it."""
    try:
        channel = Channel.parse(channel_id)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    available = audiences(channel)
    if audience is not None and audience not in available:
        raise CliError(f"{CHANNEL_NAMES[channel]} has no {audience.value} messages")
    audience = audience or available[0]
    length = measure(text, channel, audience, rules=rules)
    findings = run_checks(
        text,
        channel=channel,
        audience=audience,
        guidelines=guidelines,
        form_of_address=form_of_address,
        language="de" if language == "de" else "en",
        rules=rules,
        length=length,
    )
    report: dict[str, Any] = {
        "channel": channel.value,
        "audience": length.audience.value,
        "length": length.length,
        "limit": length.limit,
        "remaining": length.remaining,
        "valid": length.valid,
        "segments": length.segments,
        "encoding": length.encoding,
        "over": [list(span) for span in length.over],
        "findings": [_finding(f) for f in findings],
        "blocked": is_blocked(findings),
    }
    if length.ucs2_characters:
        report["ucs2_characters"] = list(length.ucs2_characters)
    if length.posted_text is not None:
        report["posted_text"] = length.posted_text
    return report


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "fix": finding.fix,
    }


def _print_human(report: dict[str, Any]) -> None:
    state = "valid" if report["valid"] else "NOT valid"
    line = f"{report['channel']} · {report['audience']}: {report['length']}/{report['limit']} ({state})"
    if report["encoding"]:
        line += f" · {report['encoding']}, {report['segments']} segment(s)"
        if report.get("ucs2_characters"):
            line += " · UCS-2 because of: " + " ".join(report["ucs2_characters"])
    print(line)
    for f in report["findings"]:
        fix = f" → {f['fix']}" if f["fix"] else ""
        print(f"  {f['severity']:<8} {f['code']:<16} {f['start']}-{f['end']}  {f['message']}{fix}")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}") from None


def _guidelines(path: str | None) -> Guidelines:
    guidelines, error = guidelines_or_default(None if path is None else _read(path), read_text("guidelines.toml"))
    if error is not None:
        print(f"agentdesk: {path}: {error}; using the default guidelines", file=sys.stderr)
    return guidelines


def _rules(path: str | None) -> ChannelRules:
    if path is None:
        return ChannelRules()
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise CliError(f"{path}: expected the JSON object of /api/v2/instance")
    return MastodonInstanceRules.from_instance_json(data)

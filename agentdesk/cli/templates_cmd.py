"""``agentdesk templates list|render``: the template library without the app, same core."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from agentdesk.cli import CliError
from agentdesk.core.channels import PRIVATE_ONLY, Audience, Channel
from agentdesk.store.profile import load_settings, resolve_data_dir
from agentdesk.sync.canned import CannedResponseFiles, canned_language
from agentdesk.templates import (
    Template,
    TemplateLibrary,
    Tone,
    bundled_dir,
    canned_response_templates,
    company_dir,
    render,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("templates", help="tone templates: list them, render one for a channel")
    commands = parser.add_subparsers(dest="templates_command", metavar="SUBCOMMAND", required=True)

    listing = commands.add_parser("list", help="the templates and the files that could not be loaded")
    listing.add_argument("--json", action="store_true", help='print {"templates": [...], "errors": [...]}')
    listing.add_argument("--language", metavar="LANG", help="only this language, e.g. de")
    listing.add_argument("--tone", choices=[t.value for t in Tone], help="only this tone")
    listing.add_argument("--channel", metavar="CH", help="only templates meant for this channel")
    listing.set_defaults(func=_list)

    rendering = commands.add_parser("render", help="print a template filled in for a channel")
    rendering.add_argument("id", metavar="ID", help="template id, see 'templates list'")
    rendering.add_argument("--channel", required=True, metavar="CH", help="x, mastodon, email, …")
    rendering.add_argument("--var", action="append", default=[], metavar="KEY=VALUE", help="a value")
    audience = rendering.add_mutually_exclusive_group()
    audience.add_argument("--public", dest="audience", action="store_const", const=Audience.PUBLIC)
    audience.add_argument("--private", dest="audience", action="store_const", const=Audience.PRIVATE)
    rendering.add_argument("--json", action="store_true", help="print text, length, limit, unfilled")
    rendering.set_defaults(func=_render)


def _library(args: argparse.Namespace) -> TemplateLibrary:
    """Bundled, company and the Chatwoot canned responses the last sync saved; skipped ones as errors."""
    data_dir = resolve_data_dir(args.data_dir)
    language = canned_language(load_settings(data_dir))
    canned, canned_errors = canned_response_templates(CannedResponseFiles(data_dir).load(), language=language)
    library = TemplateLibrary.load(bundled_dir(), company_dir(data_dir), canned)
    return replace(library, errors=library.errors + canned_errors)


def _channel(value: str) -> Channel:
    try:
        return Channel.parse(value)
    except ValueError as exc:
        raise CliError(str(exc), 2) from None


def _summary(template: Template) -> dict[str, object]:
    return {
        "id": template.id,
        "title": template.title,
        "intent": template.intent,
        "language": template.language,
        "tone": template.tone.value,
        "address": template.address,
        "channels": [c.value for c in template.channels],
        "audience": template.audience.value if template.audience else None,
        "variables": [{"name": v.name, "description": v.description, "default": v.default} for v in template.variables],
        "origin": template.origin.value,
    }


def _list(args: argparse.Namespace) -> int:
    library = _library(args)
    channel = _channel(args.channel) if args.channel else None
    tone = Tone(args.tone) if args.tone else None
    templates = library.matching(language=(args.language or "").lower(), channel=channel, tone=tone)
    if args.json:
        errors = [{"file": str(e.path), "line": e.line, "message": e.message} for e in library.errors]
        listing = {"templates": [_summary(t) for t in templates], "errors": errors}
        print(json.dumps(listing, ensure_ascii=False))
        return 0
    for t in templates:
        tone_text = f"{t.tone.value}/{t.address}" if t.address else t.tone.value
        print(f"{t.id}\t{t.language}\t{tone_text}\t{t.intent}\t{t.title}")
    for error in library.errors:
        print(f"agentdesk: skipped {error}", file=sys.stderr)
    return 0


def _variables(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--var needs KEY=VALUE, not {pair!r}", 2)
        values[key.strip()] = value
    return values


def _render(args: argparse.Namespace) -> int:
    library = _library(args)
    channel = _channel(args.channel)
    template = library.get(args.id)
    if template is None:
        known = ", ".join(t.id for t in library.templates)
        raise CliError(f"unknown template {args.id!r}; known templates: {known}", 2)
    if channel not in template.channels:
        named = ", ".join(c.value for c in template.channels)
        raise CliError(f"template {template.id!r} is not meant for {channel.value}; its channels: {named}", 2)
    audience = args.audience or template.audience or (Audience.PRIVATE if channel in PRIVATE_ONLY else Audience.PUBLIC)
    rendered = render(template, channel, _variables(args.var))
    if args.json:
        from agentdesk.core.length import measure

        counted = measure(rendered.text, channel, audience)
        result = {
            "id": template.id,
            "channel": channel.value,
            "audience": audience.value,
            "text": rendered.text,
            "html": rendered.html,
            "short": rendered.short,
            "length": counted.length,
            "limit": counted.limit,
            "valid": counted.valid and not rendered.unfilled,
            "unfilled": list(rendered.unfilled),
        }
        print(json.dumps(result, ensure_ascii=False))
    if rendered.unfilled:
        missing = ", ".join(rendered.unfilled)
        raise CliError(f"missing variable(s): {missing}; pass them with --var NAME=VALUE", 1)
    if not args.json:
        print(rendered.text)
    return 0

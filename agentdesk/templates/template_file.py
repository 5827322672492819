"""The template file format: YAML front matter, a Markdown body, an optional short section.

```
---
id: shipping-delay-de-sie
title: Lieferverzögerung
intent: shipping-delay
language: de
tone: formal
channels: [x, facebook, email]
audience: public          # optional: only public replies (or: private); absent means both
tags: [Lieferung]
variables:
  order_id: {description: Bestellnummer, default: unbekannt}
---
Markdown body with {{ customer.first_name }} …
<!-- short -->
The text for tight channels (X, Bluesky, SMS).
```

Reading never raises for bad input: it returns a ``LoadError`` with the file and line, so one
broken file never keeps the others from loading.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates.model import ADDRESS_OF_TONE, LoadError, Origin, Template, Tone, Variable
from agentdesk.templates.placeholders import line_of, names_in, syntax_errors
from agentdesk.templates.variables import BUILTIN_VARIABLES

SHORT_MARKER = "<!-- short -->"
_FENCE = "---"
_REQUIRED = ("id", "title", "intent", "language", "tone", "channels")
_OPTIONAL = ("address", "audience", "tags", "variables")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_VARIABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class TemplateFileError(ValueError):
    """What is wrong with a template's text, and on which line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def read_template(path: Path, origin: Origin) -> Template | LoadError:
    """The template in a file, or why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return LoadError(path, 1, f"cannot read: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return LoadError(path, data.count(b"\n", 0, exc.start) + 1, "not UTF-8 text; save the file as UTF-8")
    try:
        return parse_template(text, origin=origin, path=path)
    except TemplateFileError as exc:
        return LoadError(path, exc.line, str(exc))


def parse_template(text: str, *, origin: Origin = Origin.COMPANY, path: Path | None = None) -> Template:
    """Parse a template's text; raises TemplateFileError (with ``.line``) for anything that is wrong."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != _FENCE:
        raise TemplateFileError(1, "missing metadata header: the file must start with a '---' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
    except StopIteration:
        raise TemplateFileError(1, "metadata header is not closed with a '---' line") from None
    header = lines[1:end]
    meta = _load_header("\n".join(header))

    def key_line(key: str) -> int:
        return next((i + 2 for i, line in enumerate(header) if re.match(rf"{key}\s*:", line)), 1)

    for key in meta:
        if key not in _REQUIRED + _OPTIONAL:
            raise TemplateFileError(
                key_line(str(key)), f"unknown field {key!r}; known: {', '.join(_REQUIRED + _OPTIONAL)}"
            )
    for key in _REQUIRED:
        if meta.get(key) in (None, "", []):
            raise TemplateFileError(end + 1, f"missing field {key!r}")

    template_id = _slug(meta["id"], key_line("id"), "id")
    language = str(meta["language"]).strip().lower()
    if not _LANGUAGE.match(language):
        raise TemplateFileError(
            key_line("language"), f"language must be a two-letter code such as de or en, not {language!r}"
        )
    try:
        tone = Tone(str(meta["tone"]).strip().lower())
    except ValueError:
        known = ", ".join(t.value for t in Tone)
        raise TemplateFileError(key_line("tone"), f"unknown tone {meta['tone']!r}; known tones: {known}") from None
    address_line = key_line("address" if "address" in meta else "tone")
    address = _address(meta.get("address"), language, tone, address_line)
    channels = _channels(meta["channels"], key_line("channels"))
    audience = _audience(meta.get("audience"), key_line("audience"))
    tags = _strings(meta.get("tags") or [], key_line("tags"), "tags")
    variables = _variables(meta.get("variables") or {}, key_line("variables"))

    body_lines = lines[end + 1 :]
    body, short = _split_short(body_lines)
    if not body.strip():
        raise TemplateFileError(end + 2, "the template has no text")
    _check_placeholders("\n".join(body_lines), end + 1, variables)
    return Template(
        id=template_id,
        title=str(meta["title"]).strip(),
        intent=_slug(meta["intent"], key_line("intent"), "intent"),
        language=language,
        tone=tone,
        address=address,
        channels=channels,
        tags=tags,
        variables=variables,
        body=body,
        short=short,
        audience=audience,
        origin=origin,
        path=path,
    )


def _load_header(header: str) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise TemplateFileError(line, f"broken metadata header: {problem}") from None
    if not isinstance(meta, dict):
        raise TemplateFileError(2, "the metadata header must be a list of 'field: value' lines")
    return meta


def _slug(value: object, line: int, field: str) -> str:
    text = str(value).strip()
    if not _SLUG.match(text):
        raise TemplateFileError(line, f"{field} must use lowercase letters, digits and '-', not {text!r}")
    return text


def _address(value: object, language: str, tone: Tone, line: int) -> str:
    implied = ADDRESS_OF_TONE.get(tone, "") if language == "de" else ""
    given = str(value).strip().lower() if value is not None else ""
    if given and given not in ("sie", "du"):
        raise TemplateFileError(line, f"address must be 'sie' or 'du', not {given!r}")
    if given and language != "de":
        raise TemplateFileError(line, "address (sie/du) is only used for German templates")
    if given and implied and given != implied:
        raise TemplateFileError(line, f"tone {tone.value!r} already means {implied!r}; remove the address field")
    if language == "de" and not (given or implied):
        raise TemplateFileError(line, f"German {tone.value!r} templates need 'address: sie' or 'address: du'")
    return given or implied


def _audience(value: object, line: int) -> Audience | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return Audience(str(value).strip().lower())
    except ValueError:
        raise TemplateFileError(line, f"audience must be 'public' or 'private', not {value!r}") from None


def _channels(value: object, line: int) -> tuple[Channel, ...]:
    try:
        return tuple(Channel.parse(str(v)) for v in _strings(value, line, "channels"))
    except ValueError as exc:
        raise TemplateFileError(line, str(exc)) from None


def _strings(value: object, line: int, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise TemplateFileError(line, f"{field} must be a list such as [a, b]")
    return tuple(str(v).strip() for v in value)


def _variables(value: object, line: int) -> tuple[Variable, ...]:
    if not isinstance(value, dict):
        raise TemplateFileError(line, "variables must map each name to a description or {description, default}")
    result = []
    for name, spec in value.items():
        if not _VARIABLE_NAME.match(str(name)):
            raise TemplateFileError(line, f"variable name {name!r} must use lowercase letters, digits and '_'")
        if isinstance(spec, str):
            result.append(Variable(str(name), spec))
        elif isinstance(spec, dict) and set(spec) <= {"description", "default"}:
            default = spec.get("default")
            result.append(
                Variable(str(name), str(spec.get("description") or ""), None if default is None else str(default))
            )
        else:
            raise TemplateFileError(line, f"variable {name!r} must have a description and optionally a default")
    return tuple(result)


def _split_short(body_lines: list[str]) -> tuple[str, str]:
    stripped = [line.strip() for line in body_lines]
    if SHORT_MARKER not in stripped:
        return "\n".join(body_lines).strip(), ""
    at = stripped.index(SHORT_MARKER)
    return "\n".join(body_lines[:at]).strip(), "\n".join(body_lines[at + 1 :]).strip()


def _check_placeholders(text: str, offset: int, variables: tuple[Variable, ...]) -> None:
    for line, message in syntax_errors(text):
        raise TemplateFileError(offset + line, message)
    declared = {v.name for v in variables} | set(BUILTIN_VARIABLES)
    for name in names_in(text):
        if name not in declared:
            raise TemplateFileError(
                offset + line_of(text, name), f"unknown variable {name!r}; declare it under 'variables'"
            )


def format_template(template: Template) -> str:
    """The file text for a template; what the template manager writes into the company library."""
    meta: dict[str, Any] = {
        "id": template.id,
        "title": template.title,
        "intent": template.intent,
        "language": template.language,
        "tone": template.tone.value,
    }
    if template.address and template.address != ADDRESS_OF_TONE.get(template.tone):
        meta["address"] = template.address
    meta["channels"] = [c.value for c in template.channels]
    if template.audience is not None:
        meta["audience"] = template.audience.value
    if template.tags:
        meta["tags"] = list(template.tags)
    if template.variables:
        meta["variables"] = {
            v.name: {"description": v.description} | ({"default": v.default} if v.default is not None else {})
            for v in template.variables
        }
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    text = f"{_FENCE}\n{header}{_FENCE}\n{template.body.strip()}\n"
    if template.short.strip():
        text += f"{SHORT_MARKER}\n{template.short.strip()}\n"
    return text

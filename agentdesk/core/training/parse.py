"""Parsing one training scenario file (text passed in) into a TrainingScenario, or a ScenarioError
that names the file and the line. Unknown keys are errors too: a typo must not silently drop a
branch or a behaviour from the score.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import audiences
from agentdesk.core.training.scenario import (
    KEYWORD_CHECKS,
    OPENING,
    Check,
    Condition,
    CustomerMessage,
    Expectation,
    Persona,
    Step,
    TrainingScenario,
)
from agentdesk.core.yaml_lines import Fields, LineDict, ScenarioError, line_of, parse_yaml

_TOP = {
    "id", "title", "topic", "summary", "language", "channel", "audience", "starts",
    "persona", "opening", "follow_ups", "expect",
}  # fmt: skip
_PERSONA = {"name", "handle", "mood", "form", "followers"}
_MESSAGE = {"text", "after", "author", "handle"}
_STEP = {"id", "answers", "when", "after", "text", "messages", "others", "audience", "form", "ends"}
_WHEN = {
    "no_reply", "keywords", "apologised", "private", "asked_personal_data_public", "promised_public",
    "form_kept", "waited_over", "escalated",
}  # fmt: skip
_EXPECT = {"check", "weight", "behaviour", "within", "keywords", "count"}
_FORMS = ("sie", "du", "")
DEFAULT_DELAY = timedelta(minutes=3)


def parse_scenario(file: Path, text: str) -> TrainingScenario:
    """The scenario in ``text`` (the contents of ``file``); raises ScenarioError with file and line."""
    data = parse_yaml(file, text)
    if not isinstance(data, LineDict):
        raise ScenarioError(file, 1, "expected a scenario: a mapping with id, title, persona, opening, expect")
    return _Parser(Fields(file)).scenario(data)


class _Parser:
    def __init__(self, fields: Fields) -> None:
        self.f = fields

    def _keys(self, node: LineDict, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise ScenarioError(
                    self.f.file, node.line_of_key(key), f"unknown key {key!r} in {what}; known: {known}"
                )

    def _text(self, node: LineDict, key: str) -> str:
        value = self.f.require(node, key, node.line)
        if not isinstance(value, str):
            raise self.f.error(node, f"'{key}' must be text")
        return value.strip()

    def scenario(self, node: LineDict) -> TrainingScenario:
        self._keys(node, _TOP, "the scenario")
        language = self._text(node, "language")
        if language not in ("de", "en"):
            raise self.f.error(node, f"language must be de or en, not {language!r}")
        channel = self.f.choice(node.line, Channel, self.f.require(node, "channel", node.line), "channel")
        audience = self.f.choice(node.line, Audience, node.get("audience", "public"), "audience")
        if audience not in audiences(channel):
            raise self.f.error(node, f"{channel.value} has no {audience.value} messages")
        persona = self._persona(self.f.mapping(self.f.require(node, "persona", node.line), "persona", node.line))
        opening = Step(
            id=OPENING,
            line=node.line,
            answers=(),
            when=Condition(),
            delay=timedelta(0),
            messages=self._messages(node, "opening", required=True),
        )
        follow_ups = self._follow_ups(node, channel)
        expect = tuple(self._expectation(e, node.line, language) for e in self.f.items(node, "expect", required=True))
        if not expect:
            raise self.f.error(node, "'expect' needs at least one behaviour")
        return TrainingScenario(
            id=self._text(node, "id"),
            title=self._text(node, "title"),
            language=language,
            channel=channel,
            audience=audience,
            starts=self._starts(node),
            persona=persona,
            opening=opening,
            follow_ups=follow_ups,
            expect=expect,
            summary=str(node.get("summary") or "").strip(),
            topic=str(node.get("topic") or "").strip(),
        )

    def _starts(self, node: LineDict) -> datetime:
        value = self.f.require(node, "starts", node.line)
        if isinstance(value, datetime):  # YAML reads "2026-03-10 09:12:00" as a timestamp itself
            return value.replace(tzinfo=None)
        try:
            return datetime.fromisoformat(str(value)).replace(tzinfo=None)
        except ValueError:
            message = f"'starts' must be a local date and time like 2026-03-10 09:12, not {value!r}"
            raise self.f.error(node, message) from None

    def _persona(self, node: LineDict) -> Persona:
        self._keys(node, _PERSONA, "persona")
        form = str(node.get("form") or "").lower()
        if form not in _FORMS:
            raise self.f.error(node, f"form must be sie or du, not {form!r}")
        return Persona(
            name=self._text(node, "name"),
            handle=str(node.get("handle") or ""),
            mood=str(node.get("mood") or ""),
            form=form,
            followers=int(node.get("followers") or 0),
        )

    def _messages(self, node: LineDict, key: str, *, required: bool) -> tuple[CustomerMessage, ...]:
        items = self.f.items(node, key, required=required)
        if required and not items:
            raise self.f.error(node, f"'{key}' needs at least one message")
        return tuple(self._message(m, node.line) for m in items)

    def _message(self, item: Any, parent_line: int) -> CustomerMessage:
        node = self.f.mapping(item, "a message", parent_line)
        self._keys(node, _MESSAGE, "a message")
        return CustomerMessage(
            text=self._text(node, "text"),
            delay=self.f.duration(node.line, node.get("after", "0s")) if "after" in node else timedelta(0),
            author=str(node.get("author") or ""),
            handle=str(node.get("handle") or ""),
        )

    def _follow_ups(self, node: LineDict, channel: Channel) -> tuple[Step, ...]:
        steps: dict[str, Step] = {}
        for item in self.f.items(node, "follow_ups"):
            step = self._step(self.f.mapping(item, "a follow-up", node.line), channel)
            if step.id in steps or step.id == OPENING:
                raise self.f.error(item, f"follow-up id {step.id!r} is used twice")
            for earlier in step.answers:
                if earlier != OPENING and earlier not in steps:
                    raise self.f.error(item, f"'answers: {earlier}' must name the opening or an earlier follow-up")
                if earlier != OPENING and steps[earlier].ends:
                    raise self.f.error(item, f"{earlier!r} ends the scenario; nothing can follow it")
            steps[step.id] = step
        return tuple(steps.values())

    def _step(self, node: LineDict, channel: Channel) -> Step:
        self._keys(node, _STEP, "a follow-up")
        step_id = self._text(node, "id")
        answers = node.get("answers", OPENING)
        answers = (answers,) if isinstance(answers, str) else tuple(str(a) for a in answers or ())
        if not answers:
            raise self.f.error(node, "'answers' must name the step this follows")
        own = CustomerMessage(self._text(node, "text")) if "text" in node else None
        messages = ((own,) if own else ()) + self._messages(node, "messages", required=False)
        others = self._messages(node, "others", required=False)
        if not own and not messages:
            raise self.f.error(node, "a follow-up needs 'text' or 'messages'")
        if any(not m.author for m in others):
            raise self.f.error(node, "each of 'others' needs an 'author'")
        audience = None
        if node.get("audience"):
            audience = self.f.choice(node.line, Audience, node["audience"], "audience")
            if audience not in audiences(channel):
                raise self.f.error(node, f"{channel.value} has no {audience.value} messages")
        form = node.get("form")
        if form is not None and str(form).lower() not in ("sie", "du"):
            raise self.f.error(node, f"form must be sie or du, not {form!r}")
        when = node.get("when") or LineDict()
        return Step(
            id=step_id,
            line=node.line,
            answers=answers,
            when=self._condition(self.f.mapping(when, "'when'", node.line)),
            delay=self.f.duration(node.line, node["after"]) if "after" in node else DEFAULT_DELAY,
            messages=messages + others,
            audience=audience,
            form=None if form is None else str(form).lower(),
            ends=bool(node.get("ends", False)),
        )

    def _condition(self, node: LineDict) -> Condition:
        self._keys(node, _WHEN, "'when'")
        flags: dict[str, bool | None] = {}
        for key in ("apologised", "private", "asked_personal_data_public", "promised_public", "form_kept", "escalated"):
            value = node.get(key)
            if value is not None and not isinstance(value, bool):
                raise self.f.error(node, f"'{key}' must be true or false")
            flags[key] = value
        no_reply = node.get("no_reply", False)
        if not isinstance(no_reply, bool):
            raise self.f.error(node, "'no_reply' must be true or false")
        if no_reply and (any(v is not None for v in flags.values()) or bool(node.get("keywords"))):
            raise self.f.error(node, "'no_reply' cannot be combined with conditions on the reply")
        waited = node.get("waited_over")
        return Condition(
            no_reply=no_reply,
            keywords=self._keywords(node, required=False),
            waited_over=None if waited is None else self.f.duration(node.line, waited),
            **flags,  # type: ignore[arg-type]
        )

    def _keywords(self, node: LineDict, *, required: bool) -> tuple[str, ...]:
        items = self.f.items(node, "keywords", required=required)
        if not all(isinstance(k, str) and k.strip() for k in items):
            raise self.f.error(node, "'keywords' must be a list of words")
        return tuple(k.strip().casefold() for k in items)

    def _expectation(self, item: Any, parent_line: int, language: str) -> Expectation:
        node = self.f.mapping(item, "a behaviour", parent_line)
        self._keys(node, _EXPECT, "a behaviour")
        check = self.f.choice(node.line, Check, self.f.require(node, "check", node.line), "check")
        weight = node.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1:
            raise self.f.error(node, "'weight' must be a whole number of at least 1")
        label = node.get("behaviour")
        if isinstance(label, str):
            label = {language: label.strip()}
        elif isinstance(label, LineDict):
            label = {str(k): str(v).strip() for k, v in label.items()}
        elif label is not None:
            raise self.f.error(node, "'behaviour' must be text or a mapping of language to text")
        if check in KEYWORD_CHECKS and not label:
            raise self.f.error(node, f"'{check.value}' needs a 'behaviour' saying what is expected")
        count = node.get("count", 0)
        if check is Check.MAX_REPLIES and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
            raise self.f.error(node, "'max-replies' needs 'count', a whole number of at least 0")
        within = node.get("within")
        if check is Check.RESPONDS_WITHIN and within is None:
            raise self.f.error(node, "'responds-within' needs 'within', e.g. 2h")
        return Expectation(
            check=check,
            weight=weight,
            line=line_of(node, parent_line),
            label=label or {},
            within=None if within is None else self.f.duration(node.line, within),
            keywords=self._keywords(node, required=check in KEYWORD_CHECKS),
            count=int(count),
        )

"""Triage in the agent window: spam lessons, the topic view, one template for a whole topic, and
the storm alarm with its escalation.

Kept apart from the window so the window only composes: everything here runs through the
window's TaskRunner and the Operations, so every write goes through the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Conversation, Status
from agentdesk.core.length import measure
from agentdesk.store.triage_verdicts import Storm
from agentdesk.sync.operations import Operations
from agentdesk.sync.triage_service import TriageService
from agentdesk.templates.library import TemplateLibrary
from agentdesk.templates.model import Template
from agentdesk.ui.escalation_actions import EscalationActions
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.triage_widgets import StormBanner, TopicPane

_EXAMPLE_CHARS = 110
STORM_PATH = "pr"  # the escalation path a public storm goes up (escalation.toml)


@dataclass
class TopicAnswer:
    """What a reply to a whole topic did: who got one, who did not and why."""

    sent: list[int] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # customer, reason


class TriageActions(QObject):
    topic_answered = Signal(object)  # TopicAnswer
    storm_raised = Signal(object)  # Storm, after the banner shows it

    def __init__(
        self,
        service: TriageService,
        ops: Operations,
        tasks: TaskRunner,
        messages: MessageBar,
        topics: TopicPane,
        banner: StormBanner,
        library: Callable[[], TemplateLibrary | None],
        escalation: EscalationActions,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._ops, self._tasks, self._messages = ops, tasks, messages
        self.topics, self.banner = topics, banner
        self._library = library
        self._escalation = escalation
        self._window = parent
        service.storm_listeners.append(self._storm)
        banner.escalate.connect(lambda storm: self._tasks.run(self.escalate(storm), what="escalating the storm"))

    # --- spam lessons ------------------------------------------------------------------------------
    async def mark(self, conversation_id: int, is_spam: bool) -> None:
        """*Mark spam* (s) or *Not spam* (Shift+S): move it, and teach the filter the agent's word."""
        await self._ops.set_status(conversation_id, Status.SPAM if is_spam else Status.OPEN)
        await self.service.learn(conversation_id, is_spam)

    # --- topics ----------------------------------------------------------------------------------
    async def refresh_topics(self) -> None:
        self.topics.set_topics(await self._ops.runner.read(self._ops.store.topic_counts))

    async def answer_topic(self, conversation_ids: list[int], template: Template, typed: dict[str, str]) -> TopicAnswer:
        """One reply per customer from ``template``: in the customer's Sie/du where the family has
        it, with their own name (``typed``: values the agent gave for all, e.g. the region), and
        only where it fits the channel. Each is its own outbox command."""
        from agentdesk.templates.rendering import render
        from agentdesk.templates.variables import variables_for

        library = self._library()
        settings = self._ops.ws.settings
        result = TopicAnswer()
        for conversation_id in conversation_ids:
            conversation = await self._ops.conversation(conversation_id)
            if conversation is None or conversation.status is not Status.OPEN:
                continue
            who = conversation.customer.name or conversation.customer.handle
            address = conversation.customer.form_of_address or settings.default_form_of_address.get(
                conversation.channel.value, "sie"
            )
            fitting = library.switch_language(template, template.language, address) if library else None
            chosen = fitting or template
            if address and chosen.address and chosen.address != address:
                result.skipped.append((who, self.tr("no version in the customer's form of address")))
                continue
            values = variables_for(conversation, settings.agent_name, settings.company_name, typed)
            rendered = render(chosen, conversation.channel, values)
            if rendered.unfilled:
                missing = ", ".join(rendered.unfilled)
                result.skipped.append((who, self.tr("values missing: {0}").replace("{0}", missing)))
                continue
            audience = self._audience(conversation, chosen)
            if not measure(rendered.text, conversation.channel, audience).valid:
                result.skipped.append((who, self.tr("too long for {0}").replace("{0}", conversation.channel.value)))
                continue
            await self._ops.send(conversation_id, rendered.text, audience)
            result.sent.append(conversation_id)
        self._messages.show_message(self._describe(result))
        self.topic_answered.emit(result)
        return result

    @staticmethod
    def _audience(conversation: Conversation, template: Template) -> Audience:
        return template.audience or conversation.audience

    def _describe(self, result: TopicAnswer) -> str:
        text = self.tr("Replies queued for {n} customers.").replace("{n}", str(len(result.sent)))
        if result.skipped:
            names = "; ".join(f"{who}: {why}" for who, why in result.skipped)
            text += " " + self.tr("Not sent to: {0}").replace("{0}", names)
        return text

    # --- the storm alarm ------------------------------------------------------------------------------
    def _storm(self, storm: Storm) -> None:
        self._tasks.run(self._show_storm(storm), what="showing the storm alarm")

    async def _show_storm(self, storm: Storm) -> None:
        examples = []
        for conversation_id in storm.example_conversation_ids:
            conversation = await self._ops.conversation(conversation_id)
            inbound = [m for m in conversation.messages if m.direction.value == "inbound"] if conversation else []
            if conversation and inbound:
                text = " ".join(inbound[-1].text.split())
                examples.append(f"{conversation.customer.handle}: {text[:_EXAMPLE_CHARS]}")
        pr = (await self._escalation.paths()).get(STORM_PATH)
        self.banner.show_storm(storm, examples, self._escalation.title(pr) if pr else STORM_PATH.upper())
        self.banner.escalate_button.setEnabled(pr is not None)
        self.banner.escalate_button.setToolTip(
            "" if pr else self.tr("The escalation file has no path “pr”: add one to escalate a storm.")
        )
        self.storm_raised.emit(storm)  # the window's notifier tells supervisors on the desktop

    async def escalate(self, storm: Storm) -> None:
        """Each example conversation goes up the PR path, the storm's figures as the reason."""
        pr = (await self._escalation.paths()).get(STORM_PATH)
        if pr is None:
            return
        self.banner.escalate_button.setEnabled(False)
        alarm = storm.alarm
        reason = (
            self.tr("storm on “{topic}”, {rate} angry posts per hour (usually {baseline}).")
            .replace("{topic}", alarm.topic_label)
            .replace("{rate}", f"{alarm.rate:.0f}")
            .replace("{baseline}", f"{alarm.baseline:.0f}")
        )
        for conversation_id in storm.example_conversation_ids:
            await self._escalation.escalate(conversation_id, pr, reason)
        self._messages.show_message(self._escalation.describe(len(storm.example_conversation_ids), pr))

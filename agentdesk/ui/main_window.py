"""The agent window: composes the three panes and connects them to the operations.

It only composes and connects; every read and write is a coroutine of
:class:`agentdesk.sync.operations.Operations` run by the one TaskRunner, so the GUI thread never
waits for the store or the network.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from agentdesk.core.entities import Conversation, Queue, Status
from agentdesk.core.events import AccountState
from agentdesk.core.length.rules import ChannelRules
from agentdesk.store.profile import Role
from agentdesk.sync.monitoring import MonitoringService
from agentdesk.sync.operations import Operations
from agentdesk.sync.triage_service import TriageService
from agentdesk.sync.workspace import Workspace
from agentdesk.ui.charts_view import ChartsView
from agentdesk.ui.conversation_drag import DraggableConversationModel
from agentdesk.ui.conversation_list import ConversationList
from agentdesk.ui.conversation_pane import ConversationPane
from agentdesk.ui.escalation_actions import EscalationActions
from agentdesk.ui.escalations_page import EscalationsPage
from agentdesk.ui.event_bridge import EventBridge
from agentdesk.ui.guidelines_file import GUIDELINES_FILE, USER_WORDS_FILE, load_guidelines
from agentdesk.ui.message_bar import MessageBar
from agentdesk.ui.notifier import Notifier
from agentdesk.ui.out_of_hours import KEY as OUT_OF_HOURS_KEY
from agentdesk.ui.out_of_hours import OutOfHoursOffer
from agentdesk.ui.queue_pane import QueuePane
from agentdesk.ui.reassign_dialog import ReassignFlow
from agentdesk.ui.send_flow import SendFlow
from agentdesk.ui.service_levels import ServiceLevels
from agentdesk.ui.shortcuts_help import show_shortcuts
from agentdesk.ui.status_bar import DeskStatusBar
from agentdesk.ui.supervisor_desk import SupervisorDesk
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.team_board import TeamBoard
from agentdesk.ui.template_actions import TONE_KEYS, TemplateActions
from agentdesk.ui.time_words import set_display_zone
from agentdesk.ui.training_panel import TrainingMenu
from agentdesk.ui.training_trainees import trainees_page
from agentdesk.ui.translations import ui_language
from agentdesk.ui.triage_actions import TriageActions
from agentdesk.ui.triage_widgets import StormBanner, TopicPane

DRAFT_DELAY_MS = 400  # a pause in typing saves the draft ...
DRAFT_MAX_WAIT_MS = 2000  # ... and so does typing on without a pause for this long


class MainWindow(QMainWindow):
    conversation_shown = Signal(int)  # after a conversation (or its refresh) is on screen
    list_reloaded = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ws = workspace
        self.ops = Operations(workspace)
        self.tasks = TaskRunner(self)
        self.bridge = EventBridge(workspace.hub, self)
        self.setWindowTitle(self.tr("AgentDesk"))
        self.resize(1280, 800)

        self.queues = QueuePane()
        self.list_model = DraggableConversationModel(self.ops.rows, self.tasks)  # rows drag onto the team board
        self.service_levels = ServiceLevels(workspace.settings)
        set_display_zone(self.service_levels.calendar.tz)
        self.list = ConversationList(self.list_model, workspace.now, self.service_levels.row_status)
        self.pane = ConversationPane(workspace.now)
        self.editor = self.pane.editor
        self.messages = MessageBar()
        self.status = DeskStatusBar()
        self.setStatusBar(self.status)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        if workspace.settings.role is Role.TRAINEE:
            banner = QLabel(self.tr("TRAINING · sandbox only: nothing you send reaches a real customer"))
            banner.setObjectName("trainingBanner")
            banner.setStyleSheet("background:#E8710A;color:white;font-weight:bold;padding:4px;")
            layout.addWidget(banner)
        layout.addWidget(self.messages)
        self.storm_banner = StormBanner()
        layout.addWidget(self.storm_banner)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._left_column())
        split.addWidget(self.list)
        split.addWidget(self.pane)
        split.setSizes([190, 380, 710])
        split.setStretchFactor(2, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self._shown_id: int | None = None
        # Whose draft the editor holds: set once a conversation's draft is loaded, None while one
        # loads. A draft is saved for this one only, so an editor not yet loaded never empties one.
        self._editor_for: int | None = None
        self._draft_written: asyncio.Task[Any] | None = None  # the last draft write asked for
        self._closing = False
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._draft_max_timer = QTimer(self, singleShot=True, interval=DRAFT_MAX_WAIT_MS)
        self._draft_max_timer.timeout.connect(self.save_draft)
        self._changed: set[int] = set()
        self._membership_changed = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self._apply_changes)
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._files = ThreadPoolExecutor(1, thread_name_prefix="files")  # templates, guidelines
        self.templates = TemplateActions(
            self.editor, self.ops, self.tasks, self.messages, self.shown_conversation, self._files, self
        )
        self.send_flow = SendFlow(self.editor, self.ops, self.tasks, lambda: self._editor_for, self)
        self._topic: int | None = None  # a topic picked in the topic view lists that topic instead of a queue
        self.escalation = EscalationActions(
            self.ops, self.tasks, self.messages, self._files, self.shown_conversation, self._own_change, self
        )
        self.triage = TriageActions(
            TriageService(workspace),
            self.ops,
            self.tasks,
            self.messages,
            self.topic_pane,
            self.storm_banner,
            lambda: self.templates.library,
            self.escalation,
            self,
        )
        self.notifier = Notifier(
            self.ops, self.tasks, self.messages, self.service_levels, self._files, self._open_from_notice, self
        )
        self.out_of_hours = OutOfHoursOffer(
            self.editor,
            self.templates,
            self.service_levels,
            workspace.now,
            self.shown_conversation,
            self.messages,
            workspace.settings,
        )
        self.reassigning = ReassignFlow(self.ops, self.tasks, self)
        self.reassigning.done.connect(self.messages.show_message)
        self.monitoring = MonitoringService(workspace)  # saved searches of the platform accounts
        self.editor.set_user_words_path(workspace.data_dir / USER_WORDS_FILE)
        self._connect()
        self._shortcuts()
        self._menus()
        self.training: TrainingMenu | None = None
        self.desk: SupervisorDesk | None = None
        if workspace.settings.role is Role.TRAINEE and workspace.sandbox is not None:  # practice is for trainees
            self.training = TrainingMenu(self, workspace.sandbox.world)
        for error in workspace.load_errors:
            self.messages.show_message(self.tr("A scenario file was skipped: {0}").replace("{0}", error))
        for state in workspace.engine.states():
            self.status.set_account_state(state)
        self.status.set_opening_hours(self.service_levels.opening_hours(ui_language()))
        if self.service_levels.error:
            self.messages.show_message(
                self.tr("The opening hours in the settings cannot be read ({0}); Mon–Fri 8–18 applies.").replace(
                    "{0}", self.service_levels.error
                )
            )
        if self.notifier.error:
            self.messages.show_message(
                self.tr("Your working hours in the settings cannot be read ({0}); the opening hours apply.").replace(
                    "{0}", self.notifier.error
                )
            )
        self._tick()

    # --- wiring ----------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.queues.queue_selected.connect(lambda _q: self._show_queue())
        self.topic_pane.topic_selected.connect(self.show_topic)
        self.storm_banner.show_topic.connect(self.topic_pane.select_topic)
        self.list.query_changed.connect(self.reload_list)
        self.list.conversation_selected.connect(self.open_conversation)
        self.editor.draft_edited.connect(self._draft_edited)
        self.pane.assign_to_me.connect(self.assign_to_me)
        self.pane.resolve.connect(lambda: self._set_status(Status.RESOLVED))
        self.pane.mark_spam.connect(lambda: self.mark_spam(True))
        self.pane.monitoring.take.connect(self.take_match)
        self.pane.monitoring.dismiss.connect(self.dismiss_match)
        self.pane.escalate.connect(self.escalation.open_dialog)
        self.pane.message_action.connect(self._message_action)
        self.tasks.failed.connect(self.messages.show_message)
        self.bridge.conversations_changed.connect(self._on_changed)
        self.bridge.account_state_changed.connect(self._on_account_state)
        self.bridge.outbox_changed.connect(lambda _cid: self._refresh_outbox())
        self.bridge.canned_responses_changed.connect(lambda _account: self.templates.canned_changed())
        self.bridge.account_state_changed.connect(lambda _state: self.notifier.account_state_changed())
        self.conversation_shown.connect(self.notifier.conversation_shown)
        self.conversation_shown.connect(lambda _cid: self.out_of_hours.check())
        self.triage.storm_raised.connect(self.notifier.storm)

    def _shortcuts(self) -> None:
        keys = {
            "J": lambda: self.list.step(1),
            "K": lambda: self.list.step(-1),
            "R": self.editor.focus_editor,
            "Ctrl+K": self.list.focus_search,
            "E": lambda: self._set_status(Status.RESOLVED),
            "Shift+A": self.assign_to_me,
            "S": lambda: self.mark_spam(True),
            "Shift+S": lambda: self.mark_spam(False),
            "Shift+E": self.escalation.open_dialog,
            "Shift+T": self.take_match,
            "Shift+D": self.dismiss_match,
            "?": lambda: show_shortcuts(self),
            "Escape": self.list.view.setFocus,
        }
        for number, tone in enumerate(TONE_KEYS, start=1):
            keys[f"Alt+{number}"] = lambda tone=tone: self.templates.switch_tone(tone)
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self, activated=slot)

    def _menus(self) -> None:
        # Keys given here belong to the menu action alone: a second binding would make Qt fire neither.
        menu = self.menuBar().addMenu(self.tr("&AgentDesk"))
        menu.addAction(self.tr("Insert template …"), QKeySequence("Ctrl+T"), self.templates.open_picker)
        menu.addAction(self.tr("Manage templates …"), self.templates.manage)
        menu.addAction(self.tr("Answer topic with a template …"), QKeySequence("Ctrl+Shift+T"), self.answer_topic)
        accounts = menu.addAction(self.tr("Accounts …"), self.open_accounts)
        accounts.setEnabled(self.ws.settings.role is not Role.TRAINEE)  # training never holds a real account
        searches = menu.addAction(self.tr("Saved searches …"), self.open_saved_searches)
        searches.setEnabled(self.ws.settings.role is not Role.TRAINEE)
        if self.ws.settings.role is Role.SUPERVISOR:
            menu.addAction(self.tr("Supervisor desk …"), QKeySequence("Ctrl+Shift+D"), self.open_desk)
        menu.addAction(self.tr("Reassign …"), QKeySequence("Shift+R"), self.reassign)
        menu.addAction(self.tr("Insert out-of-hours reply"), QKeySequence(OUT_OF_HOURS_KEY), self.out_of_hours.insert)
        self.notifier.add_menu(menu)
        preferences = menu.addAction(self.tr("Preferences …"), self.open_preferences)
        preferences.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")]
        )
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        menu.addSeparator()
        menu.addAction(self.tr("Keyboard shortcuts"), lambda: show_shortcuts(self))
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), QKeySequence("Ctrl+Q"), self.close)

    # --- loading ---------------------------------------------------------------------------------
    def reload_list(self) -> None:
        self.tasks.run(self._reload_list(), what="loading the queue")

    async def _reload_list(self) -> None:
        queue = self.queues.current_queue()
        counts = await self.ops.queue_counts()
        ids = await self.ops.conversation_ids(queue, self.list.sort_order(), self.list.search_text(), self._topic)
        self.queues.queues.set_counts(counts)
        await self.triage.refresh_topics()
        current = self.list.current_id()
        if ids != self.list_model.ids():
            self.list_model.set_ids(ids)
            if not self.list.select_id(current) and current is None and ids:
                self.list.step(0)
        self.list_reloaded.emit()

    async def initial_load(self) -> None:
        """Everything the first screen shows: counts, the list, and its first conversation opened."""
        self.triage.service.start()
        self.monitoring.start()
        if self.triage.service.error:
            self.messages.show_message(self.triage.service.error)
        await self._reload_list()
        if self.list_model.rowCount() == 0:
            self.queues.setCurrentIndex(self.queues.queues.index(self.queues.queues.row_of(Queue.ALL_OPEN)))
            await self._reload_list()
        if self.list.current_id() is None and self.list_model.rowCount():
            self.list.step(0)
        if self._shown_id is not None:
            await self._show(self._shown_id, same_as_before=False)
        await self._refresh_outbox_counts()
        self.notifier.account_state_changed()  # the first pass may be over already
        # Everything built so far lives as long as the window: keep it out of the garbage
        # collector's full passes, which otherwise stall the GUI thread for tens of milliseconds.
        gc.freeze()
        # Not needed for the first screen: read the templates and guidelines once it is up.
        self.tasks.run(self.templates.load(), what="loading templates")
        self.tasks.run(self._load_guidelines(), what="loading the guidelines")
        self.tasks.run(self.escalation.paths(), what="loading the escalation paths")

    async def _load_guidelines(self) -> None:
        """The company's guidelines file if there is one; a broken one is named, the defaults apply."""
        guidelines, error = await load_guidelines(self.ws.data_dir, self._files)
        self.editor.set_guidelines(guidelines)
        if error is not None:
            self.messages.show_message(
                self.tr("{file}, {reason}. The standard guidelines apply until it is fixed.")
                .replace("{file}", str(self.ws.data_dir / GUIDELINES_FILE))
                .replace("{reason}", str(error))
            )

    def open_preferences(self) -> None:
        from agentdesk.ui.settings_apply import open_preferences

        self.preferences = open_preferences(self, self._files)

    def settings_changed(self) -> None:
        """Saved preferences: the status bar's hours, the queues (my name), and the conversation on
        screen opened again, its draft written first, so its due time and Sie/du follow."""
        self.status.set_opening_hours(self.service_levels.opening_hours(ui_language()))
        self.reload_list()
        if self._shown_id is not None:
            self.save_draft()
            self.tasks.run(self._show(self._shown_id, same_as_before=False), what="opening the conversation again")

    def open_saved_searches(self) -> None:
        from agentdesk.ui.saved_searches_dialog import SavedSearchesDialog

        dialog = SavedSearchesDialog(self.monitoring, self.tasks.run, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_accounts(self) -> None:
        from agentdesk.sync.account_setup import AccountSetup  # the connector loads on first use
        from agentdesk.ui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(AccountSetup(self.ws), self.tasks.run, parent=self)
        dialog.changed.connect(self.reload_list)
        dialog.open()

    def open_desk(self) -> None:
        """The supervisor's desk, built on first use and kept, so its tabs keep their state."""
        if self.desk is None:
            self.desk = SupervisorDesk(self)
            board = TeamBoard(self.ops, self.tasks, self.service_levels, self.bridge, self.ws.accounts, self.desk)
            board.notice_changed.connect(self.desk.set_notice)
            self.desk.add_page(board, self.tr("Team"))
            self.escalations = EscalationsPage(self.ops, self.tasks, self.escalation, self.open_conversation)
            self.bridge.conversations_changed.connect(lambda _ids, _membership: self.escalations.changed())
            self.desk.add_page(self.escalations, self.tr("Escalations"))
            self.desk.add_page(ChartsView(self.ops, self.tasks, self.service_levels), self.tr("Charts"))
            self.desk.add_page(trainees_page(self.ws.data_dir, self.tasks), self.tr("Trainees"))
        self.desk.show()
        self.desk.raise_()
        self.desk.activateWindow()

    def _account_rules(self, account_id: int) -> ChannelRules | None:
        """The account's own limits (a Mastodon instance's, read when it was added)."""
        account = next((a for a in self.ws.accounts if a.id == account_id), None)
        return None if account is None else ChannelRules.from_settings(account.settings)

    def _known_names(self, conversation: Conversation) -> frozenset[str]:
        """Names that are neither spelling mistakes nor shouting: ours and the customer's."""
        settings = self.ws.settings
        names = {settings.company_name, settings.agent_name, conversation.customer.name, conversation.customer.handle}
        return frozenset(word for name in names for word in name.replace("@", " ").split() if word)

    def open_conversation(self, conversation_id: int) -> None:
        if conversation_id == self._shown_id:
            return
        self.save_draft()
        self._shown_id = conversation_id
        self._editor_for = None
        self.tasks.run(self._show(conversation_id, same_as_before=False), what="opening the conversation")

    async def _show(self, conversation_id: int, *, same_as_before: bool) -> None:
        if same_as_before and self._editor_for != conversation_id:
            return  # still loading: the load shows the newest state, with the draft
        if not same_as_before:
            await self._drafts_saved()
        conversation = await self.ops.conversation(conversation_id)
        draft = None if same_as_before else await self.ops.draft(conversation_id)
        matched = None
        if conversation is not None and conversation.status is Status.MONITORING:
            matched = await self.ops.monitoring_reasons(conversation_id)
        if conversation is None or conversation_id != self._shown_id:
            return
        # From here on no await: the pane, the editor and whose draft it holds change together.
        due = self.service_levels.due_words(conversation.waiting_since, self.ws.now(), ui_language())
        self.pane.show_conversation(conversation, self.ws.me, same_as_before=same_as_before, due=due)
        if matched is not None:
            self.pane.monitoring.show_reasons(matched)
        else:
            self.pane.monitoring.hide()
        if same_as_before:
            changes = self.send_flow.changes(conversation)
            if changes:  # someone else changed it while the agent writes: say so at once
                self.messages.show_message(self.send_flow.describe(changes))
        else:
            self.send_flow.opened(conversation)
            self.editor.set_context(
                conversation.channel,
                conversation.audience,
                form_of_address=conversation.customer.form_of_address
                or self.ws.settings.default_form_of_address.get(conversation.channel.value, ""),
                language=ui_language(),
                known_names=self._known_names(conversation),
                rules=self._account_rules(conversation.account_id),
                mention=conversation.customer.handle,
            )
            self.templates.forget_inserted()
            self.editor.set_text(draft.text if draft else "")
            if draft:
                self.editor.set_audience(draft.audience)
            self._editor_for = conversation_id
            await self.ops.mark_read(conversation_id)
        self.conversation_shown.emit(conversation_id)

    # --- writes ----------------------------------------------------------------------------------
    def _draft_edited(self) -> None:
        self._draft_timer.start()  # ("/" at the start opens the template picker: EditorTemplates)
        if not self._draft_max_timer.isActive():
            self._draft_max_timer.start()

    def save_draft(self) -> None:
        """Write the draft now (also before switching conversations and at quit)."""
        self._draft_timer.stop()
        self._draft_max_timer.stop()
        if self._editor_for is not None:
            write = self.ops.save_draft(self._editor_for, self.editor.text(), self.editor.audience())
            self._draft_written = self.tasks.run(write, what="saving the draft") or self._draft_written

    async def _drafts_saved(self) -> None:
        """Every draft write asked for so far has landed (the store writes them in order): a draft
        read after this finds what was typed, however quickly the agent went back and forth."""
        if self._draft_written is not None and not self._draft_written.done():
            await asyncio.wait([self._draft_written])  # a failure is the runner's to report

    def assign_to_me(self) -> None:
        if self._shown_id is not None:
            self.notifier.own_assignment(self._shown_id)
            self.tasks.run(self._own_change(self.ops.assign_to_me(self._shown_id)), what="assigning")

    def reassign(self) -> None:
        """Shift+R: the selected conversations (or the one shown) to a colleague, with a note."""
        self.reassigning.open_dialog(self.list.selected_ids())

    def take_match(self) -> None:
        """A monitoring match becomes a request: open, in the queue, on the service-level clock."""
        if self.pane.monitoring.isVisible():
            self._set_status(Status.OPEN)

    def dismiss_match(self) -> None:
        if self.pane.monitoring.isVisible():
            self._set_status(Status.RESOLVED)

    def _set_status(self, status: Status) -> None:
        if self._shown_id is not None:
            self.tasks.run(self._own_change(self.ops.set_status(self._shown_id, status)), what="changing the status")

    async def _own_change(self, change: Awaitable[object]) -> None:
        """The agent's own assign or status change is something they know: no conflict on Send."""
        shown = self._shown_id
        await change
        conversation = await self.ops.conversation(shown) if shown is not None else None
        if conversation is not None and shown == self._shown_id:
            self.send_flow.opened(conversation)

    def _message_action(self, action: str, message_id: int) -> None:
        self.tasks.run(self._run_message_action(action, message_id), what="the outbox")

    async def _run_message_action(self, action: str, message_id: int) -> None:
        command_id = await self.ops.command_for_message(message_id)
        if command_id is None:
            return
        if action == "retry":
            await self.ops.retry(command_id)
        elif action in ("edit", "discard"):
            text = await self.ops.discard(command_id)
            if action == "edit":
                self.editor.set_text(text)
                self.editor.focus_editor()
                self._draft_edited()

    # --- triage: spam lessons, topics --------------------------------------------------------------
    def _left_column(self) -> QWidget:
        """The queues, and under them the open conversations grouped by topic."""
        self.topic_pane = TopicPane()
        column = QSplitter(Qt.Orientation.Vertical)
        column.addWidget(self.queues)
        column.addWidget(self.topic_pane)
        column.setSizes([220, 260])
        return column

    def mark_spam(self, is_spam: bool) -> None:
        """s: Mark spam; Shift+S: Not spam, back to the open queue. Both teach the spam filter."""
        if self._shown_id is not None:
            self.tasks.run(self._own_change(self.triage.mark(self._shown_id, is_spam)), what="marking spam")

    def show_topic(self, topic_id: int) -> None:
        self._topic = topic_id
        self.queues.clearSelection()
        self.reload_list()

    def _show_queue(self) -> None:
        self._topic = None
        self.topic_pane.clear_selection()
        self.reload_list()

    def answer_topic(self) -> None:
        """Ctrl+Shift+T on a topic: pick one template, each customer gets their own reply."""
        conversation = self.shown_conversation()
        library = self.templates.library
        if self._topic is None or conversation is None or library is None:
            self.messages.show_message(self.tr("Pick a topic first: the reply goes to all its conversations."))
            return
        from agentdesk.ui.template_picker import TemplatePicker

        picker = TemplatePicker(
            library,
            channel=conversation.channel,
            audience=conversation.audience,
            language=conversation.language or conversation.customer.language or "de",
            address=conversation.customer.form_of_address,
            variables={},
            parent=self,
        )
        picker.setWindowTitle(self.tr("Answer the whole topic"))
        ids = list(self.list_model.ids())
        picker.template_chosen.connect(
            lambda template_id, _text: self.tasks.run(
                self.triage.answer_topic(ids, library.get(template_id), picker.values()), what="answering the topic"
            )
        )
        self.topic_picker = picker
        picker.open()  # never exec(): no nested event loop under qasync

    # --- live updates ------------------------------------------------------------------------------
    def _on_changed(self, ids: frozenset[int], membership: bool) -> None:
        if self._closing:
            return
        self._changed |= ids
        self._membership_changed |= membership
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _apply_changes(self) -> None:
        changed, self._changed = self._changed, set()
        membership, self._membership_changed = self._membership_changed, False
        self.list_model.refresh_rows(changed)
        self.notifier.changed(changed)
        if membership:
            self.reload_list()
        if self._shown_id in changed:
            self.tasks.run(self._show(self._shown_id, same_as_before=True), what="refreshing the conversation")

    def _on_account_state(self, state: AccountState) -> None:
        self.status.set_account_state(state)

    def _refresh_outbox(self) -> None:
        self.tasks.run(self._refresh_outbox_counts(), what="reading the outbox")

    async def _refresh_outbox_counts(self) -> None:
        counts = await self.ops.outbox_counts()
        self.status.set_outbox(counts["pending"] + counts["sending"], counts["failed"])

    def _tick(self) -> None:
        self.status.set_clock(self.ws.now(), simulated=self.ws.sandbox is not None and self.ws.sandbox_only)
        self.list.view.viewport().update()  # waiting times move on
        self.notifier.tick()  # and some of mine turn at risk

    def _open_from_notice(self, conversation_id: int) -> None:
        """A click on a notification: in the list if it is there, else straight in the pane."""
        if not self.list.select_id(conversation_id):
            self.open_conversation(conversation_id)

    def shown_conversation(self) -> Conversation | None:
        return self.pane.conversation

    async def shutdown(self) -> None:
        """Save the draft for good, stop background work and timers; the app closes the profile next."""
        if self._closing:
            return
        self._closing = True
        if self.desk is not None:
            self.desk.close()  # its board reads no more
        self._draft_timer.stop()
        self._draft_max_timer.stop()
        self._clock_timer.stop()
        self._refresh_timer.stop()
        if self._editor_for is not None:
            await self.ops.save_draft(self._editor_for, self.editor.text(), self.editor.audience())
        await self.tasks.cancel_all()
        await self.triage.service.stop()
        await self.monitoring.stop()
        self._files.shutdown(wait=False, cancel_futures=True)
        self.bridge.detach()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self.save_draft()
        super().closeEvent(event)

"""Training for trainee profiles: pick a scenario, practise it with the real reply editor, get a score.

The practice drives the pure :class:`ScenarioPlayer` (the same one ``agentdesk train`` runs
headless), so the GUI and the CLI score a reply alike. Its simulated time is a :class:`SimClock`
that starts at the scenario's start and runs at the sandbox clock's pace (pause, 1×, 10×, 60×):
changing the pace changes both the sandbox world and the practice, so the trainee practises
against one clock. The customer's follow-ups appear when that clock reaches them, and a turn the
trainee leaves unanswered is handed to the player as "not answered" when the customer would nudge.

The editor is the window's :class:`ReplyEditor` class with the bundled guidelines, the same ones
the score uses, so counting and findings agree with the score. Templates come from the window's
library (Ctrl+T, "/" at the start, Alt+1…6), filled with the scenario's customer; a long public
reply split into a thread is recorded as its parts and scored part by part.

History and report are written on a files thread (``TrainingFiles``), never on the GUI thread.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, Audience
from agentdesk.core.checks.messages import Language
from agentdesk.core.entities import Conversation, Customer, Status
from agentdesk.core.sim_clock import SimClock
from agentdesk.core.training import Action, Handling, ScenarioPlayer, TrainingScenario, score
from agentdesk.core.training.history import Session, session_of
from agentdesk.sync.lexicons import load_lexicons
from agentdesk.sync.sandbox.training_loader import (
    TRAINING_CALENDAR,
    TrainingSet,
    load_training_scenarios,
    play_context,
)
from agentdesk.sync.sandbox.world import SandboxWorld
from agentdesk.ui.reply_editor import NOTE, ReplyEditor
from agentdesk.ui.time_words import local
from agentdesk.ui.training_files import (
    HISTORY_FILE,
    HistoryError,
    TrainingFiles,
    read_history,
    save_session,
    set_team_folder,
    share_history,
)
from agentdesk.ui.training_report import HistoryDialog, ScoreDialog
from agentdesk.ui.translations import ui_language

if TYPE_CHECKING:
    from agentdesk.ui.main_window import MainWindow

SPEEDS = (0.0, 1.0, 10.0, 60.0)  # pause, then the paces a trainer asked for
TICK_MS = 250  # fine enough that a follow-up at 60× appears within a quarter of a simulated minute


def utc_now() -> datetime:
    return datetime.now(UTC)


class TrainingClock(QObject):
    """The sandbox world's pace, shared by the clock controls and a running practice."""

    speed_changed = Signal(float)

    def __init__(self, world: SandboxWorld, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.world = world

    @property
    def speed(self) -> float:
        return self.world.clock().speed

    def now(self) -> datetime:
        return self.world.clock().now(utc_now())

    def set_speed(self, speed: float) -> None:
        self.world.set_speed(speed, utc_now())
        self.speed_changed.emit(speed)


class ClockControl(QWidget):
    """Pause / 1× / 10× / 60× and the simulated time; the pressed button says the pace (not colour)."""

    def __init__(self, clock: TrainingClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.time_label = QLabel()
        self.time_label.setObjectName("trainingClockTime")
        self.buttons = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Clock:")))
        for speed in SPEEDS:
            button = QPushButton(self.tr("⏸ Pause") if speed == 0 else f"{speed:g}×")
            button.setCheckable(True)
            button.setToolTip(self.tr("Pause the simulated clock") if speed == 0 else self.tr("Simulated speed"))
            self.buttons.addButton(button)
            button.clicked.connect(lambda _checked=False, speed=speed: self.clock.set_speed(speed))
            layout.addWidget(button)
        layout.addWidget(self.time_label, 1)
        clock.speed_changed.connect(self._show_speed)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._show_time)
        self._timer.start()
        self._show_speed(clock.speed)

    def _show_speed(self, speed: float) -> None:
        for button, value in zip(self.buttons.buttons(), SPEEDS, strict=True):
            button.setChecked(value == speed)
        self._show_time()

    def _show_time(self) -> None:
        self.time_label.setText(
            self.tr("Simulated time {time}").replace("{time}", local(self.clock.now()).strftime("%d.%m. %H:%M"))
        )


class PracticeDialog(QDialog):
    """One scenario played with the real editor; "Finish" scores it, keeps it and shows the score."""

    def __init__(self, player: ScenarioPlayer, clock: TrainingClock, window: MainWindow, files: TrainingFiles) -> None:
        super().__init__(window)
        self.setObjectName("trainingPractice")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closing without Finish abandons the practice
        self.player = player
        self.window_ = window
        self.files = files
        scenario = player.scenario
        self.setWindowTitle(self.tr("Training: {title}").replace("{title}", scenario.title))
        self.resize(720, 720)
        # The practice's own simulated time: from the scenario's start, at the sandbox's pace.
        self._sim = SimClock(utc_now(), player.turns[0].arrived, clock.speed)
        clock.speed_changed.connect(self._speed_changed)

        about = QLabel(
            f"{CHANNEL_NAMES[scenario.channel]} · {scenario.persona.name} {scenario.persona.handle}"
            + (f"\n{scenario.summary}" if scenario.summary else "")
        )
        about.setWordWrap(True)
        self.time_label = QLabel()
        self.time_label.setObjectName("practiceTime")
        self.thread_view = QTextBrowser()
        self.thread_view.setObjectName("practiceThread")
        self.status = QLabel()
        self.status.setObjectName("practiceStatus")
        self.editor = ReplyEditor()
        self.templates = window.templates.for_editor(self.editor, self.conversation, values=self._template_values)
        self.templates.install_keys(self)
        self.spam_button = QPushButton(self.tr("Mark as spam"))
        self.escalate_button = QPushButton(self.tr("Escalate"))
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setObjectName("practiceFinish")
        actions = QHBoxLayout()
        actions.addWidget(self.spam_button)
        actions.addWidget(self.escalate_button)
        actions.addStretch(1)
        actions.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(ClockControl(clock))
        layout.addWidget(self.time_label)
        layout.addWidget(self.thread_view, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.editor, 1)
        layout.addLayout(actions)

        self.editor.send_requested.connect(self._reply)
        self.editor.thread_requested.connect(self._thread)
        self.spam_button.clicked.connect(lambda: self._act(Action.SPAM))
        self.escalate_button.clicked.connect(lambda: self._act(Action.ESCALATE))
        self.finish_button.clicked.connect(self.finish)
        self._context_turn = 0  # the turn the editor was last set up for
        self._shown = ""
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.tick()

    def now(self) -> datetime:
        """The practice's simulated time."""
        return self._sim.now(utc_now())

    def _speed_changed(self, speed: float) -> None:
        self._sim = self._sim.with_speed(speed, utc_now())

    def waiting_turn_shown(self) -> bool:
        """True when the customer's current turn is on screen, so the trainee can answer it."""
        turn = self.player.current
        return turn is not None and turn.messages[0].at <= self.now()

    def tick(self) -> None:
        """Time passes: an unanswered turn nudges per the scenario; arrived messages show."""
        now = self.now()
        nudge = self.player.next_nudge()
        turn = self.player.current
        if nudge is not None and turn is not None and now >= nudge:
            self.player.handle(Handling(Action.SKIP, nudge - turn.arrived))
        self.time_label.setText(
            self.tr("Scenario time {time}").replace("{time}", local(now).strftime("%a %d.%m. %H:%M"))
        )
        self._render(now)

    def _render(self, now: datetime) -> None:
        html = self._thread_html(now)
        if html != self._shown:
            self._shown = html
            self.thread_view.setHtml(html)
            self.thread_view.verticalScrollBar().setValue(self.thread_view.verticalScrollBar().maximum())
        answerable = self.waiting_turn_shown()
        for widget in (self.editor, self.spam_button, self.escalate_button):
            widget.setEnabled(answerable)
        turn = self.player.current
        if answerable and turn is not None and turn.number != self._context_turn:
            self._context_turn = turn.number
            self._set_editor_context()
        if self.player.finished and all(a.at <= now for t in self.player.turns for a in t.messages):
            self.status.setText(self.tr("The conversation is over. Click Finish to see your score."))
        elif answerable:
            self.status.setText(self.tr("Your turn: answer the customer."))
        else:
            self.status.setText(self.tr("Waiting for the customer …"))

    def conversation(self) -> Conversation | None:
        """The scenario's customer as a conversation, for the template picker: name, handle, Sie/du."""
        turn = self.player.current
        if turn is None:
            return None
        scenario = self.player.scenario
        persona = scenario.persona
        source = f"training:{scenario.id}"
        customer = Customer(
            0,
            0,
            source,
            persona.name,
            persona.handle,
            scenario.channel,
            persona.followers,
            scenario.language,
            turn.form,
        )
        first = self.player.turns[0].arrived
        return Conversation(
            0, 0, source, scenario.channel, turn.audience, customer, Status.OPEN, "", "", first, turn.arrived, None,
            language=scenario.language,
        )  # fmt: skip

    def _template_values(self, conversation: Conversation) -> dict[str, str]:
        """The window's variables but the conversation number: a practice has none to quote."""
        values = self.window_.templates.values(conversation)
        values.pop("conversation.id", None)
        return values

    def _set_editor_context(self) -> None:
        turn = self.player.current
        assert turn is not None
        self.templates.forget_inserted()
        scenario = self.player.scenario
        language: Language = "de" if ui_language() == "de" else "en"
        self.editor.set_context(
            scenario.channel,
            turn.audience,
            form_of_address=turn.form if scenario.language == "de" else "",
            language=language,
            known_names=self.player.known_names,
        )
        note = self.editor.mode.findData(NOTE)
        if note >= 0:  # nobody reads an internal note in a practice; the score ignores it
            self.editor.mode.removeItem(note)

    def _thread_html(self, now: datetime) -> str:
        """Arrived customer messages and the trainee's handlings, in order; all text escaped."""
        scenario = self.player.scenario
        private = escape(self.tr("private"))
        you = escape(self.tr("You"))
        parts = ["<html><body>"]
        for turn in self.player.turns:
            for arrival in turn.messages:
                if arrival.at > now:
                    break
                author = escape(arrival.message.author or scenario.persona.name)
                tag = f" <i>[{private}]</i>" if turn.audience is Audience.PRIVATE else ""
                parts.append(
                    f"<p><b>{author}</b>{tag} <small>{local(arrival.at):%H:%M}</small><br>"
                    f"{escape(arrival.message.text).replace(chr(10), '<br>')}</p>"
                )
            handling = turn.handling
            if handling is None or handling.action is Action.SKIP:
                continue
            at = f"{local(turn.arrived + handling.after):%H:%M}"
            if handling.action is Action.REPLY:
                tag = f" <i>[{private}]</i>" if handling.audience is Audience.PRIVATE else ""
                posts = [escape(post).replace("\n", "<br>") for post in handling.parts or (handling.text,)]
            else:
                tag = ""
                posts = [escape(self.tr("Marked as spam") if handling.action is Action.SPAM else self.tr("Escalated"))]
            parts += [f"<p align='right'><b>{you}</b>{tag} <small>{at}</small><br>{post}</p>" for post in posts]
        parts.append("</body></html>")
        return "".join(parts)

    def _handle(self, handling: Handling) -> None:
        if not self.waiting_turn_shown():
            return
        self.player.handle(handling)
        self.editor.set_text("")
        self._render(self.now())

    def _elapsed(self) -> timedelta:
        turn = self.player.current
        assert turn is not None
        return max(timedelta(0), self.now() - turn.arrived)

    def _reply(self, text: str, audience: Audience, _note: bool) -> None:
        if self.waiting_turn_shown():
            self._handle(Handling(Action.REPLY, self._elapsed(), text, audience))

    def _thread(self, parts: list[str], _audience: Audience) -> None:
        """The reply went out as a thread (the editor's split): its parts are the reply."""
        if self.waiting_turn_shown():
            self._handle(Handling.thread(self._elapsed(), tuple(parts)))

    def _act(self, action: Action) -> None:
        if self.waiting_turn_shown():
            self._handle(Handling(action, self._elapsed()))

    def finish(self) -> ScoreDialog:
        """Score the play (unanswered turns count as not answered), show the score, keep it (files thread)."""
        self._timer.stop()
        result = score(self.player, TRAINING_CALENDAR)
        session = session_of(self.player, result, utc_now())
        self.window_.tasks.run(keep_session(self.window_, self.files, session), what="saving the training history")
        dialog = ScoreDialog(session, self.window_)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): no nested event loop under qasync
        self.close()
        return dialog


class TrainingPanel(QDialog):
    """The scenarios to practise (title, language, channel), the clock, and the way to the history."""

    def __init__(self, window: MainWindow, clock: TrainingClock, files: TrainingFiles, training: TrainingSet) -> None:
        super().__init__(window)
        self.setObjectName("trainingPanel")
        self.setWindowTitle(self.tr("Training"))
        self.resize(640, 480)
        self.window_ = window
        self.clock = clock
        self.files = files
        for error in training.errors:
            window.messages.show_message(self.tr("A training scenario was skipped: {0}").replace("{0}", error))
        self.scenarios: dict[str, TrainingScenario] = {s.id: s for s in training.scenarios}
        self.list = QTreeWidget()
        self.list.setObjectName("trainingScenarios")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Scenario"), self.tr("Language"), self.tr("Channel")])
        self.list.setColumnWidth(0, 400)
        self._items: dict[str, QTreeWidgetItem] = {}
        for scenario in training.scenarios:
            item = QTreeWidgetItem([scenario.title, scenario.language.upper(), CHANNEL_NAMES[scenario.channel]])
            item.setToolTip(0, scenario.summary)
            item.setData(0, Qt.ItemDataRole.UserRole, scenario.id)
            self._items[scenario.id] = item
            self.list.addTopLevelItem(item)
        if training.scenarios:
            self.list.setCurrentItem(self._items[training.scenarios[0].id])
        self.start_button = QPushButton(self.tr("Start practice"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_clicked)
        self.list.itemActivated.connect(lambda *_: self._start_clicked())
        history = QPushButton(self.tr("History && report …"))
        history.clicked.connect(lambda: window.tasks.run(open_history(window, files), what="reading the history"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(history, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(ClockControl(clock))
        layout.addWidget(buttons)

    def select(self, scenario_id: str) -> None:
        """Make ``scenario_id`` the one "Start practice" opens (for a trainer's hint, and tests)."""
        if scenario_id in self._items:
            self.list.setCurrentItem(self._items[scenario_id])

    def _start_clicked(self) -> None:
        self.window_.tasks.run(self.start_practice(), what="starting the practice")

    async def start_practice(self) -> PracticeDialog | None:
        """Open the practice for the selected scenario; word lists and guidelines load off the GUI thread."""
        item = self.list.currentItem()
        if item is None:
            return None
        scenario = self.scenarios[item.data(0, Qt.ItemDataRole.UserRole)]
        lexicons = await asyncio.get_running_loop().run_in_executor(None, load_lexicons)
        language: Language = "de" if ui_language() == "de" else "en"
        context = await self.files.run(play_context, lexicons, language, self.window_.ws.settings.company_name)
        dialog = PracticeDialog(ScenarioPlayer(scenario, context), self.clock, self.window_, self.files)
        dialog.show()
        return dialog


async def keep_session(window: MainWindow, files: TrainingFiles, session: Session) -> None:
    """Add the session to the history (and the team folder's copy); say what went wrong, lose nothing."""

    try:
        saved = await files.run(save_session, window.ws.data_dir, session, window.ws.settings.agent_name)
    except OSError as exc:  # the score is on screen all the same
        window.messages.show_message(
            QCoreApplication.translate("TrainingPanel", "The training history could not be saved: {0}").replace(
                "{0}", str(exc)
            )
        )
        return
    if saved.kept_broken is not None and saved.broken_copy is not None:
        window.messages.show_message(
            QCoreApplication.translate(
                "TrainingPanel",
                "History {file} unreadable ({reason}); kept as {copy}, a new history started.",
            )
            .replace("{file}", str(saved.kept_broken.path))
            .replace("{reason}", saved.kept_broken.reason)
            .replace("{copy}", saved.broken_copy.name)
        )
    if saved.team_error:
        window.messages.show_message(
            QCoreApplication.translate(
                "TrainingPanel",
                "No copy for your supervisor in the team folder {0}; it is tried again next time.",
            ).replace("{0}", saved.team_error)
        )


async def open_history(window: MainWindow, files: TrainingFiles) -> HistoryDialog | None:
    """The history view, read on the files thread; a history file that cannot be read is named."""
    try:
        sessions = await files.run(read_history, window.ws.data_dir / HISTORY_FILE)
    except HistoryError as exc:
        window.messages.show_message(
            QCoreApplication.translate("TrainingPanel", "The training history cannot be read: {0}").replace(
                "{0}", str(exc)
            )
        )
        return None
    dialog = HistoryDialog(files, window.tasks, window.ws.settings.agent_name, sessions, window.ws.data_dir, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class TrainingMenu(QObject):
    """The "Training" menu of a trainee window: the panel, the history with its report, the team folder."""

    def __init__(self, window: MainWindow, world: SandboxWorld) -> None:
        super().__init__(window)
        self.window_ = window
        self.clock = TrainingClock(world, self)
        self.files = TrainingFiles()
        self.destroyed.connect(self.files.shutdown)
        self.panel: TrainingPanel | None = None
        menu = window.menuBar().addMenu(self.tr("&Training"))
        menu.addAction(
            self.tr("Practise a scenario …"),
            lambda: window.tasks.run(self.open_panel(), what="reading the training scenarios"),
        )
        menu.addAction(
            self.tr("History && report …"),
            lambda: window.tasks.run(open_history(window, self.files), what="reading the history"),
        )
        menu.addAction(self.tr("Team folder for your supervisor …"), self.choose_team_folder)

    async def open_panel(self) -> TrainingPanel:
        """The scenario list; the scenario files are read on the files thread the first time."""
        if self.panel is None:
            training = await self.files.run(load_training_scenarios)
            if self.panel is None:  # a second click while the files were read
                self.panel = TrainingPanel(self.window_, self.clock, self.files, training)
        self.panel.show()
        self.panel.raise_()
        return self.panel

    def choose_team_folder(self) -> QFileDialog:
        """Pick the shared folder a copy of the history lands in after each practice."""
        dialog = QFileDialog(self.window_, self.tr("Team folder for your supervisor"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(
            lambda folder: self.window_.tasks.run(self.set_team_folder(Path(folder)), what="setting the team folder")
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): no nested event loop under qasync
        return dialog

    async def set_team_folder(self, folder: Path) -> None:
        """Keep the choice and copy the history there at once, so the supervisor sees it today."""
        ws = self.window_.ws
        try:
            await self.files.run(set_team_folder, ws.data_dir, folder)
            copy = await self.files.run(share_history, ws.data_dir, ws.settings.agent_name)
        except (OSError, HistoryError) as exc:
            self.window_.messages.show_message(self.tr("The team folder cannot be used: {0}").replace("{0}", str(exc)))
            return
        self.window_.messages.show_message(
            self.tr("After each practice, your training history is copied to {0} for your supervisor.").replace(
                "{0}", str(copy.parent if copy else folder)
            )
        )

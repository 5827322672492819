"""*AgentDesk › Preferences …*: the agent's own settings without editing settings.json.

Four pages: *You* (name, language), *Company* (name, opening hours, time zone, public holidays,
closing days), *Replies* (Sie or du per channel) and *Notifications* (the kinds of the
notifications menu, working hours). Every field is checked as it is typed by
:mod:`agentdesk.core.settings_rules`, the rules ``agentdesk settings set`` uses; a problem is named
under its field and Save stays off until all are fixed. The role is only shown: the team lead
sets it with the CLI, so a trainee cannot leave the sandbox. Open with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, Channel
from agentdesk.core.notifications import NoticeKind
from agentdesk.core.settings_rules import ADDRESS_PREFIX, parse_setting, problem
from agentdesk.core.sla import BusinessCalendar, format_opening_hours
from agentdesk.store.profile import Role, Settings
from agentdesk.ui.translations import ui_language

#: Runs a coroutine for the dialog and calls back with its result (the window's TaskRunner.run).
Run = Callable[..., object]
#: Writes the settings off the GUI thread; returns "" or why it could not.
Save = Callable[[Settings], Coroutine[Any, Any, str]]
PROBLEM_COLOUR = "#B00020"


class PreferencesDialog(QDialog):
    saved = Signal(object)  # Settings, once written to the profile

    def __init__(
        self,
        settings: Settings,
        kinds: dict[NoticeKind, str],
        save: Save,
        run: Run,
        *,
        team_name: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``kinds``: the notification kinds this agent can switch, with their words (the notifier's);
        ``team_name``: (account, name) when a team backend knows the agent by a name of its own."""
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings, self._save, self._run = settings, save, run
        self._busy = False
        self.fields: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        self._pages: dict[str, int] = {}  # field key -> tab index, to mark a page with a problem
        self.tabs = QTabWidget()
        self.tabs.addTab(self._you_page(team_name), self.tr("You"))
        self.tabs.addTab(self._company_page(), self.tr("Company"))
        self.tabs.addTab(self._replies_page(), self.tr("Replies"))
        self.tabs.addTab(self._notifications_page(kinds), self.tr("Notifications"))
        self._titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        self.status = QLabel()
        self.status.setObjectName("preferencesStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for edit in self.fields.values():
            edit.textChanged.connect(self.check)
        self.resize(620, 560)
        self.check()

    # --- pages -----------------------------------------------------------------------------------
    def _you_page(self, team_name: tuple[str, str] | None) -> QWidget:
        page, form = _page()
        if team_name is None:
            hint = self.tr("Templates sign with this name, and the queue Mine lists what is assigned to you under it.")
        else:
            hint = (
                self.tr(
                    "Templates sign with this name. Mine and Assign to me use the name {account} knows you by: {name}."
                )
                .replace("{account}", team_name[0])
                .replace("{name}", team_name[1])
            )
        self._field(form, 0, "agent_name", self.tr("Your name"), self._settings.agent_name, hint)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for label, value in ((self.tr("System language"), ""), ("Deutsch", "de"), ("English", "en")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(self._settings.language)))
        form.addRow(self.tr("Language"), _with_hint(self.language, self.tr("Applies after AgentDesk restarts.")))
        roles = {Role.AGENT: self.tr("Agent"), Role.SUPERVISOR: self.tr("Supervisor"), Role.TRAINEE: self.tr("Trainee")}
        self.role = QLabel(roles[self._settings.role])
        self.role.setObjectName("role")
        command = QLabel("agentdesk settings set role agent|supervisor|trainee")
        command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        command.setStyleSheet("font-family: monospace; color: palette(placeholder-text);")
        hint = self.tr("Your team lead sets the role with this command:")
        form.addRow(self.tr("Role"), _with_hint(self.role, hint, then=command))
        return page

    def _company_page(self) -> QWidget:
        page, form = _page()
        s = self._settings
        self._field(form, 1, "company_name", self.tr("Company name"), s.company_name)
        self.hours_words = QLabel()  # the hours as the status bar will say them
        self.hours_words.setObjectName("openingHoursWords")
        self._field(
            form,
            1,
            "opening_hours",
            self.tr("Opening hours"),
            s.opening_hours,
            self.tr("Days and times, e.g. mon-fri 08:00-18:00; sat 10:00-14:00 (German day names work too)."),
            self.hours_words,
        )
        self.time_zone = self._field(form, 1, "time_zone", self.tr("Time zone"), s.time_zone)
        self._field(
            form,
            1,
            "holidays",
            self.tr("Public holidays"),
            s.holidays,
            self.tr("Country with an optional region, e.g. DE, DE-BY, AT, CH; empty for none."),
        )
        self._field(
            form,
            1,
            "closed_days",
            self.tr("Closing days"),
            s.closed_days,
            self.tr("Separated by commas: 12-24 every year, 2026-12-28 once."),
        )
        note = QLabel(self.tr("Service-level times, badges and the status bar follow at once when you save."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _replies_page(self) -> QWidget:
        page, form = _page()
        intro = QLabel(
            self.tr(
                "How a reply addresses a customer whose Sie or du is not known yet. "
                "A customer's own choice always wins."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.addresses: dict[str, QComboBox] = {}
        for channel in Channel:
            box = QComboBox()
            box.setObjectName(ADDRESS_PREFIX + channel.value)
            box.addItem(self.tr("Sie-Form"), "sie")
            box.addItem(self.tr("Du-Form"), "du")
            box.setCurrentIndex(box.findData(self._settings.default_form_of_address.get(channel.value, "sie")))
            form.addRow(CHANNEL_NAMES[channel], box)
            self.addresses[channel.value] = box
        return page

    def _notifications_page(self, kinds: dict[NoticeKind, str]) -> QWidget:
        page, form = _page()
        self.kinds: dict[NoticeKind, QCheckBox] = {}
        for kind, label in kinds.items():
            box = QCheckBox(label)
            box.setChecked(kind.value not in self._settings.notifications_off)
            form.addRow(box)
            self.kinds[kind] = box
        working = self._field(
            form,
            3,
            "working_hours",
            self.tr("Your working hours"),
            self._settings.working_hours,
            self.tr("Outside them no notification disturbs you. Empty: the opening hours."),
        )
        working.setPlaceholderText(self._settings.opening_hours)
        return page

    def _field(
        self, form: QFormLayout, page: int, key: str, label: str, value: str, hint: str = "", *extra: QWidget
    ) -> QLineEdit:
        """A line edit with its problem (and a hint) underneath, checked by the settings rules."""
        edit = QLineEdit(value)
        edit.setObjectName(key)
        shown = QLabel()
        shown.setObjectName(f"{key}Problem")
        shown.setWordWrap(True)
        shown.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        shown.hide()
        form.addRow(label, _with_hint(edit, hint, *extra, shown))
        self.fields[key], self.problems[key], self._pages[key] = edit, shown, page
        return edit

    def set_time_zones(self, names: list[str]) -> None:
        """Completion for the time zone field (the list is read off the GUI thread)."""
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)

    # --- checking and saving ------------------------------------------------------------------------
    def check(self) -> bool:
        """Every field against its rule; each problem under its field, its page marked, Save off."""
        language = ui_language()
        wrong_pages: set[int] = set()
        for key, edit in self.fields.items():
            found = problem(key, edit.text())
            label = self.problems[key]
            label.setText("⛔ " + found.text(language) if found else "")
            label.setVisible(found is not None)
            if found is not None:
                wrong_pages.add(self._pages[key])
        for index, title in enumerate(self._titles):
            self.tabs.setTabText(index, f"⛔ {title}" if index in wrong_pages else title)
        self._show_hours(language)
        ok = not wrong_pages
        self.save_button.setEnabled(ok)
        self.status.setText("" if ok else self.tr("Fix the fields marked ⛔ to save."))
        return ok

    def _show_hours(self, language: str) -> None:
        """The opening hours as the status bar will say them, so a typo shows before it is saved."""
        text = self.fields["opening_hours"].text()
        try:
            words = format_opening_hours(BusinessCalendar.parse_hours(text), "de" if language == "de" else "en")
        except ValueError:
            words = ""
        self.hours_words.setText(words)
        self.hours_words.setVisible(bool(words))

    def chosen(self) -> Settings:
        """The settings as the dialog shows them (call only while ``check()`` is True)."""
        values: dict[str, Any] = {key: parse_setting(key, edit.text()) for key, edit in self.fields.items()}
        off = [k.value for k, box in self.kinds.items() if not box.isChecked()]
        kept = [k for k in self._settings.notifications_off if k not in {kind.value for kind in self.kinds}]
        return replace(
            self._settings,
            **values,
            language=self.language.currentData(),
            default_form_of_address={ch: box.currentData() for ch, box in self.addresses.items()},
            notifications_off=kept + off,
        )

    def save(self) -> None:
        if not self.check():
            return
        settings = self.chosen()
        self._saving(True)
        self.status.setText(self.tr("Saving …"))
        self._run(self._save(settings), lambda error: self._saved(settings, error), what="saving the preferences")

    def _saving(self, busy: bool) -> None:
        """While the file is written the dialog stays (its answer comes back here)."""
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def _saved(self, settings: Settings, error: str) -> None:
        self._saving(False)
        if error:
            self.status.setText(self.tr("Could not save: {reason}").replace("{reason}", error))
            return
        self.saved.emit(settings)
        self.accept()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def _page() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return page, form


def _with_hint(field: QWidget, hint: str, *below: QWidget, then: QWidget | None = None) -> QWidget:
    """The field, what goes under it (its problem), a grey hint and what the hint introduces, stacked."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 4)
    column.setSpacing(2)
    column.addWidget(field)
    for widget in below:
        column.addWidget(widget)
    if hint:
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        column.addWidget(note)
    if then is not None:
        column.addWidget(then)
    return box

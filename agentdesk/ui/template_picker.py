"""The template picker (Ctrl+T, or ``/`` at the start of an empty reply).

Fuzzy search over the templates that suit the conversation (language, channel, the customer's
Sie or du), a live preview filled with the conversation's real values and counted for its
channel, fields for the values only the agent knows, and Enter inserts.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import measure
from agentdesk.templates import Origin, Rendered, Template, TemplateLibrary, Tone, render, search
from agentdesk.templates.placeholders import PLACEHOLDER

log = logging.getLogger(__name__)
_MARK_START = '<span style="background:#ffd6d6;color:#7a0000;font-weight:bold">'
_Index = QModelIndex | QPersistentModelIndex


def tone_label(tone: Tone) -> str:
    labels = {
        Tone.FORMAL: QCoreApplication.translate("Tones", "formal"),
        Tone.INFORMAL: QCoreApplication.translate("Tones", "informal"),
        Tone.EMPATHETIC: QCoreApplication.translate("Tones", "empathetic"),
        Tone.APOLOGETIC: QCoreApplication.translate("Tones", "apologetic"),
        Tone.CONCISE: QCoreApplication.translate("Tones", "concise"),
        Tone.CHEERFUL: QCoreApplication.translate("Tones", "cheerful"),
    }
    return labels[tone]


def template_details(template: Template) -> str:
    """Tone, form of address, language, and whose it is: what tells family members apart."""
    parts = [tone_label(template.tone)]
    if template.address:
        parts.append("Sie" if template.address == "sie" else "du")
    parts.append(template.language)
    if template.origin is Origin.COMPANY:
        parts.append(QCoreApplication.translate("Tones", "company library"))
    elif template.origin is Origin.CHATWOOT:
        parts.append("Chatwoot")
    return " · ".join(parts)


class TemplateListModel(QAbstractListModel):
    """Templates as list rows: the title, then tone, form of address and language."""

    TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._templates: list[Template] = []

    def set_templates(self, templates: list[Template]) -> None:
        self.beginResetModel()
        self._templates = templates
        self.endResetModel()

    def template(self, row: int) -> Template | None:
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def row_of(self, template_id: str) -> int:
        return next((i for i, t in enumerate(self._templates) if t.id == template_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._templates)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        template = self.template(index.row()) if index.isValid() else None
        if template is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{template.title}\n{template_details(template)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return template.id
        if role == self.TEMPLATE_ROLE:
            return template
        return None


def safe_render(template: Template, channel: Channel, values: Mapping[str, str]) -> Rendered | None:
    """Render for a preview; a template that cannot be rendered is logged, never a crash."""
    try:
        return render(template, channel, values)
    except Exception:
        log.exception("template %s could not be rendered", template.id)
        return None


def preview_html(text: str) -> str:
    """The text as HTML with each unfilled variable marked, so it cannot be missed."""
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f"{_MARK_START}{html.escape(match.group(0))}</span>")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return '<div style="white-space:pre-wrap">' + "".join(parts) + "</div>"


class TemplatePreview(QWidget):
    """The rendered text and its length, counted the way the channel counts it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Preview"))
        self.counter = QLabel()
        self.counter.setObjectName("templateCounter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.counter)

    def show_rendered(self, rendered: Rendered | None, channel: Channel, audience: Audience) -> None:
        if rendered is None:
            self.text.setPlainText(self.tr("This template cannot be shown. Details are in the log."))
            self.counter.clear()
            return
        self.text.setHtml(preview_html(rendered.text))
        counted = measure(rendered.text, channel, audience)
        words = [self.tr("{0} / {1}").replace("{0}", str(counted.length)).replace("{1}", str(counted.limit))]
        if not counted.valid:
            words.append(self.tr("⛔ over the limit"))
        if rendered.unfilled:
            words.append(self.tr("⛔ missing: {0}").replace("{0}", ", ".join(rendered.unfilled)))
        self.counter.setText("  ·  ".join(words))

    def clear(self) -> None:
        self.text.clear()
        self.counter.clear()


class TemplatePicker(QDialog):
    """Pick a template for the open conversation; emits ``template_chosen`` and closes on Enter.

    Only templates for the conversation's channel and audience are offered (a refund template
    never shows for a public reply); by default also only its language and form of address.

    Open it with ``open()``: ``exec()`` would spin a nested loop under qasync.
    """

    template_chosen = Signal(str, str)  # template id, rendered text exactly as it will be sent

    def __init__(
        self,
        library: TemplateLibrary,
        *,
        channel: Channel,
        audience: Audience,
        language: str,
        address: str,
        variables: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert template"))
        self._library = library
        self._channel, self._audience = channel, audience
        self._language, self._address = language, address
        self._conversation_values = dict(variables)
        self._typed: dict[str, str] = {}

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, tags, intent and text …"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.show_all = QCheckBox(self.tr("All languages and forms of address"))
        self.model = TemplateListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Templates"))
        self.values_form = QFormLayout()
        self.preview = TemplatePreview()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.insert_button = self.buttons.addButton(self.tr("Insert"), QDialogButtonBox.ButtonRole.AcceptRole)
        for button in self.buttons.buttons():  # Enter is handled below, never by a focused button
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.values_form)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 420])
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

        self.search.textChanged.connect(lambda: self._refilter())
        self.show_all.toggled.connect(lambda: self._refilter())
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self.search.returnPressed.connect(self.accept)
        self.list.doubleClicked.connect(self.accept)
        self.list.activated.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._refilter()

    def set_library(self, library: TemplateLibrary) -> None:
        """Take a reloaded library (the company folder changed) and keep the selection if it still exists."""
        self._library = library
        self._refilter(keep_selection=True)

    def values(self) -> dict[str, str]:
        """The values in use: the conversation's, overlaid by what the agent typed (for a tone switch)."""
        return self._conversation_values | {k: v for k, v in self._typed.items() if v.strip()}

    def current_template(self) -> Template | None:
        return self.model.template(self.list.currentIndex().row())

    def rendered(self) -> Rendered | None:
        template = self.current_template()
        return None if template is None else safe_render(template, self._channel, self.values())

    def accept(self) -> None:
        """Insert the current template once, however Enter reached the dialog."""
        template, rendered = self.current_template(), self.rendered()
        if template is None or rendered is None or not self.isVisible():
            return
        self.template_chosen.emit(template.id, rendered.text)
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move through the list, so the hands stay on the keys."""
        arrow = isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        if watched is self.search and arrow and event.type() == QEvent.Type.KeyPress:
            step = -1 if event.key() == Qt.Key.Key_Up else 1  # type: ignore[attr-defined]
            row = max(0, min(self.model.rowCount() - 1, self.list.currentIndex().row() + step))
            self.list.setCurrentIndex(self.model.index(row))
            return True
        return super().eventFilter(watched, event)

    def _candidates(self) -> tuple[Template, ...]:
        if self.show_all.isChecked():
            return self._library.matching(channel=self._channel, audience=self._audience)
        return self._library.matching(
            language=self._language, channel=self._channel, audience=self._audience, address=self._address
        )

    def _refilter(self, *, keep_selection: bool = False) -> None:
        """Show what matches; the best match is selected unless the current one should stay."""
        current = self.current_template() if keep_selection else None
        self.model.set_templates(search(self._candidates(), self.search.text()))
        row = self.model.row_of(current.id) if current is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0)))
        if self.model.rowCount() == 0:
            self._show_current()

    def _show_current(self, *_: object) -> None:
        template = self.current_template()
        self._rebuild_value_fields(template)
        self.insert_button.setEnabled(template is not None)
        if template is None:
            self.preview.clear()
            return
        self._update_preview()

    def _rebuild_value_fields(self, template: Template | None) -> None:
        while self.values_form.rowCount():
            self.values_form.removeRow(0)
        for variable in template.variables if template is not None else ():
            field = QLineEdit(self._typed.get(variable.name, variable.default or ""))
            field.setPlaceholderText("{{ " + variable.name + " }}")
            field.setObjectName(f"value_{variable.name}")
            field.textChanged.connect(lambda text, name=variable.name: self._value_typed(name, text))
            field.returnPressed.connect(self.accept)
            self.values_form.addRow(variable.description or variable.name, field)

    def _value_typed(self, name: str, text: str) -> None:
        self._typed[name] = text
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview.show_rendered(self.rendered(), self._channel, self._audience)

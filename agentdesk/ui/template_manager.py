"""Manage the company's templates: create, edit with live preview, duplicate, delete.

The metadata header is edited in a form, never by hand, and every change is checked by the
same parser the library uses, so what can be saved can also be loaded. Bundled templates are
read-only here: duplicate one (keeping its id overrides it for the whole company).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, PRIVATE_ONLY, Audience, Channel
from agentdesk.templates import (
    ADDRESS_OF_TONE,
    Origin,
    Template,
    TemplateFileError,
    TemplateLibrary,
    Tone,
    Variable,
    delete_template,
    format_template,
    parse_template,
    save_template,
    search,
)
from agentdesk.ui.template_picker import TemplateListModel, TemplatePreview, safe_render, tone_label

_SOCIAL = (Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.THREADS)
_NEW_BODY = "Hallo {{ customer.name }},\n\n\n\nViele Grüße\n{{ agent.first_name }}"


class TemplateManager(QDialog):
    """Company library CRUD; emits ``library_changed`` with the reloaded library after each write."""

    library_changed = Signal(object)  # TemplateLibrary

    def __init__(
        self,
        library: TemplateLibrary,
        company_dir: Path,
        *,
        variables: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manage templates"))
        self._library = library
        self._company_dir = company_dir
        self._variables = dict(variables or {})
        self._current: Template | None = None
        self._dirty = False
        self._loading = False
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self._check)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search templates …"))
        self.model = TemplateListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.new_button = QPushButton(self.tr("New"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button = QPushButton(self.tr("Save"))
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("templateStatus")
        self.load_errors = QLabel()
        self.load_errors.setWordWrap(True)
        self.load_errors.setObjectName("templateLoadErrors")
        self.load_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_channel = QComboBox()
        for channel in Channel:
            self.preview_channel.addItem(CHANNEL_NAMES[channel], channel)
        self.preview = TemplatePreview()
        self.editor = self._build_editor()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(button)
        left_layout.addLayout(list_buttons)
        left_layout.addWidget(self.load_errors)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 1)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Preview for")))
        preview_row.addWidget(self.preview_channel)
        preview_row.addStretch(1)
        right_layout.addLayout(preview_row)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.discard_button)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 640])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(980, 720)

        self.search.textChanged.connect(lambda: self._refresh_list())
        self.list.selectionModel().currentChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button.clicked.connect(self._confirm_delete)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard)
        self.preview_channel.currentIndexChanged.connect(self._check_timer.start)
        self._refresh_list()

    # ---------------------------------------------------------------- the form
    def _build_editor(self) -> QWidget:
        self.id_field = QLineEdit()
        self.title_field = QLineEdit()
        self.intent_field = QComboBox(editable=True)
        self.intent_field.addItems(sorted({t.intent for t in self._library.templates}))
        self.language_field = QComboBox(editable=True)
        self.language_field.addItems(["de", "en"])
        self.tone_field = QComboBox()
        for tone in Tone:
            self.tone_field.addItem(tone_label(tone), tone)
        self.address_field = QComboBox()
        self.address_field.addItem(self.tr("formal (Sie)"), "sie")
        self.address_field.addItem(self.tr("informal (du)"), "du")
        self.audience_field = QComboBox()
        self.audience_field.addItem(self.tr("public replies and private messages"), None)
        self.audience_field.addItem(self.tr("public replies only"), Audience.PUBLIC)
        self.audience_field.addItem(self.tr("private messages only"), Audience.PRIVATE)
        self.channel_boxes: dict[Channel, QCheckBox] = {}
        channels = QGridLayout()
        for i, channel in enumerate(Channel):
            box = QCheckBox(CHANNEL_NAMES[channel])
            self.channel_boxes[channel] = box
            channels.addWidget(box, i // 4, i % 4)
        self.tags_field = QLineEdit()
        self.tags_field.setPlaceholderText(self.tr("comma separated"))
        self.variables_table = QTableWidget(0, 3)
        self.variables_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Description"), self.tr("Default")])
        self.variables_table.horizontalHeader().setStretchLastSection(True)
        self.variables_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.variables_table.setMaximumHeight(110)
        add_variable = QPushButton(self.tr("Add variable"))
        remove_variable = QPushButton(self.tr("Remove variable"))
        add_variable.clicked.connect(lambda: self.variables_table.insertRow(self.variables_table.rowCount()))
        remove_variable.clicked.connect(self._remove_variable)
        variable_buttons = QHBoxLayout()
        variable_buttons.addWidget(add_variable)
        variable_buttons.addWidget(remove_variable)
        variable_buttons.addStretch(1)
        self.body_field = QPlainTextEdit()
        self.short_field = QPlainTextEdit()
        self.short_field.setPlaceholderText(self.tr("Optional: a shorter text for X, Bluesky and SMS"))
        self.short_field.setMaximumHeight(80)

        editor = QWidget()
        form = QFormLayout(editor)
        form.addRow(self.tr("Id"), self.id_field)
        form.addRow(self.tr("Title"), self.title_field)
        form.addRow(self.tr("Intent"), self.intent_field)
        form.addRow(self.tr("Language"), self.language_field)
        form.addRow(self.tr("Tone"), self.tone_field)
        form.addRow(self.tr("Form of address"), self.address_field)
        form.addRow(self.tr("Channels"), channels)
        form.addRow(self.tr("Used for"), self.audience_field)
        form.addRow(self.tr("Tags"), self.tags_field)
        form.addRow(self.tr("Variables"), self.variables_table)
        form.addRow("", variable_buttons)
        form.addRow(self.tr("Text"), self.body_field)
        form.addRow(self.tr("Short text"), self.short_field)

        for field in (self.id_field, self.title_field, self.tags_field):
            field.textChanged.connect(self._edited)
        for combo in (self.intent_field, self.language_field):
            combo.currentTextChanged.connect(self._edited)
        for combo in (self.tone_field, self.address_field, self.audience_field):
            combo.currentIndexChanged.connect(self._edited)
        for box in self.channel_boxes.values():
            box.toggled.connect(self._edited)
        for text in (self.body_field, self.short_field):
            text.textChanged.connect(self._edited)
        self.variables_table.itemChanged.connect(self._edited)
        return editor

    def _fill_form(self, template: Template | None) -> None:
        self._loading = True
        shown = template or replace(_blank(""), body="", channels=())
        self.id_field.setText(shown.id)
        self.title_field.setText(shown.title)
        self.intent_field.setCurrentText(shown.intent)
        self.language_field.setCurrentText(shown.language)
        self.tone_field.setCurrentIndex(self.tone_field.findData(shown.tone))
        self.address_field.setCurrentIndex(max(0, self.address_field.findData(shown.address)))
        for channel, box in self.channel_boxes.items():
            box.setChecked(channel in shown.channels)
        self.audience_field.setCurrentIndex(self.audience_field.findData(shown.audience))
        self.tags_field.setText(", ".join(shown.tags))
        self.variables_table.setRowCount(0)
        for variable in shown.variables:
            row = self.variables_table.rowCount()
            self.variables_table.insertRow(row)
            for column, value in enumerate((variable.name, variable.description, variable.default or "")):
                self.variables_table.setItem(row, column, QTableWidgetItem(value))
        self.body_field.setPlainText(shown.body)
        self.short_field.setPlainText(shown.short)
        self._loading = False
        self._current = template
        self._set_dirty(False)
        self._update_state()
        self._check()

    def form_template(self) -> Template:
        """The template as the form describes it (not yet checked)."""
        base = self._current or _blank()
        tone = Tone(self.tone_field.currentData())
        language = self.language_field.currentText().strip().lower()
        address = ADDRESS_OF_TONE.get(tone, self.address_field.currentData()) if language == "de" else ""
        audience = self.audience_field.currentData()  # Qt hands back the enum's str value
        variables = []
        for row in range(self.variables_table.rowCount()):
            name, description, default = (self._cell(row, column) for column in range(3))
            if name:
                variables.append(Variable(name, description, default or None))
        return replace(
            base,
            id=self.id_field.text().strip(),
            title=self.title_field.text().strip(),
            intent=self.intent_field.currentText().strip(),
            language=language,
            tone=tone,
            address=address,
            channels=tuple(c for c, box in self.channel_boxes.items() if box.isChecked()),
            audience=Audience(audience) if audience else None,
            tags=tuple(t.strip() for t in self.tags_field.text().split(",") if t.strip()),
            variables=tuple(variables),
            body=self.body_field.toPlainText().strip(),
            short=self.short_field.toPlainText().strip(),
        )

    def _cell(self, row: int, column: int) -> str:
        item = self.variables_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _remove_variable(self) -> None:
        rows = sorted({index.row() for index in self.variables_table.selectedIndexes()}, reverse=True)
        for row in rows or [self.variables_table.rowCount() - 1]:
            if row >= 0:
                self.variables_table.removeRow(row)
        self._edited()

    # ---------------------------------------------------------------- checking and preview
    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self._update_state()
        self._check_timer.start()

    def _check(self) -> Template | None:
        """Check the form with the library's own parser; show the preview or what is wrong."""
        self._check_timer.stop()
        if self._current is None and not self._dirty:
            self.preview.clear()
            return None
        try:
            template = parse_template(format_template(self.form_template()))
        except TemplateFileError as exc:
            self.status.setText(self.tr("⛔ Cannot be saved: {0}").replace("{0}", str(exc)))
            self.save_button.setEnabled(False)
            self.preview.clear()
            return None
        channel = Channel(self.preview_channel.currentData())
        audience = template.audience or (Audience.PRIVATE if channel in PRIVATE_ONLY else Audience.PUBLIC)
        self.preview.show_rendered(safe_render(template, channel, self._variables), channel, audience)
        self._update_state()
        return template

    def _update_state(self) -> None:
        editable = self._current is None or not self._current.read_only
        has_form = self._current is not None or self._dirty
        self.editor.setEnabled(editable and has_form)
        self.address_field.setEnabled(
            editable
            and self.language_field.currentText().strip().lower() == "de"
            and Tone(self.tone_field.currentData()) not in ADDRESS_OF_TONE
        )
        self.new_button.setEnabled(not self._dirty)
        self.duplicate_button.setEnabled(self._current is not None and not self._dirty)
        self.delete_button.setEnabled(self._current is not None and not self._current.read_only and not self._dirty)
        self.save_button.setEnabled(self._dirty and editable)
        self.discard_button.setEnabled(self._dirty)
        if self._current is not None and self._current.origin is Origin.CHATWOOT:
            self.status.setText(self.tr("Chatwoot canned response: change it in Chatwoot, or duplicate it here."))
        elif self._current is not None and self._current.read_only:
            self.status.setText(self.tr("Bundled template: read-only. Duplicate it to change it."))
        elif self._dirty:
            self.status.setText(self.tr("Unsaved changes."))
        else:
            self.status.clear()

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.list.setEnabled(not dirty)
        self.search.setEnabled(not dirty)

    # ---------------------------------------------------------------- list and actions
    def _refresh_list(self, select: str = "") -> None:
        self._show_load_errors()
        self.model.set_templates(search(self._library.templates, self.search.text()))
        row = self.model.row_of(select) if select else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        elif self._current is None or self.model.row_of(self._current.id) < 0:
            self._fill_form(None)

    def _show_load_errors(self) -> None:
        """Files that were skipped, with file and line, so whoever broke one can fix it."""
        errors = self._library.errors
        self.load_errors.setVisible(bool(errors))
        if errors:
            heading = self.tr("⛔ Template files skipped: {0}").replace("{0}", str(len(errors)))
            self.load_errors.setText("\n".join([heading, *(str(e) for e in errors)]))

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._fill_form(self.model.template(current.row()))

    def select(self, template_id: str) -> None:
        self.search.clear()
        self.list.setCurrentIndex(self.model.index(self.model.row_of(template_id)))

    def new_template(self) -> None:
        self._start_unsaved(_blank(unique_id(self._library, "new-template")))

    def duplicate_template(self) -> None:
        if self._current is not None:
            copy_id = unique_id(self._library, f"{self._current.id}-copy")
            self._start_unsaved(replace(self._current, id=copy_id, origin=Origin.COMPANY, path=None))

    def _start_unsaved(self, template: Template) -> None:
        self.list.clearSelection()
        self._fill_form(template)
        self._current = replace(template, origin=Origin.COMPANY, path=None)
        self._set_dirty(True)
        self._update_state()
        self._check()
        self.id_field.setFocus()

    def save(self) -> bool:
        """Write the form into the company library; False (with the reason shown) when it cannot."""
        template = self._check()
        if template is None:
            return False
        base = self._current or _blank()
        try:
            saved = save_template(self._company_dir, replace(template, origin=base.origin, path=base.path))
        except (OSError, TemplateFileError) as exc:
            self.status.setText(self.tr("⛔ Not saved: {0}").replace("{0}", str(exc)))
            return False
        self._reload(select=saved.id)
        return True

    def _discard(self) -> None:
        """Back to the template as saved; a new template that was never saved disappears."""
        current = self._current
        self._set_dirty(False)
        saved = self._library.get(current.id) if current is not None else None
        self._fill_form(saved if saved is not None and saved == current else None)

    def _confirm_delete(self) -> None:
        if self._current is None or self._current.read_only:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete template"),
            self.tr("Delete the template “{0}” from the company library?").replace("{0}", self._current.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmDelete")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._delete_confirmed)
        box.open()

    def _delete_confirmed(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            self.delete_current()

    def delete_current(self) -> None:
        """Delete the selected company template (a bundled one it overrode comes back)."""
        if self._current is None or self._current.read_only:
            return
        try:
            delete_template(self._current)
        except OSError as exc:
            self.status.setText(self.tr("⛔ Not deleted: {0}").replace("{0}", str(exc)))
            return
        self._current = None
        self._reload()

    def set_library(self, library: TemplateLibrary) -> None:
        """Take a library reloaded elsewhere (the folder changed); unsaved edits stay in the form."""
        self._library = library
        if not self._dirty:
            self._refresh_list(select=self._current.id if self._current else "")

    def _reload(self, select: str = "") -> None:
        self._library = self._library.reload()
        self._set_dirty(False)
        self._current = None
        self._refresh_list(select=select)
        self.library_changed.emit(self._library)


def _blank(template_id: str = "new-template") -> Template:
    return Template(
        id=template_id,
        title="",
        intent="",
        language="de",
        tone=Tone.FORMAL,
        address="sie",
        channels=_SOCIAL,
        tags=(),
        variables=(),
        body=_NEW_BODY,
        origin=Origin.COMPANY,
    )


def unique_id(library: TemplateLibrary, wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3`` … whichever is still free."""
    candidate, n = wanted, 1
    while library.get(candidate) is not None:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate

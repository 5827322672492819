"""Managing the company library the way a team lead does it: in a form, with a live preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates import Origin, TemplateLibrary, Tone, bundled_dir
from agentdesk.ui.template_manager import TemplateManager

VALUES = {"customer.name": "Kim Berger", "agent.first_name": "Lena"}


@pytest.fixture
def company(tmp_path: Path) -> Path:
    return tmp_path / "templates"


@pytest.fixture
def manager(qtbot: QtBot, company: Path) -> TemplateManager:
    dialog = TemplateManager(TemplateLibrary.load(bundled_dir(), company), company, variables=VALUES)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_a_bundled_template_is_shown_read_only_with_its_preview(manager: TemplateManager) -> None:
    manager.select("outage-de-sie")
    assert manager.title_field.text() == "Störung: bekannt, Technik arbeitet daran"
    assert manager.tone_field.currentData() == Tone.FORMAL
    assert manager.channel_boxes[Channel.X].isChecked() and not manager.channel_boxes[Channel.SMS].isChecked()
    assert not manager.editor.isEnabled()
    assert not manager.delete_button.isEnabled() and manager.duplicate_button.isEnabled()
    assert "read-only" in manager.status.text()
    assert "Hallo Kim Berger" in manager.preview.text.toPlainText()
    manager.select("refund-request-de-sie")
    assert manager.audience_field.currentData() == Audience.PRIVATE


def test_duplicate_with_the_same_id_overrides_the_bundled_template(
    manager: TemplateManager, company: Path, qtbot: QtBot
) -> None:
    manager.select("outage-de-sie")
    manager.duplicate_template()
    assert manager.id_field.text() == "outage-de-sie-copy"
    assert manager.editor.isEnabled() and not manager.list.isEnabled()  # no switching away from unsaved edits
    manager.id_field.setText("outage-de-sie")
    manager.title_field.setText("Störung (Hamburg)")
    with qtbot.waitSignal(manager.library_changed) as changed:
        assert manager.save()
    library = changed.args[0]
    template = library.get("outage-de-sie")
    assert template.origin is Origin.COMPANY and template.title == "Störung (Hamburg)"
    assert (company / "outage-de-sie.md").read_text(encoding="utf-8").startswith("---\nid: outage-de-sie\n")
    assert manager.delete_button.isEnabled()


def test_a_new_template_is_checked_live_and_saved(manager: TemplateManager, company: Path) -> None:
    manager.new_template()
    manager.id_field.setText("ticket-received")
    manager.title_field.setText("Ticket angelegt")
    manager.intent_field.setCurrentText("escalation-holding")
    manager.body_field.setPlainText("Hallo {{ customer.name }},\nIhr Ticket: {{ ticket }}")
    manager._check()
    assert "unknown variable 'ticket'" in manager.status.text()
    assert not manager.save_button.isEnabled()

    manager.variables_table.insertRow(0)
    manager.variables_table.setItem(0, 0, QTableWidgetItem("ticket"))
    manager.variables_table.setItem(0, 1, QTableWidgetItem("Ticketnummer"))
    manager._check()
    assert manager.save_button.isEnabled()
    assert "Hallo Kim Berger,\nIhr Ticket: {{ ticket }}" in manager.preview.text.toPlainText()
    assert manager.save()
    assert (company / "ticket-received.md").exists()
    assert manager.list.isEnabled() and manager.id_field.text() == "ticket-received"


def test_the_preview_counts_for_the_chosen_channel(manager: TemplateManager) -> None:
    manager.select("praise-thanks-de-sie")
    manager.preview_channel.setCurrentIndex(manager.preview_channel.findData(Channel.X))
    manager._check()
    assert manager.preview.text.toPlainText().startswith("Vielen Dank für Ihr schönes Feedback, Kim Berger!")
    assert manager.preview.counter.text().endswith("/ 280")


def test_form_of_address_is_chosen_only_where_the_tone_does_not_say_it(manager: TemplateManager) -> None:
    manager.new_template()
    assert not manager.address_field.isEnabled()  # formal already means Sie
    manager.tone_field.setCurrentIndex(manager.tone_field.findData(Tone.EMPATHETIC))
    assert manager.address_field.isEnabled()
    manager.address_field.setCurrentIndex(manager.address_field.findData("du"))
    assert manager.form_template().address == "du"
    manager.language_field.setCurrentText("en")
    assert not manager.address_field.isEnabled() and manager.form_template().address == ""


def test_discard_returns_to_the_saved_template(manager: TemplateManager) -> None:
    manager.new_template()
    manager.title_field.setText("Wegwerfen")
    manager.discard_button.click()
    assert manager.list.isEnabled() and manager.title_field.text() == ""


def test_delete_asks_first_and_brings_the_bundled_template_back(
    manager: TemplateManager, company: Path, qtbot: QtBot
) -> None:
    manager.select("outage-de-sie")
    manager.duplicate_template()
    manager.id_field.setText("outage-de-sie")
    manager.title_field.setText("Eigene Störung")
    assert manager.save()

    manager.delete_button.click()
    box = manager.findChild(QMessageBox, "confirmDelete")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(manager.library_changed) as changed:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert not (company / "outage-de-sie.md").exists()
    assert changed.args[0].get("outage-de-sie").origin is Origin.BUNDLED


def test_files_that_could_not_be_loaded_are_listed_with_file_and_line(qtbot: QtBot, company: Path) -> None:
    company.mkdir()
    (company / "broken.md").write_text("---\nid: x\ntone: [\n---\nText\n", encoding="utf-8")
    dialog = TemplateManager(TemplateLibrary.load(bundled_dir(), company), company)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.load_errors.isVisible()
    assert dialog.load_errors.text().startswith("⛔ Template files skipped: 1\n")
    assert f"{company / 'broken.md'}:3: broken metadata header" in dialog.load_errors.text()

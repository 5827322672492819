"""The template picker as the agent uses it: type, look at the preview, press Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates import TemplateLibrary, bundled_dir, render
from agentdesk.ui.template_picker import TemplatePicker

LIBRARY = TemplateLibrary.load(bundled_dir(), None)
VALUES = {"customer.name": "Kim Berger", "customer.first_name": "Kim", "agent.first_name": "Lena"}


@pytest.fixture
def picker(qtbot: QtBot) -> TemplatePicker:
    dialog = TemplatePicker(
        LIBRARY, channel=Channel.X, audience=Audience.PUBLIC, language="de", address="du", variables=VALUES
    )
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def shown_ids(picker: TemplatePicker) -> list[str]:
    return [picker.model.template(row).id for row in range(picker.model.rowCount())]  # type: ignore[union-attr]


def test_only_templates_for_the_conversation_are_offered(picker: TemplatePicker) -> None:
    ids = shown_ids(picker)
    assert ids
    for template in map(LIBRARY.get, ids):
        assert template is not None
        assert template.language == "de" and template.address == "du" and Channel.X in template.channels


def test_typing_searches_and_enter_inserts_the_rendered_text(picker: TemplatePicker, qtbot: QtBot) -> None:
    chosen: list[tuple[str, str]] = []
    picker.template_chosen.connect(lambda *args: chosen.append(args))
    qtbot.keyClicks(picker.search, "lob")
    assert picker.current_template().id == "praise-thanks-de-du"  # type: ignore[union-attr]
    expected = render(LIBRARY.get("praise-thanks-de-du"), Channel.X, VALUES).text  # type: ignore[arg-type]
    assert expected in picker.preview.text.toPlainText()
    assert picker.preview.counter.text().endswith(f"{len(expected)} / 280")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == [("praise-thanks-de-du", expected)]
    assert not picker.isVisible()


def test_arrow_keys_in_the_search_field_move_through_the_list(picker: TemplatePicker, qtbot: QtBot) -> None:
    first, second = shown_ids(picker)[:2]
    assert picker.current_template().id == first  # type: ignore[union-attr]
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.current_template().id == second  # type: ignore[union-attr]
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    assert picker.current_template().id == first  # type: ignore[union-attr]


def test_a_missing_value_is_marked_until_the_agent_types_it(picker: TemplatePicker, qtbot: QtBot) -> None:
    picker.search.setText("störung")  # QTest cannot type umlauts offscreen
    assert picker.current_template().id == "outage-de-du"  # type: ignore[union-attr]
    assert "Die Störung in {{ region }} kennen wir schon" in picker.preview.text.toPlainText()
    assert "#ffd6d6" in picker.preview.text.toHtml()  # highlighted
    assert "missing: region" in picker.preview.counter.text()
    field = picker.findChild(QLineEdit, "value_region")
    qtbot.keyClicks(field, "Hamburg")
    assert "Die Störung in Hamburg kennen wir schon" in picker.preview.text.toPlainText()
    assert "missing" not in picker.preview.counter.text()
    assert picker.values()["region"] == "Hamburg"


def test_show_all_widens_to_other_languages_and_forms(picker: TemplatePicker) -> None:
    picker.show_all.setChecked(True)
    languages = {LIBRARY.get(i).language for i in shown_ids(picker)}  # type: ignore[union-attr]
    assert languages == {"de", "en"}


def test_nothing_found_disables_insert(picker: TemplatePicker, qtbot: QtBot) -> None:
    qtbot.keyClicks(picker.search, "xyzzy")
    assert picker.model.rowCount() == 0
    assert not picker.insert_button.isEnabled()
    assert picker.preview.text.toPlainText() == ""


def test_a_reloaded_library_keeps_the_selection(picker: TemplatePicker) -> None:
    picker.search.setText("team")
    picker.list.setCurrentIndex(picker.model.index(picker.model.row_of("praise-thanks-de-du")))
    picker.set_library(LIBRARY.reload())
    assert picker.current_template().id == "praise-thanks-de-du"  # type: ignore[union-attr]


def test_a_public_reply_is_never_offered_a_private_only_template(qtbot: QtBot) -> None:
    def offered(audience: Audience) -> list[str]:
        dialog = TemplatePicker(
            LIBRARY, channel=Channel.X, audience=audience, language="de", address="sie", variables=VALUES
        )
        qtbot.addWidget(dialog)
        return shown_ids(dialog)

    assert "refund-request-de-sie" not in offered(Audience.PUBLIC)
    assert "move-to-private-de-sie" in offered(Audience.PUBLIC)
    assert "refund-request-de-sie" in offered(Audience.PRIVATE)
    assert "move-to-private-de-sie" not in offered(Audience.PRIVATE)

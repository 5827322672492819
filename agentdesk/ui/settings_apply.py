"""Saving the preferences and putting them to work in the open window.

The file is written atomically on the window's file thread (as the notifications menu does), with
the role as the file has it: the window never changes the role, and ``--sandbox`` makes one
session a trainee's without writing that down. What the window can follow at once it follows:
the service-level calendar and display time zone, the status bar's opening hours, the
notifications' working hours and kinds, the agent's name in templates and queues, and Sie/du
for templates and the conversation on screen. Only the language waits for a restart.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from dataclasses import fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from agentdesk.store.profile import Settings, save_keeping_role
from agentdesk.ui.preferences_dialog import PreferencesDialog
from agentdesk.ui.time_words import set_display_zone

if TYPE_CHECKING:
    from agentdesk.ui.main_window import MainWindow


def open_preferences(window: MainWindow, files: Executor) -> PreferencesDialog:
    """The dialog on the window's settings; saved values are applied to the window at once."""
    ws = window.ws
    named = next((a for a in ws.accounts if a.agent_name), None)

    async def save(settings: Settings) -> str:
        try:
            await asyncio.get_running_loop().run_in_executor(files, save_keeping_role, ws.data_dir, settings)
        except OSError as exc:
            return str(exc)
        return ""

    dialog = PreferencesDialog(
        ws.settings,
        window.notifier.kind_labels(),
        save,
        window.tasks.run,
        team_name=(named.name, named.agent_name) if named is not None else None,
        parent=window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(lambda settings: apply_settings(window, settings))

    async def zone_names() -> list[str]:  # reading the zone database takes ~0.1 s: not on the GUI thread
        return await asyncio.get_running_loop().run_in_executor(files, _zone_names)

    reading = window.tasks.run(zone_names(), dialog.set_time_zones, what="reading the time zones")
    if reading is not None:
        dialog.finished.connect(lambda _result: reading.cancel())
    dialog.open()
    return dialog


def apply_settings(window: MainWindow, chosen: Settings) -> None:
    """Put saved preferences to work: the window's settings object is updated in place, as every
    part of the window holds that one object."""
    ws = window.ws
    language, me = ws.settings.language, ws.me
    for field in fields(Settings):
        if field.name != "role":
            setattr(ws.settings, field.name, getattr(chosen, field.name))
    window.service_levels.apply(ws.settings)
    set_display_zone(window.service_levels.calendar.tz)
    window.notifier.apply(ws.settings)
    if ws.sandbox is not None:
        ws.sandbox.agent_name = ws.settings.agent_name  # the simulated team knows the new name
    window.notifier.watch.me = ws.me
    window.settings_changed()
    if ws.settings.language != language:
        saved = QCoreApplication.translate(
            "SettingsApply", "Preferences saved. The new language applies after AgentDesk restarts."
        )
    else:
        saved = QCoreApplication.translate("SettingsApply", "Preferences saved.")
    window.messages.show_message(saved)
    if ws.me != me:
        window.tasks.run(_keep_my_conversations(window, me, saved), what="keeping your conversations")


async def _keep_my_conversations(window: MainWindow, old_name: str, saved: str) -> None:
    moved = await window.ops.keep_under_new_name(old_name, window.ws.me)
    if not moved:
        return
    if moved == 1:
        kept = QCoreApplication.translate(
            "SettingsApply", "One conversation assigned to “{old}” is now yours as “{new}”."
        )
    else:
        kept = QCoreApplication.translate(
            "SettingsApply", "{n} conversations assigned to “{old}” are now yours as “{new}”."
        ).replace("{n}", str(moved))
    window.messages.show_message(f"{saved} {kept.replace('{old}', old_name).replace('{new}', window.ws.me)}")


def _zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())

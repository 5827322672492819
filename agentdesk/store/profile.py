"""Where a profile lives and what it has chosen: typed settings in one readable JSON file.

Secrets never go here; they live only in the OS keyring.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path

from platformdirs import user_data_dir

SETTINGS_FILE = "settings.json"


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    TRAINEE = "trainee"


@dataclass
class Settings:
    agent_name: str = "Alex Berger"
    company_name: str = "Wellenreich"
    role: Role = Role.AGENT
    language: str = ""  # "" = the system's
    default_form_of_address: dict[str, str] = field(
        default_factory=lambda: {"x": "du", "instagram": "du", "bluesky": "du", "mastodon": "du", "email": "sie"}
    )
    # Service level (100/2): published opening hours, public holidays, company closing days.
    opening_hours: str = "mon-fri 08:00-18:00"
    time_zone: str = "Europe/Berlin"
    holidays: str = "DE"
    closed_days: str = "12-24,12-31"
    # Desktop notifications: the kinds turned off ("assigned", "at_risk", "new_message", "storm"),
    # and the agent's working hours, outside which they stay quiet ("" = the opening hours).
    notifications_off: list[str] = field(default_factory=list)
    working_hours: str = ""


def default_data_dir() -> Path:
    return Path(user_data_dir("AgentDesk", "AgentDesk"))


def resolve_data_dir(value: str | None) -> Path:
    return Path(value).expanduser().resolve() if value else default_data_dir()


class SettingsUnreadable(ValueError):
    """settings.json exists but is not JSON, or holds a value of the wrong kind."""


def read_settings(data_dir: Path) -> Settings:
    """The profile's settings (the defaults without a file); unknown keys are ignored.

    Raises SettingsUnreadable for a broken file, so a command that writes the file back loses nothing.
    """
    path = data_dir / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        raise SettingsUnreadable(f"{path} cannot be read ({exc})") from None
    if not isinstance(raw, dict):
        raise SettingsUnreadable(f"{path} holds no JSON object")
    known = {f.name for f in fields(Settings)}
    try:
        settings = Settings(**{k: v for k, v in raw.items() if k in known})
        settings.role = Role(settings.role)
    except (TypeError, ValueError) as exc:
        raise SettingsUnreadable(f"{path} holds a value AgentDesk cannot read ({exc})") from None
    return settings


def load_settings(data_dir: Path) -> Settings:
    """The profile's settings; a broken file gives the defaults (the app still starts)."""
    try:
        return read_settings(data_dir)
    except SettingsUnreadable:
        return Settings()


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Atomic write: a crash leaves the old file or the new one, never half of one."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".settings-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(settings), fh, indent=2, ensure_ascii=False)
    os.replace(tmp, data_dir / SETTINGS_FILE)


def save_keeping_role(data_dir: Path, settings: Settings) -> None:
    """Save what the window changed; the role stays what the file says. Only the team lead's CLI
    changes it, and ``--sandbox`` makes one session a trainee's without writing that down."""
    save_settings(data_dir, replace(settings, role=load_settings(data_dir).role))

"""The profile's own guidelines file and dictionary: where they live and how they are read.

A company edits ``guidelines.toml`` in the profile folder; without one, the bundled defaults
apply. It is read off the GUI thread; a broken file is reported with its line and never stops
the checks.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from pathlib import Path

from agentdesk.core.checks import Guidelines, GuidelinesError, guidelines_or_default
from agentdesk.resources import read_text

GUIDELINES_FILE = "guidelines.toml"
USER_WORDS_FILE = "words.txt"


def _read(data_dir: Path) -> tuple[Guidelines, GuidelinesError | None]:
    path = data_dir / GUIDELINES_FILE
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        return guidelines_or_default(None, read_text("guidelines.toml"))[0], GuidelinesError(str(exc), 1)
    return guidelines_or_default(text, read_text("guidelines.toml"))


async def load_guidelines(data_dir: Path, files: Executor) -> tuple[Guidelines, GuidelinesError | None]:
    return await asyncio.get_running_loop().run_in_executor(files, _read, data_dir)

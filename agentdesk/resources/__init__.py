"""Bundled data (scenarios, templates, translations, icons, guidelines).

One helper finds them from a checkout, an installed wheel and a PyInstaller bundle alike,
so no module builds paths relative to ``__file__`` on its own.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The filesystem path of a bundled resource (file or folder)."""
    ref = files(__name__).joinpath(*parts)
    with as_file(ref) as path:  # a no-op for a regular install; resources are never zipped
        return Path(path)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")

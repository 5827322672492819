"""Writing the company library: the only place templates are saved or deleted.

Files are replaced atomically, so a file watcher (and a colleague's app reading the shared
folder) never sees a half-written template.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from agentdesk.templates.model import Origin, Template
from agentdesk.templates.template_file import format_template, parse_template


def save_template(directory: Path, template: Template) -> Template:
    """Write a template into the company library and return it as saved (with its path).

    The text is parsed back before anything is written, so a template the library would
    reject raises TemplateFileError and never reaches the folder. A company template whose
    id changed moves to the new file name.
    """
    text = format_template(template)
    parse_template(text)
    directory.mkdir(parents=True, exist_ok=True)
    old = template.path if template.origin is Origin.COMPANY else None
    target = old if old is not None and old.stem == template.id else directory / f"{template.id}.md"
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".md.tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if old is not None and old != target:
        old.unlink(missing_ok=True)
    return replace(template, origin=Origin.COMPANY, path=target)


def delete_template(template: Template) -> None:
    """Remove a company template's file; bundled templates cannot be deleted."""
    if template.origin is not Origin.COMPANY or template.path is None:
        raise ValueError(f"template {template.id!r} is not in the company library")
    template.path.unlink(missing_ok=True)

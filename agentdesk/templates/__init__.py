"""Tone templates: the bundled library, the company's own, and rendering them per channel.

Import from here; the modules behind it are an implementation detail. They load on first use
(PEP 562), so importing the package for one name does not pull in Markdown and the sanitizer.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "canned_response_templates": "canned_responses",
    "delete_template": "company_files",
    "save_template": "company_files",
    "search": "fuzzy",
    "TemplateLibrary": "library",
    "bundled_dir": "library",
    "company_dir": "library",
    "ADDRESS_OF_TONE": "model",
    "TIGHT_CHANNELS": "model",
    "LoadError": "model",
    "Origin": "model",
    "Template": "model",
    "Tone": "model",
    "Variable": "model",
    "RICH_TEXT_CHANNELS": "rendering",
    "Rendered": "rendering",
    "render": "rendering",
    "TemplateFileError": "template_file",
    "format_template": "template_file",
    "parse_template": "template_file",
    "BUILTIN_VARIABLES": "variables",
    "variables_for": "variables",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:  # the same names for type checkers; at run time __getattr__ loads them
    from agentdesk.templates.canned_responses import canned_response_templates
    from agentdesk.templates.company_files import delete_template, save_template
    from agentdesk.templates.fuzzy import search
    from agentdesk.templates.library import TemplateLibrary, bundled_dir, company_dir
    from agentdesk.templates.model import (
        ADDRESS_OF_TONE,
        TIGHT_CHANNELS,
        LoadError,
        Origin,
        Template,
        Tone,
        Variable,
    )
    from agentdesk.templates.rendering import RICH_TEXT_CHANNELS, Rendered, render
    from agentdesk.templates.template_file import TemplateFileError, format_template, parse_template
    from agentdesk.templates.variables import BUILTIN_VARIABLES, variables_for

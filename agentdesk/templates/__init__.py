"""Tone templates: the bundled library, the company's own, and rendering them per channel.

Import from here; the modules behind it are an implementation detail.
"""

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

__all__ = [
    "ADDRESS_OF_TONE",
    "BUILTIN_VARIABLES",
    "RICH_TEXT_CHANNELS",
    "TIGHT_CHANNELS",
    "LoadError",
    "Origin",
    "Rendered",
    "Template",
    "TemplateFileError",
    "TemplateLibrary",
    "Tone",
    "Variable",
    "bundled_dir",
    "canned_response_templates",
    "company_dir",
    "delete_template",
    "format_template",
    "parse_template",
    "render",
    "save_template",
    "search",
    "variables_for",
]

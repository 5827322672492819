"""The loaded template library: bundled templates, overridden by the company's by ``id``.

A library is an immutable snapshot. ``changed()`` tells whether the files on disk moved on
since it was loaded, and ``reload()`` returns a new one; the UI drives both from a
QFileSystemWatcher, the CLI just loads once.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates.model import ADDRESS_OF_TONE, LoadError, Origin, Template, Tone
from agentdesk.templates.template_file import read_template

#: What the files of a library looked like when it was loaded: (path, mtime_ns, size).
Stamp = tuple[tuple[str, int, int], ...]
_TONE_ORDER = {tone: i for i, tone in enumerate(Tone)}


def bundled_dir() -> Path:
    """The library shipped with AgentDesk (works from a checkout, a wheel and a frozen app)."""
    with as_file(files(__package__).joinpath("library")) as path:
        return Path(path)


def company_dir(data_dir: Path) -> Path:
    """Where the company library lives by default: ``<data dir>/templates``."""
    return data_dir / "templates"


def _files(directory: Path | None) -> list[Path]:
    if directory is None or not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob("*.md") if not p.name.startswith(".") and p.is_file())


def _stamp(directories: tuple[Path | None, ...]) -> Stamp:
    entries = []
    for directory in directories:
        for path in _files(directory):
            try:
                info = path.stat()
            except OSError:  # deleted between listing and stat: the next check sees it
                continue
            entries.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(entries)


def _read_all(directory: Path | None, origin: Origin) -> tuple[dict[str, Template], list[LoadError]]:
    found: dict[str, Template] = {}
    errors: list[LoadError] = []
    for path in _files(directory):
        result = read_template(path, origin)
        if isinstance(result, LoadError):
            errors.append(result)
        elif result.id in found:
            errors.append(LoadError(path, 2, f"id {result.id!r} is already used by {found[result.id].path}"))
        else:
            found[result.id] = result
    return found, errors


@dataclass(frozen=True, slots=True)
class TemplateLibrary:
    templates: tuple[Template, ...]
    errors: tuple[LoadError, ...]
    bundled_dir: Path | None = None
    company_dir: Path | None = None
    stamp: Stamp = ()
    extra: tuple[Template, ...] = ()

    @classmethod
    def load(
        cls, bundled_dir: Path | None, company_dir: Path | None, extra: tuple[Template, ...] = ()
    ) -> TemplateLibrary:
        """Read both folders; a broken file becomes an entry in ``errors``, never an exception.

        ``extra`` holds templates from elsewhere (Chatwoot canned responses); the company's
        files still override them by id.
        """
        stamp = _stamp((bundled_dir, company_dir))
        bundled, bundled_errors = _read_all(bundled_dir, Origin.BUNDLED)
        company, company_errors = _read_all(company_dir, Origin.COMPANY)
        merged = bundled | {t.id: t for t in extra} | company
        ordered = sorted(merged.values(), key=lambda t: (t.intent, t.language, _TONE_ORDER[t.tone], t.address, t.id))
        errors = tuple(bundled_errors + company_errors)
        return cls(tuple(ordered), errors, bundled_dir, company_dir, stamp, extra)

    def changed(self) -> bool:
        """True when a template file was added, removed or written since this library was loaded."""
        return _stamp((self.bundled_dir, self.company_dir)) != self.stamp

    def reload(self) -> TemplateLibrary:
        return TemplateLibrary.load(self.bundled_dir, self.company_dir, self.extra)

    def get(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def family(self, intent: str) -> tuple[Template, ...]:
        """All templates for one intent: the tones and languages an agent can switch between."""
        return tuple(t for t in self.templates if t.intent == intent)

    def matching(
        self,
        *,
        language: str = "",
        channel: Channel | None = None,
        audience: Audience | None = None,
        address: str = "",
        tone: Tone | None = None,
    ) -> tuple[Template, ...]:
        """Templates that suit a conversation; an empty criterion does not filter.

        ``address`` ("sie"/"du") only filters templates that have one, so English ones stay.
        """
        return tuple(
            t
            for t in self.templates
            if (not language or t.language == language)
            and (channel is None or channel in t.channels)
            and (audience is None or t.audience is None or t.audience == audience)
            and (not address or not t.address or t.address == address)
            and (tone is None or t.tone == tone)
        )

    def switch_tone(self, template: Template, tone: Tone) -> Template | None:
        """The family member in another tone, same language; None when the family has none.

        A German tone that does not itself mean Sie or du keeps the form of address: a customer
        addressed with *Sie* is never suddenly called *du*.
        """
        for candidate in self.family(template.intent):
            if candidate.language != template.language or candidate.tone != tone:
                continue
            if tone in ADDRESS_OF_TONE or candidate.address == template.address:
                return candidate
        return None

    def switch_language(self, template: Template, language: str, address: str = "") -> Template | None:
        """The family member in another language, as close in tone (and form of address) as there is."""
        candidates = [t for t in self.family(template.intent) if t.language == language]
        if not candidates:
            return None

        def closeness(t: Template) -> tuple[bool, bool]:
            return (bool(address) and t.address == address, t.tone == template.tone)

        return max(candidates, key=closeness)

"""Reading the training scenarios (format: docs/training-scenarios.md) and what playing them needs.

A file with an error is skipped and reported with file and line; the others still load. Scores
use the bundled guidelines and one fixed training calendar (Mon–Fri 8–18, Berlin, German public
holidays), so a score means the same on every trainee's machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from agentdesk.core.checks import parse_guidelines
from agentdesk.core.checks.messages import Language
from agentdesk.core.sla import BusinessCalendar
from agentdesk.core.spelling import Lexicon
from agentdesk.core.training import PlayContext, TrainingScenario, parse_scenario
from agentdesk.core.yaml_lines import ScenarioError
from agentdesk.resources import read_text, resource_path

TRAINING_CALENDAR = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE")


@dataclass
class TrainingSet:
    scenarios: list[TrainingScenario] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def get(self, scenario_id: str) -> TrainingScenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def bundled_folder() -> Path:
    return resource_path("scenarios", "training")


def load_training_file(path: Path) -> TrainingScenario:
    try:
        return parse_scenario(path, path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, 1, "the file is not UTF-8 text") from exc


def load_training_scenarios(folder: Path | None = None) -> TrainingSet:
    """Every ``*.yaml`` in ``folder`` (default: the bundled set), sorted by file name."""
    result = TrainingSet()
    seen: dict[str, str] = {}
    for path in sorted((folder or bundled_folder()).glob("*.yaml")):
        try:
            scenario = load_training_file(path)
            if scenario.id in seen:
                raise ScenarioError(path, 1, f"scenario id {scenario.id!r} is already used in {seen[scenario.id]}")
        except ScenarioError as exc:
            result.errors.append(str(exc))
            continue
        seen[scenario.id] = path.name
        result.scenarios.append(scenario)
    return result


def play_context(lexicons: Mapping[str, Lexicon], language: Language, company_name: str) -> PlayContext:
    """The context every training play uses: the bundled guidelines, the training calendar's zone."""
    guidelines = parse_guidelines(read_text("guidelines.toml"))
    return PlayContext(guidelines, lexicons, TRAINING_CALENDAR.tz, language, frozenset({company_name}))

"""Trainee sandbox: training scenarios, the player that runs them and the score with reasons.

Pure like the rest of the core: scenario text, time and word lists are passed in.
"""

from agentdesk.core.training.parse import parse_scenario
from agentdesk.core.training.player import Handling, PlayContext, ScenarioPlayer, Turn, play
from agentdesk.core.training.scenario import Action, Check, TrainingScenario
from agentdesk.core.training.scoring import Reason, Score, score

__all__ = [
    "Action",
    "Check",
    "Handling",
    "PlayContext",
    "Reason",
    "ScenarioPlayer",
    "Score",
    "TrainingScenario",
    "Turn",
    "parse_scenario",
    "play",
    "score",
]

"""Escalation paths from the company's TOML: the bundled file, a good company file, and every
mistake named with its file and line, the bundled paths standing in meanwhile."""

from __future__ import annotations

import pytest

from agentdesk.core.escalation import EscalationError, parse_paths, paths_or_default, raised_priority
from agentdesk.resources import read_text

BUNDLED = read_text("escalation.toml")

GOOD = """\
# our paths
[paths.legal]
title_de = "Rechtsabteilung"
title_en = "Legal"
team = "Legal"
priority = "high"

[paths.ceo-office]
title_de = "Büro der Geschäftsführung"
title_en = "CEO's office"
person = "Dana Chef"
priority = "urgent"
notify = false
"""


def test_the_bundled_file_has_pr_legal_product_and_lead() -> None:
    paths = parse_paths(BUNDLED, "escalation.toml")
    assert [p.id for p in paths.paths] == ["pr", "legal", "product", "lead"]
    pr = paths.get("pr")
    assert pr is not None and pr.team == "PR" and pr.priority == "urgent"
    assert pr.title("de") == "PR/Marketing" and pr.title("en") == "PR / marketing"


def test_a_company_file_gives_teams_persons_priorities_and_notify_in_file_order() -> None:
    paths = parse_paths(GOOD, "escalation.toml")
    legal, office = paths.paths
    assert (legal.id, legal.team, legal.person, legal.priority, legal.notify) == ("legal", "Legal", "", "high", True)
    assert (office.person, office.team, office.notify) == ("Dana Chef", "", False)
    assert office.title("de-DE") == "Büro der Geschäftsführung" and office.title("en") == "CEO's office"
    assert paths.get("pr") is None


@pytest.mark.parametrize(
    ("broken", "line", "words"),
    [
        (GOOD.replace('team = "Legal"', 'team = "Legal'), 5, "not valid TOML"),
        (GOOD.replace('priority = "high"', 'priority = "sehr hoch"'), 6, "priority must be one of low"),
        (GOOD.replace("notify = false", 'notify = "nein"'), 13, "notify must be true or false"),
        (GOOD.replace('person = "Dana Chef"', 'person = "Dana Chef"\nteam = "Board"'), 11, "not both"),
        (GOOD.replace('team = "Legal"\n', ""), 2, "needs either a team or a person"),
        (GOOD.replace('title_en = "Legal"', 'title_en = ""'), 4, "title_en must be a non-empty text"),
        (GOOD.replace('title_en = "Legal"\n', ""), 2, "title_en must be a non-empty text"),
        (GOOD.replace("priority = ", "prio = ", 1), 6, "unknown key 'prio'"),
        (GOOD.replace("[paths.ceo-office]", "[paths.CEO]"), 8, "lower-case letters"),
        (GOOD.replace("[paths.legal]", "[path.legal]"), 2, "unknown section 'path'"),
        (GOOD.replace("[paths.legal]", "[paths.ceo-office]"), 8, "not valid TOML"),  # an id twice
    ],
)
def test_each_mistake_is_named_with_file_and_line(broken: str, line: int, words: str) -> None:
    with pytest.raises(EscalationError) as caught:
        parse_paths(broken, "/data/escalation.toml")
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"/data/escalation.toml, line {line}: ")


def test_a_file_without_paths_says_so() -> None:
    with pytest.raises(EscalationError, match=r"escalation.toml: no escalation paths"):
        parse_paths("# nothing yet\n", "escalation.toml")


def test_a_broken_file_gives_the_bundled_paths_and_the_reason() -> None:
    paths, error = paths_or_default('[paths.pr]\ntitle_de = "PR"\n', "/data/escalation.toml", BUNDLED)
    assert [p.id for p in paths.paths] == ["pr", "legal", "product", "lead"]
    assert error is not None and error.line == 1 and "title_en" in str(error)
    assert paths_or_default(None, "/data/escalation.toml", BUNDLED) == (parse_paths(BUNDLED, "x"), None)


def test_escalating_raises_the_priority_but_never_lowers_it() -> None:
    assert raised_priority("", "high") == "high"
    assert raised_priority("low", "urgent") == "urgent"
    assert raised_priority("urgent", "high") == "urgent"
    assert raised_priority("medium", "") == "medium"
    assert raised_priority("bogus", "") == ""

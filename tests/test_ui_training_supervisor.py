"""The supervisor desk's Trainees tab: trainees practise on their own PCs, their histories land in a
team folder (or a profile folder is added), the supervisor sees each trainee's sessions per
scenario with the trend, opens a session's reasons and exports the printable report. A broken
history is named and costs nothing else."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from agentdesk.cli.train_cmd import read_replies
from agentdesk.core.training import play, score
from agentdesk.core.training.history import Session, session_of
from agentdesk.store.profile import Role, Settings, save_settings
from agentdesk.sync.lexicons import load_lexicons
from agentdesk.sync.sandbox.training_loader import TRAINING_CALENDAR, load_training_scenarios, play_context
from agentdesk.ui.training_files import (
    HISTORY_FILE,
    SHARED_SUFFIX,
    load_folders,
    read_history,
    save_session,
    set_team_folder,
)
from agentdesk.ui.training_report import SessionsView
from agentdesk.ui.training_trainees import TraineesPage
from tests.conftest import wait_until
from tests.test_ui_training import opened

pytestmark = pytest.mark.asyncio
DATA = Path(__file__).parent / "data" / "training"


def _played(scenario_id: str, replies: str, day: int) -> Session:
    """A practice played from a reply set and scored, as the trainee's PC keeps it."""
    scenario = load_training_scenarios().get(scenario_id)
    assert scenario is not None
    handlings = read_replies(DATA / f"{scenario_id}.{replies}.jsonl")
    player = play(scenario, handlings, play_context(load_lexicons(), "de", "X"))
    return session_of(player, score(player, TRAINING_CALENDAR), datetime(2026, 3, day, 10, tzinfo=UTC))


def _practise(profile: Path, trainee: str, scenario_id: str, replies: str, day: int) -> int:
    """Play and save with the real code; returns the score."""
    session = _played(scenario_id, replies, day)
    save_session(profile, session, trainee)
    return session.score


async def test_a_supervisor_sees_two_trainees_histories_and_exports_a_report(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(SessionsView, "open_url", staticmethod(opened_urls.append))
    team = tmp_path / "share" / "training"
    team.mkdir(parents=True)
    # Kim practises on her PC; her team folder is the share, so each practice lands there too.
    kim = tmp_path / "kim-pc"
    kim.mkdir()
    set_team_folder(kim, team)
    first = _practise(kim, "Kim Berger", "paket-verspaetet", "bad", 9)
    last = _practise(kim, "Kim Berger", "paket-verspaetet", "good", 10)
    lob = _practise(kim, "Kim Berger", "lob", "good", 11)
    assert (team / f"Kim Berger{SHARED_SUFFIX}").is_file() and first < last
    # Tarik's profile folder is shared as it is.
    tarik = tmp_path / "tarik-profile"
    save_settings(tarik, Settings(agent_name="Tarik Kaya", role=Role.TRAINEE))
    tarik_score = _practise(tarik, "Tarik Kaya", "troll", "good", 12)
    # Someone's copy was cut off on the way.
    (team / f"Jo Weber{SHARED_SUFFIX}").write_text('[{"scenario": "lob", "finished": ', encoding="utf-8")

    save_settings(tmp_path / "supervisor", Settings(agent_name="Sam Leitner", role=Role.SUPERVISOR))
    async with opened(tmp_path / "supervisor", trainee=False) as win:
        win.open_desk()
        assert win.desk is not None
        titles = [win.desk.tabs.tabText(i) for i in range(win.desk.tabs.count())]
        page = win.desk.tabs.widget(titles.index("Trainees"))
        assert isinstance(page, TraineesPage)
        win.desk.tabs.setCurrentWidget(page)  # the supervisor clicks the tab
        await page.add_folder(team)
        await page.add_folder(tarik)
        rows = {
            page.list.topLevelItem(i).text(0): page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())
        }
        assert sorted(rows) == ["Jo Weber", "Kim Berger", "Tarik Kaya"]
        assert rows["Kim Berger"].text(1) == "3" and rows["Kim Berger"].text(2) == f"{lob}/100"
        assert rows["Tarik Kaya"].text(1) == "1" and rows["Tarik Kaya"].text(2) == f"{tarik_score}/100"
        assert "cannot be read" in rows["Jo Weber"].text(1)
        assert page.problems.isVisible() and f"Jo Weber{SHARED_SUFFIX}" in page.problems.text()
        assert "not valid JSON" in page.problems.text()

        assert page.select("Kim Berger")
        view = page.view
        per_scenario = [view.scenarios.topLevelItem(i) for i in range(view.scenarios.topLevelItemCount())]
        assert [(r.text(0), r.text(1), r.text(2)) for r in per_scenario] == [
            ("Paket seit einer Woche unterwegs", "2", str(last)),
            ("Lob für die Hotline", "1", str(lob)),
        ]
        assert per_scenario[0].text(4) == f"↑ +{last - first}" and per_scenario[1].text(4) == "→ 0"
        score_dialog = view.open_session(1)  # newest first: the good play of the parcel
        assert f"{last} of 100" in score_dialog.score_label.text() and score_dialog.reasons.topLevelItemCount() == 7
        score_dialog.reject()

        path = await view.export_report()
        assert path is not None and path.parent == tmp_path / "supervisor" / "training-reports"
        report = path.read_text(encoding="utf-8")
        assert "Kim Berger" in report and report.count("<section>") == 3 and f"{first}/100" in report
        assert "Tarik" not in report
        assert opened_urls == [QUrl.fromLocalFile(str(path))]

        page.select("Tarik Kaya")
        assert view.trainee == "Tarik Kaya" and view.list.topLevelItemCount() == 1

    # The folders are kept for the next start; the broken file was only read, never changed.
    assert load_folders(tmp_path / "supervisor").folders == (team, tarik)
    assert (team / f"Jo Weber{SHARED_SUFFIX}").read_text(encoding="utf-8") == '[{"scenario": "lob", "finished": '
    assert len(read_history(tarik / HISTORY_FILE)) == 1


async def test_a_trainee_sets_the_team_folder_and_the_history_lands_there(qtbot, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    async with opened(tmp_path / "trainee") as win:
        assert win.training is not None
        await win.training.set_team_folder(team)
        assert str(team) in win.messages.label.text()
        session = _played("lob", "good", 1)
        await win.training.files.run(save_session, win.ws.data_dir, session, win.ws.settings.agent_name)
        copy = team / f"{win.ws.settings.agent_name}{SHARED_SUFFIX}"
        await wait_until(copy.is_file)
        assert [s["scenario"] for s in json.loads(copy.read_text(encoding="utf-8"))] == ["lob"]

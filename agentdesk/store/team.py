"""The team in the store: a backend's agents and teams kept up to date, and the board's numbers.

The board is one aggregate over the open conversations grouped by assignee: the SLA states come
from two instants (:func:`agentdesk.core.team.sla_thresholds`), so no row's SLA is computed in
Python however many conversations there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, delete, func, literal, select
from sqlalchemy.orm import Session

from agentdesk.core.channels import Channel
from agentdesk.core.entities import Status
from agentdesk.core.sla import BusinessCalendar, SlaPolicy
from agentdesk.core.team import Availability, BoardRow, SlaThresholds, TeamAgent, TeamSnapshot, sla_thresholds
from agentdesk.store.models import AgentRow, ConversationTable, TeamRow

#: How far back the conversations go whose languages stand in for an agent's when the source has none.
LANGUAGE_WINDOW = timedelta(days=90)


def save_team(session: Session, account_id: int, snapshot: TeamSnapshot, now: datetime) -> bool:
    """Upsert the account's agents and teams and drop those the source no longer has; True if
    anything changed. Agents the source gives no languages get those of the conversations
    assigned to them in the last 90 days (Chatwoot has no agent languages)."""
    before = _account_state(session, account_id)
    agents = {row.source_id: row for row in session.scalars(select(AgentRow).where(AgentRow.account_id == account_id))}
    for agent in snapshot.agents:
        row = agents.pop(agent.source_id, None) or AgentRow(account_id=account_id, source_id=agent.source_id)
        row.name = agent.name
        row.email = agent.email
        row.availability = agent.availability.value
        row.channels = _joined(c.value for c in agent.channels)
        row.languages = _joined(agent.languages) or _joined(_recent_languages(session, agent.name, now))
        row.teams = _joined(agent.teams, ordered=True)
        session.add(row)
    for gone in agents.values():
        session.delete(gone)
    teams = {row.source_id: row for row in session.scalars(select(TeamRow).where(TeamRow.account_id == account_id))}
    for team in snapshot.teams:
        row = teams.pop(team.source_id, None) or TeamRow(account_id=account_id, source_id=team.source_id)
        row.name = team.name
        session.add(row)
    if teams:
        session.execute(delete(TeamRow).where(TeamRow.id.in_([t.id for t in teams.values()])))
    session.flush()
    return _account_state(session, account_id) != before


def _account_state(session: Session, account_id: int) -> tuple[object, ...]:
    a, t = AgentRow, TeamRow
    agents = session.execute(
        select(a.source_id, a.name, a.email, a.availability, a.channels, a.languages, a.teams)
        .where(a.account_id == account_id)
        .order_by(a.source_id)
    ).all()
    teams = session.execute(select(t.source_id, t.name).where(t.account_id == account_id).order_by(t.source_id)).all()
    return (tuple(agents), tuple(teams))


def _recent_languages(session: Session, name: str, now: datetime) -> set[str]:
    c = ConversationTable
    rows = session.scalars(
        select(c.language)
        .where(c.assignee == name, c.last_message_at >= now - LANGUAGE_WINDOW, c.language != "")
        .distinct()
    )
    return set(rows)


def _joined(values: Iterable[str], *, ordered: bool = False) -> str:
    items = list(dict.fromkeys(values)) if ordered else sorted(set(values))
    return ",".join(items)


def _split(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def team_agents(session: Session) -> list[TeamAgent]:
    """Every known colleague, once per name (the same person on two accounts merges)."""
    merged: dict[str, TeamAgent] = {}
    for row in session.scalars(select(AgentRow).order_by(AgentRow.name, AgentRow.id)):
        agent = TeamAgent(
            row.name,
            Availability(row.availability),
            frozenset(Channel(c) for c in _split(row.channels) if c in Channel._value2member_map_),
            frozenset(_split(row.languages)),
            tuple(_split(row.teams)),
        )
        known = merged.get(row.name)
        merged[row.name] = agent if known is None else _merge(known, agent)
    return list(merged.values())


def _merge(first: TeamAgent, second: TeamAgent) -> TeamAgent:
    """One person on two accounts: online if online anywhere, handles what either account says."""
    rank = [Availability.ONLINE, Availability.BUSY, Availability.OFFLINE]
    return TeamAgent(
        first.name,
        min(first.availability, second.availability, key=rank.index),
        first.channels | second.channels,
        first.languages | second.languages,
        tuple(dict.fromkeys(first.teams + second.teams)),
    )


def team_board(session: Session, now: datetime, policy: SlaPolicy, calendar: BusinessCalendar) -> list[BoardRow]:
    """One row per known agent and per other assignee of an open conversation, then the
    unassigned pool (name ""). Agents by name; the pool last."""
    c = ConversationTable
    is_open = c.status == Status.OPEN.value
    earliest = session.scalar(select(func.min(c.waiting_since)).where(is_open))
    limits = sla_thresholds(earliest, now, policy, calendar) if earliest is not None else None
    at_risk, breached = _sla_counts(limits)
    numbers = {
        assignee: (n, risk or 0, late or 0, oldest)
        for assignee, n, risk, late, oldest in session.execute(
            select(c.assignee, func.count(), at_risk, breached, func.min(c.waiting_since))
            .where(is_open)
            .group_by(c.assignee)
        )
    }
    availability = {agent.name: agent.availability for agent in team_agents(session)}
    names = sorted(set(availability) | (set(numbers) - {""}), key=str.casefold)
    rows = [BoardRow(name, availability.get(name), *numbers.get(name, (0, 0, 0, None))) for name in names]
    rows.append(BoardRow("", None, *numbers.get("", (0, 0, 0, None))))
    return rows


def _sla_counts(limits: SlaThresholds | None) -> tuple[ColumnElement[int], ColumnElement[int]]:
    """SUM columns for at risk and breached: waiting since at or before the two instants."""
    waiting = ConversationTable.waiting_since
    none = literal(0)
    if limits is None or limits.at_risk_until is None:
        return none, none
    if limits.breached_until is None:
        return _counted(waiting <= limits.at_risk_until), none
    return (
        _counted((waiting <= limits.at_risk_until) & (waiting > limits.breached_until)),
        _counted(waiting <= limits.breached_until),
    )


def _counted(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def open_load(session: Session) -> dict[str, int]:
    """Open conversations per assignee (the pool under ""), from the covering assignee index."""
    c = ConversationTable
    stmt = select(c.assignee, func.count()).where(c.status == Status.OPEN.value).group_by(c.assignee)
    return {assignee: n for assignee, n in session.execute(stmt)}


def agent_queue_ids(session: Session, assignee: str) -> list[int]:
    """An agent's open conversations (assignee "" : the unassigned pool), longest waiting first."""
    c = ConversationTable
    stmt = (
        select(c.id)
        .where(c.status == Status.OPEN.value, c.assignee == assignee)
        .order_by(c.waiting_since.is_(None), c.waiting_since, c.last_message_at.desc())
    )
    return list(session.scalars(stmt))


def unfinished_ids(session: Session, assignee: str) -> list[int]:
    """What is assigned to someone and not resolved: open, waiting for the customer or snoozed."""
    c = ConversationTable
    unfinished = (Status.OPEN.value, Status.PENDING.value, Status.SNOOZED.value)
    return list(session.scalars(select(c.id).where(c.assignee == assignee, c.status.in_(unfinished)).order_by(c.id)))


def channels_and_languages(session: Session, ids: list[int]) -> tuple[set[Channel], set[str]]:
    """What the chosen conversations need of whoever takes them: channels and languages."""
    c = ConversationTable
    rows = session.execute(select(c.channel, c.language).where(c.id.in_(ids)).distinct()).all()
    return {Channel(channel) for channel, _ in rows}, {language for _, language in rows if language}

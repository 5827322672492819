"""A Chatwoot account's team as the desk needs it: agents with availability, the channels of the
inboxes they are members of, and their teams.

Chatwoot has no agent languages: the snapshot leaves them empty and the store takes the languages
of the conversations assigned to each agent recently (``agentdesk.store.team``).
"""

from __future__ import annotations

from collections.abc import Mapping

from agentdesk.core.team import Availability, IncomingAgent, IncomingTeam, TeamSnapshot
from agentdesk.sync.chatwoot.channels import inbox_channel
from agentdesk.sync.chatwoot.records import Agent, Inbox, Team

#: Chatwoot's availability_status in our words ("busy" shows as away on the board).
AVAILABILITY = {"available": Availability.ONLINE, "online": Availability.ONLINE, "busy": Availability.BUSY}


def team_snapshot(
    agents: tuple[Agent, ...],
    teams: tuple[Team, ...],
    team_members: Mapping[int, tuple[int, ...]],
    inboxes: Mapping[int, Inbox],
    inbox_members: Mapping[int, tuple[int, ...]],
) -> TeamSnapshot:
    """Join the agent list with team and inbox memberships (all keyed by Chatwoot ids)."""
    team_names = {team.id: team.name for team in teams}
    return TeamSnapshot(
        tuple(
            IncomingAgent(
                str(agent.id),
                agent.name,
                agent.email,
                AVAILABILITY.get(agent.availability, Availability.OFFLINE),
                frozenset(
                    inbox_channel(inbox.channel_type, inbox.name, inbox.medium)
                    for inbox_id, inbox in inboxes.items()
                    if agent.id in inbox_members.get(inbox_id, ())
                ),
                teams=tuple(team_names[tid] for tid, members in team_members.items() if agent.id in members),
            )
            for agent in agents
        ),
        tuple(IncomingTeam(str(team.id), team.name) for team in teams),
    )

"""The sandbox's simulated team: a few colleagues beside the profile's agent, so the supervisor's
desk is alive in the demo. The demo scenarios already assign conversations to some of them."""

from __future__ import annotations

from agentdesk.core.channels import Channel
from agentdesk.core.team import Availability, IncomingAgent, IncomingTeam, TeamSnapshot

_SOCIAL = frozenset({Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.FACEBOOK, Channel.INSTAGRAM})
_ALL = _SOCIAL | {Channel.EMAIL}
_TEAMS = (IncomingTeam("social", "Social Media"), IncomingTeam("service", "Kundenservice"))

#: (name, availability, channels, languages, teams); the profile's own agent is added online.
_COLLEAGUES = (
    ("Jonas Weber", Availability.ONLINE, _ALL, {"de", "en"}, ("Social Media", "Kundenservice")),
    ("Sophie Krüger", Availability.ONLINE, _SOCIAL, {"de"}, ("Social Media",)),
    ("Aylin Demir", Availability.BUSY, _ALL, {"de", "en", "tr"}, ("Kundenservice",)),
    (
        "Mehmet Yılmaz",
        Availability.ONLINE,
        frozenset({Channel.EMAIL, Channel.FACEBOOK}),
        {"de", "tr"},
        ("Kundenservice",),
    ),
    ("Lena Hoffmann", Availability.OFFLINE, _SOCIAL, {"de", "en"}, ("Social Media",)),
)


def sandbox_team(agent_name: str) -> TeamSnapshot:
    """The simulated team with ``agent_name`` (the profile's agent) online on every channel."""
    me = IncomingAgent("me", agent_name, "", Availability.ONLINE, _ALL, frozenset({"de", "en"}), ("Social Media",))
    colleagues = tuple(
        IncomingAgent(name.split()[0].lower(), name, "", availability, channels, frozenset(languages), teams)
        for name, availability, channels, languages, teams in _COLLEAGUES
        if name != agent_name
    )
    return TeamSnapshot((me, *colleagues), _TEAMS)

"""The facts behind the supervisor's charts: every customer request in a range and our first reply.

A request is a run of inbound messages up to our next reply, so one statement groups each
inbound message by that reply (found through the ``(conversation_id, created_at)`` index) and
takes the run's first message as the received instant; the trailing unanswered run groups under
NULL. Only conversations active since the range began are read. Internal notes and failed sends
are not replies; spam and monitoring matches are left out, and so is a match an agent dismissed
(resolved without a reply): it was never a request. A match taken into the queue counts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from agentdesk.core.channels import Channel
from agentdesk.core.entities import Status
from agentdesk.core.reports import DateRange, RequestFact, TeamReport, team_report
from agentdesk.core.sla import BusinessCalendar, SlaPolicy
from agentdesk.store.store import Store
from agentdesk.store.types import from_millis, to_millis

_REQUESTS = text(
    """
    WITH inbound AS MATERIALIZED (  -- materialized: the reply subquery runs once per message, not per use
      SELECT m.conversation_id AS cid, m.created_at AS at,
        (SELECT min(o.created_at) FROM messages o
         WHERE o.conversation_id = m.conversation_id AND o.created_at >= m.created_at
           AND o.direction = 'outbound' AND o.delivery != 'failed') AS reply
      FROM messages m
      WHERE m.conversation_id IN (
          SELECT id FROM conversations c WHERE last_message_at >= :start AND status NOT IN (:spam, :monitoring)
          AND NOT (status = :resolved AND id IN (SELECT conversation_id FROM monitoring_posts)
                   AND NOT EXISTS (SELECT 1 FROM messages r WHERE r.conversation_id = c.id
                                   AND r.direction = 'outbound' AND r.delivery != 'failed')))
        AND m.direction = 'inbound' AND m.created_at < :end)
    SELECT g.cid, g.received, g.reply, c.channel, c.assignee
    FROM (SELECT cid, min(at) AS received, reply FROM inbound GROUP BY cid, reply) g
    JOIN conversations c ON c.id = g.cid
    ORDER BY g.cid, g.received
    """
)

_CHANNELS = {channel.value: channel for channel in Channel}  # a dict lookup; Channel(value) is slower


def request_facts(session: Session, start: datetime, end: datetime) -> list[RequestFact]:
    """Requests received in [start, end); their replies may come later, up to now. A conversation's
    first request is its *opening* one (judged by the first-response target)."""
    rows = session.execute(
        _REQUESTS,
        {
            "start": to_millis(start),
            "end": to_millis(end),
            "spam": Status.SPAM.value,
            "monitoring": Status.MONITORING.value,
            "resolved": Status.RESOLVED.value,
        },
    )
    low = to_millis(start)
    facts: list[RequestFact] = []
    previous = None
    for cid, received, reply, channel, assignee in rows:
        opening, previous = cid != previous, cid
        if received >= low:
            replied = None if reply is None else from_millis(reply)
            facts.append(RequestFact(cid, from_millis(received), replied, _CHANNELS[channel], assignee, opening))
    return facts


def read_team_report(
    store: Store, days: DateRange, policy: SlaPolicy, calendar: BusinessCalendar, now: datetime
) -> TeamReport:
    """The charts' numbers for ``days``, read and computed in one go off the GUI thread
    (``StoreRunner.read``)."""
    start, end = days.instants(calendar.tz)
    with store._tx() as session:  # one read transaction of the store; the report's SQL lives here
        facts = request_facts(session, start, end)
    return team_report(facts, days, policy, calendar, now)

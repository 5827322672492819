"""Desktop notifications: what is worth one (the watch) and whether it is shown now (the rules).

Pure: every decision takes the current time as an argument and reads no clock.
"""

from agentdesk.core.notifications.rules import (
    NOTICE_KINDS,
    Notice,
    NoticeKind,
    NotificationGate,
    NotificationRules,
    Verdict,
    bundle,
    working_calendar,
    working_hours_words,
)
from agentdesk.core.notifications.watch import ConversationWatch, caught_up, is_new_customer_message

__all__ = [
    "NOTICE_KINDS",
    "ConversationWatch",
    "Notice",
    "NoticeKind",
    "NotificationGate",
    "NotificationRules",
    "Verdict",
    "bundle",
    "caught_up",
    "is_new_customer_message",
    "working_calendar",
    "working_hours_words",
]

"""The expected failures of talking to a source, as one documented tree.

Everything below :class:`SourceError` is *expected*: the engine turns it into an account state
or a command state and the UI into a calm message with an action. Anything else is a bug and
goes to the one crash path.
"""

from __future__ import annotations

from agentdesk.sync.words import _


class SourceError(Exception):
    """A source could not do what we asked; ``str(exc)`` is a sentence for the user."""


class Offline(SourceError):
    """No connection, a timeout or a reset: try again later, nothing is lost."""


class ServerError(SourceError):
    """The server failed (5xx) or answered garbage; retried with backoff."""


class MalformedResponse(ServerError):
    """The answer could not be parsed; retried, and reported with what was wrong."""


class RateLimited(SourceError):
    """429 or an exhausted quota; ``retry_after`` seconds until the next try."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NeedsSignIn(SourceError):
    """401: the token is wrong, expired or revoked. Stops this account until the user signs in."""


class Forbidden(SourceError):
    """403/404 on the account: no access. Stops this account until the user fixes it."""


class Rejected(SourceError):
    """The server refused one command for good (422 and the like): the user decides."""


class Conflict(SourceError):
    """Someone else changed the conversation meanwhile (reassigned, resolved)."""


class RealSourcesForbidden(Exception):
    """A trainee profile (or --sandbox) may only ever talk to the sandbox; not a SourceError, never retried."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message or _("This is a training profile: it may hold only the sandbox, never a real account.")
        )

"""Monitoring beyond our own channels: saved searches, and the posts they find.

A saved search is a keyword, a hashtag or the brand's name written without @ (people who do not
tag the company are still talking about it). What a search finds is a :class:`FoundPost`: the
post's thread as a conversation for the *Monitoring* queue, its canonical URI (one post is one
match, however many searches or accounts found it), and the reason it matched, in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from agentdesk.core.incoming import IncomingConversation

MAX_QUERY = 100


class QueryKind(StrEnum):
    HASHTAG = "hashtag"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    account_id: int
    query: str
    last_run_at: datetime | None = None

    @property
    def kind(self) -> QueryKind:
        return QueryKind.HASHTAG if self.query.startswith("#") else QueryKind.TEXT


@dataclass(frozen=True, slots=True)
class SearchHit:
    """What a platform's search gave: a post's canonical address and its thread."""

    uri: str  # the same post on every instance and account
    conversation: IncomingConversation  # its thread, status MONITORING


@dataclass(frozen=True, slots=True)
class FoundPost:
    hit: SearchHit
    reason: str  # "Mastodon: Wellenreich": which account's which search found it, for the row

    @property
    def uri(self) -> str:
        return self.hit.uri

    @property
    def conversation(self) -> IncomingConversation:
        return self.hit.conversation


class QueryProblem(ValueError):
    """Why a search cannot be saved; ``kind`` lets the window say it in the agent's language."""

    AT_NAME = "at_name"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_A_HASHTAG = "not_a_hashtag"

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def normalise_query(text: str) -> str:
    """The query as it is kept; :class:`QueryProblem` says in words what is wrong with it."""
    query = " ".join(text.split())
    if query.startswith("@"):
        raise QueryProblem(
            QueryProblem.AT_NAME, "search for the name without @: mentions of the account arrive in the queue anyway"
        )
    if not query or query == "#":
        raise QueryProblem(QueryProblem.EMPTY, "a search needs a word, a hashtag or a name")
    if len(query) > MAX_QUERY:
        raise QueryProblem(QueryProblem.TOO_LONG, f"a search may have at most {MAX_QUERY} characters")
    if query.startswith("#") and not query[1:].replace("_", "").isalnum():
        raise QueryProblem(QueryProblem.NOT_A_HASHTAG, f"{query!r} is not a hashtag: letters, digits and _ only")
    return query


def reason_for(query: str, account_name: str) -> str:
    return f"{account_name}: {query}"

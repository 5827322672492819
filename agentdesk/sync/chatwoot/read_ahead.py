"""Asking for the next page of a sync pass while the current page's messages still come in.

A page is one conversation list request and then one messages request per conversation, a few
in flight at once. Fetched one page after the other, the requests in flight run dry at the end
of every page (the last few messages requests, then the next list request, each alone). So once
a page's list says the pass goes on, the next page is started too: its list request runs beside
the messages requests, and its messages requests queue for the same slots behind the current
page's. At most one page runs ahead of the one the engine waits for, and only while it waits:
the engine still gets the pages in order, one at a time, and the cursor it stores after each
stays what it was. Pages are read in order too (the next list after this one's list), so what
the cursor promises (a conversation moving up during a pass is read twice, never skipped) holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from agentdesk.core.incoming import IncomingConversation
from agentdesk.sync.chatwoot.records import ConversationCounts

PageKey = tuple[int | None, int]  # the pass's watermark (None: a full pass) and the page number
Listed = Callable[[bool], None]  # a page calls it once its list is in: whether the pass goes on after it


@dataclass(frozen=True, slots=True)
class ListedPage:
    items: list[dict[str, Any]]  # the list's raw items, changed or not
    counts: ConversationCounts
    conversations: tuple[IncomingConversation, ...]  # the changed ones, with their new messages
    last: bool  # the pass ends with this page


@dataclass(eq=False)
class _Pending:
    key: PageKey
    task: asyncio.Task[ListedPage] | None = None
    goes_on: bool = False  # its list is in and says there is a page after it


@dataclass
class ReadAhead:
    """A pass's pages as tasks: the page asked for, and once its list is in, the next one."""

    fetch: Callable[[PageKey, Listed], Awaitable[ListedPage]]
    _head: _Pending | None = field(default=None, init=False)  # the page the caller waits for
    _ahead: _Pending | None = field(default=None, init=False)

    async def page(self, key: PageKey) -> ListedPage:
        pending, self._ahead = self._ahead, None
        if pending is None or pending.key != key:  # a new pass, or one that resumes elsewhere
            _cancel(pending)
            pending = self._start(key)
        self._head = pending
        self._start_next()
        assert pending.task is not None
        try:
            return await pending.task
        except BaseException:
            self.cancel()  # a failed or cancelled pass starts over from its stored cursor
            raise
        finally:
            self._head = None

    def cancel(self) -> None:
        ahead, self._ahead = self._ahead, None
        _cancel(ahead)

    def _start(self, key: PageKey) -> _Pending:
        pending = _Pending(key)

        def listed(goes_on: bool) -> None:
            pending.goes_on = goes_on
            self._start_next()

        pending.task = asyncio.ensure_future(self.fetch(key, listed))
        pending.task.add_done_callback(_seen)
        return pending

    def _start_next(self) -> None:
        head = self._head
        if head is not None and head.goes_on and self._ahead is None:
            since, number = head.key
            self._ahead = self._start((since, number + 1))


def _cancel(pending: _Pending | None) -> None:
    if pending is not None and pending.task is not None:
        pending.task.cancel()


def _seen(task: asyncio.Task[ListedPage]) -> None:
    """A page read ahead that nobody asks for (the pass failed first) ends quietly."""
    if not task.cancelled():
        task.exception()

"""The next page of a pass is asked for while the current one's messages come in, never further ahead."""

from __future__ import annotations

import asyncio

import pytest

from agentdesk.sync.chatwoot.read_ahead import Listed, ListedPage, PageKey, ReadAhead
from agentdesk.sync.chatwoot.records import ConversationCounts

LAST_PAGE = 4


class Source:
    """Pages whose lists arrive at once and whose messages arrive when the test lets them."""

    def __init__(self, failing: int | None = None) -> None:
        self.started: list[PageKey] = []
        self.cancelled: list[PageKey] = []
        self.messages: dict[PageKey, asyncio.Event] = {}
        self.failing = failing

    async def fetch(self, key: PageKey, listed: Listed) -> ListedPage:
        self.started.append(key)
        self.messages[key] = asyncio.Event()
        await asyncio.sleep(0)  # the list request
        listed(key[1] < LAST_PAGE)
        try:
            await self.messages[key].wait()
        except asyncio.CancelledError:
            self.cancelled.append(key)
            raise
        if key[1] == self.failing:
            raise ConnectionResetError("the server went away")
        return ListedPage([{"id": key[1]}], ConversationCounts(0, 0, 0, 0), (), key[1] == LAST_PAGE)

    def let_in(self, key: PageKey) -> None:
        self.messages[key].set()


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_pages_arrive_in_order_with_one_page_asked_for_ahead_while_the_caller_waits():
    source = Source()
    pages = ReadAhead(source.fetch)
    first = asyncio.ensure_future(pages.page((None, 1)))
    await settle()
    assert source.started == [(None, 1), (None, 2)]  # page 1's list said "more": page 2 is on its way
    source.let_in((None, 2))  # the later page may finish first: it is still handed over second
    source.let_in((None, 1))
    assert (await first).items == [{"id": 1}]
    await settle()
    assert source.started == [(None, 1), (None, 2)]  # nobody waits: nothing further is asked for

    second = asyncio.ensure_future(pages.page((None, 2)))
    await settle()
    assert source.started[-1] == (None, 3)
    assert (await second).items == [{"id": 2}]
    for number in (3, 4):
        source.let_in((None, number))
        page = await pages.page((None, number))
        assert page.items == [{"id": number}]
    assert page.last and source.started == [(None, n) for n in (1, 2, 3, 4)]  # nothing after the last


@pytest.mark.asyncio
async def test_a_failed_page_drops_the_page_read_ahead_and_a_new_pass_starts_where_it_is_told():
    source = Source(failing=1)
    pages = ReadAhead(source.fetch)
    first = asyncio.ensure_future(pages.page((None, 1)))
    await settle()
    source.let_in((None, 1))
    with pytest.raises(ConnectionResetError):
        await first
    await settle()
    assert source.cancelled == [(None, 2)]

    source.failing = None
    resumed = asyncio.ensure_future(pages.page((None, 3)))  # the stored cursor says page 3
    await settle()
    assert source.started[-2:] == [(None, 3), (None, 4)]
    source.let_in((None, 3))
    assert (await resumed).items == [{"id": 3}]
    stale = asyncio.ensure_future(pages.page((1700000000, 1)))  # a new, incremental pass instead of page 4
    await settle()
    assert (None, 4) in source.cancelled and source.started[-2:] == [(1700000000, 1), (1700000000, 2)]
    source.let_in((1700000000, 1))
    await stale
    pages.cancel()

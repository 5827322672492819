"""Reading HTTP/1.1 answers to a GET out of raw bytes, however the network cuts them."""

from __future__ import annotations

import pytest

from agentdesk.sync.http_answer import Answer, AnswerReader, ProtocolError

CHUNKED = (
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Ratelimit-Remaining: 7\r\n\r\n"
    b"5;name=value\r\nhello\r\n1A\r\n, here are 26 bytes.......\r\n0\r\nExpires: never\r\n\r\n"
)


def read_in_pieces(raw: bytes, size: int, *, then_end: bool = False) -> Answer:
    """Feed ``raw`` ``size`` bytes at a time, as a slow network would, until an answer comes out."""
    reader = AnswerReader()
    for start in range(0, len(raw), size):
        reader.feed(raw[start : start + size])
        answer = reader.answer(ended=False)
        if answer is not None:
            return answer
    if then_end:
        answer = reader.answer(ended=True)
        assert answer is not None
        return answer
    raise AssertionError("no answer from all the bytes")


@pytest.mark.parametrize("size", [1, 2, 7, 1000])
def test_an_answer_is_the_same_however_its_bytes_arrive(size: int):
    sized = read_in_pieces(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nRetry-After: 3\r\n\r\nnot there", size)
    assert (sized.status, sized.headers["retry-after"], sized.body, sized.reusable) == (404, "3", b"not there", True)

    chunked = read_in_pieces(CHUNKED, size)
    assert chunked.body == b"hello, here are 26 bytes......."
    assert chunked.headers["x-ratelimit-remaining"] == "7" and chunked.reusable


def test_interim_answers_are_skipped_and_204_has_no_body():
    answer = read_in_pieces(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 1000)
    assert (answer.status, answer.body, answer.reusable) == (204, b"", True)


def test_two_answers_on_one_connection_come_out_one_after_the_other():
    reader = AnswerReader()
    reader.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
    first = reader.answer(ended=False)
    assert first is not None and first.reusable
    assert reader.answer(ended=False) is None  # nothing of the next one yet
    reader.feed(CHUNKED)
    second = reader.answer(ended=False)
    assert second is not None and second.body.startswith(b"hello")


def test_a_connection_that_must_not_carry_another_request_is_not_reused():
    closing = read_in_pieces(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 1000)
    old = read_in_pieces(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}", 1000)
    kept_old = read_in_pieces(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}", 1000)
    assert (closing.reusable, old.reusable, kept_old.reusable) == (False, False, True)
    # bytes nobody asked for after the answer: the next answer could not be told from them
    extra = read_in_pieces(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200", 1000)
    assert extra.body == b"{}" and not extra.reusable


def test_without_a_length_the_body_ends_with_the_connection():
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[1, 2, 3]"
    reader = AnswerReader()
    reader.feed(raw)
    assert reader.answer(ended=False) is None  # more may come
    answer = reader.answer(ended=True)
    assert answer is not None and (answer.body, answer.reusable) == (b"[1, 2, 3]", False)


@pytest.mark.parametrize(
    "raw",
    [
        b"SSH-2.0-OpenSSH_9.6\r\n\r\n",  # not HTTP at all
        b"HTTP/1.1 2OO OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n folded: header\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nContent-Length: -2\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",  # a chunk longer than it says
        b"HTTP/1.1 101 Switching Protocols\r\n\r\n",
    ],
)
def test_bytes_that_are_no_answer_are_a_protocol_error(raw: bytes):
    reader = AnswerReader()
    reader.feed(raw)
    with pytest.raises(ProtocolError):
        reader.answer(ended=False)


def test_an_answer_cut_short_by_the_server_is_a_protocol_error():
    cut = (b"", b"HTTP/1.1 200 OK\r\nContent-Le", b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", CHUNKED[:-9])
    for raw in cut:
        reader = AnswerReader()
        reader.feed(raw)
        with pytest.raises(ProtocolError, match="closed the connection"):
            reader.answer(ended=True)


def test_a_head_that_never_ends_is_refused_instead_of_growing_without_bound():
    reader = AnswerReader()
    reader.feed(b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"a" * 70_000)
    with pytest.raises(ProtocolError, match="too long"):
        reader.answer(ended=False)

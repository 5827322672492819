"""Reading one HTTP/1.1 answer to a GET from the bytes as they arrive (no I/O here).

The lean read path (``agentdesk.sync.get_pool``) had used h11, whose event machinery was about a
sixth of the event loop's time in a full Chatwoot pass (bench/README.md). This reads what an
answer to a GET can be, after RFC 9112: a status line, header lines, then a body framed by
``Transfer-Encoding: chunked``, by ``Content-Length``, or by the end of the connection; none for
1xx, 204 and 304. Interim (1xx) answers are skipped. Anything else is a ``ProtocolError``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The longest head (status line and headers) we wait for; more is a broken or hostile server.
MAX_HEAD = 64 * 1024
_NO_BODY = (204, 304)


class ProtocolError(Exception):
    """The bytes are not an HTTP/1.1 answer we can read."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value
    body: bytes
    reusable: bool  # the connection may carry the next request


class AnswerReader:
    """Collects the bytes of one connection and cuts the answers out of them, one per request."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self._start()

    def _start(self) -> None:
        self._head: tuple[int, dict[str, str], bool] | None = None  # status, headers, keep-alive
        self._framing = ""  # "length", "chunked" or "close"
        self._length = 0  # the body's length, or for chunked the data left of the current chunk
        self._body = bytearray()
        self._chunk_end = False  # chunked: a chunk's data was read, its CRLF not yet
        self._trailers = False  # chunked: past the last chunk, reading trailer lines

    def feed(self, data: bytes) -> None:
        self.buffer += data

    def answer(self, ended: bool) -> Answer | None:
        """The answer once the buffer holds all of it; None while more bytes are needed.

        ``ended``: the server closed the connection, so no more bytes will come.
        """
        if self._head is None and not self._read_head():
            if ended:
                raise ProtocolError("the server closed the connection without an answer")
            return None
        assert self._head is not None
        status, headers, keep_alive = self._head
        if self._framing == "length":
            complete = len(self.buffer) >= self._length
            if complete:
                self._body = self.buffer[: self._length]
                del self.buffer[: self._length]
        elif self._framing == "chunked":
            complete = self._read_chunks()
        else:  # until the connection ends
            self._body += self.buffer
            self.buffer.clear()
            complete, keep_alive = ended, False
        if not complete:
            if ended:
                raise ProtocolError("the server closed the connection in the middle of an answer")
            return None
        body = bytes(self._body)
        self._start()
        return Answer(status, headers, body, keep_alive and not self.buffer and not ended)

    def _read_head(self) -> bool:
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > MAX_HEAD:
                    raise ProtocolError("an answer's head is too long")
                return False
            lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            del self.buffer[: end + 4]
            status, http10 = _status_line(lines[0])
            headers = _headers(lines[1:])
            if 100 <= status < 200:
                if status == 101:
                    raise ProtocolError("the server switched protocols on a GET")
                continue  # an interim answer carries nothing a GET needs
            break
        connection = {token.strip() for token in headers.get("connection", "").lower().split(",")}
        keep_alive = "close" not in connection and (not http10 or "keep-alive" in connection)
        self._head = (status, headers, keep_alive)
        coding = headers.get("transfer-encoding", "").lower()
        if status in _NO_BODY:
            self._framing, self._length = "length", 0
        elif coding:
            if coding.split(",")[-1].strip() != "chunked":
                self._framing = "close"  # RFC 9112 6.3: read until the server closes
            else:
                self._framing = "chunked"
        elif "content-length" in headers:
            self._framing, self._length = "length", _length(headers["content-length"])
        else:
            self._framing = "close"
        return True

    def _read_chunks(self) -> bool:
        """Move whole chunks from the buffer to the body; True once the trailers have ended too."""
        buffer = self.buffer
        while True:
            if self._length:  # inside a chunk's data
                take = min(self._length, len(buffer))
                self._body += buffer[:take]
                del buffer[:take]
                self._length -= take
                if self._length:
                    return False
                self._chunk_end = True
            if self._chunk_end:
                if len(buffer) < 2:
                    return False
                if buffer[:2] != b"\r\n":
                    raise ProtocolError("a chunk does not end where its size says")
                del buffer[:2]
                self._chunk_end = False
            end = buffer.find(b"\r\n")
            if end < 0:
                if len(buffer) > MAX_HEAD:
                    raise ProtocolError("a chunk's size line is too long")
                return False
            line = bytes(buffer[:end])
            del buffer[: end + 2]
            if self._trailers:
                if not line:
                    return True
                continue
            self._length = _chunk_size(line)
            self._trailers = not self._length


def _status_line(line: str) -> tuple[int, bool]:
    version, _, rest = line.partition(" ")
    code = rest[:3]
    if version not in ("HTTP/1.1", "HTTP/1.0") or len(code) != 3 or not code.isdigit() or rest[3:4] not in ("", " "):
        raise ProtocolError(f"not an HTTP/1.1 status line: {line[:80]!r}")
    return int(code), version == "HTTP/1.0"


def _headers(lines: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip() or line[0] in " \t":
            raise ProtocolError(f"a malformed header line: {line[:80]!r}")
        headers[name.lower()] = value.strip(" \t")
    return headers


def _length(value: str) -> int:
    values = {v.strip() for v in value.split(",")}  # a repeated header with the same value is allowed
    if len(values) != 1 or not (length := values.pop()).isdigit():
        raise ProtocolError(f"a Content-Length that is not one number: {value[:80]!r}")
    return int(length)


def _chunk_size(line: bytes) -> int:
    size = line.split(b";", 1)[0].strip()  # chunk extensions carry nothing we need
    if not size or any(c not in b"0123456789abcdefABCDEF" for c in size):
        raise ProtocolError(f"a chunk size that is not a hexadecimal number: {size[:40]!r}")
    return int(size, 16)

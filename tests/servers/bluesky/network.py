"""The real local AT Protocol network (PLC + PDS + AppView from ``@atproto/dev-env``, PostgreSQL,
and our chat service behind the PDS proxy) for the Bluesky tests, and the people on it.

``run-local-net.sh`` starts everything on loopback and prints one JSON line; :class:`LocalNetwork`
starts it once per test session and stops it (the script deletes all its data). A
:class:`Person` is someone else on the network (a customer) who posts, mentions, replies and
writes direct messages with plain XRPC calls, exactly as their own app would.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import os
import secrets
import select
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).parent
INSTALLED = HERE / "node_modules" / "@atproto" / "dev-env"
START_TIMEOUT = 120.0

_names = itertools.count(1)


def not_installed_reason() -> str:
    """Why the network cannot start here ("" if it can)."""
    if not INSTALLED.is_dir():
        return f"the local Bluesky network is not installed (run {HERE / 'install.sh'})"
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return "PostgreSQL is not installed (apt-get install postgresql)"
    return ""


PORT_VARIABLES = ("ATP_PG_PORT", "ATP_PLC_PORT", "ATP_PDS_PORT", "ATP_BSKY_PORT", "ATP_OZONE_PORT", "ATP_CHAT_PORT")


def free_ports() -> dict[str, str]:
    """A free loopback port for each service, so a run right after another one (whose ports may
    linger in TIME_WAIT, which this sandbox's PostgreSQL cannot bind over) starts all the same."""
    sockets = [socket.socket() for _ in PORT_VARIABLES]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return {name: str(sock.getsockname()[1]) for name, sock in zip(PORT_VARIABLES, sockets, strict=True)}
    finally:
        for sock in sockets:
            sock.close()


def now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class LocalNetwork:
    """One running network: its URLs, DIDs and a way to make accounts on it."""

    def __init__(self, log_path: Path) -> None:
        self._log_path = log_path
        self._proc: subprocess.Popen[str] | None = None
        self.info: dict[str, Any] = {}

    def start(self) -> LocalNetwork:
        with self._log_path.open("w") as log:
            self._proc = subprocess.Popen(
                ["bash", str(HERE / "run-local-net.sh")],
                env={**os.environ, **free_ports()},
                stdout=subprocess.PIPE,
                stderr=log,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                text=True,
            )
        assert self._proc.stdout is not None
        deadline = time.monotonic() + START_TIMEOUT
        line = ""
        while not line and time.monotonic() < deadline and self._proc.poll() is None:
            ready, _, _ = select.select([self._proc.stdout], [], [], 1.0)
            if ready:
                line = self._proc.stdout.readline()
        if not line:
            self.stop()
            tail = self._log_path.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the local Bluesky network did not start; its log ends:\n{tail}")
        self.info = json.loads(line)
        return self

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)  # the script stops node and PostgreSQL and deletes the data
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    @property
    def pds(self) -> str:
        return str(self.info["pds"])

    @property
    def plc(self) -> str:
        return str(self.info["plc"])

    @property
    def chat_did(self) -> str:
        return str(self.info["chatMock"]["did"])

    def new_person(self, name: str = "kunde") -> Person:
        """A fresh account (``<name><n>.test``) with its own app password; tests never share people."""
        handle = f"{name}{next(_names)}{secrets.token_hex(2)}.test"
        password = secrets.token_urlsafe(12)
        with httpx.Client(base_url=f"{self.pds}/xrpc", timeout=20) as client:
            made = client.post(
                "com.atproto.server.createAccount",
                json={"handle": handle, "password": password, "email": f"{handle}@example.test"},
            )
            made.raise_for_status()
            body = made.json()
        return Person(self, handle, body["did"], password, body["accessJwt"])


@dataclass
class Person:
    """An account on the local network, acting through its own PDS session."""

    net: LocalNetwork
    handle: str
    did: str
    password: str = field(repr=False)
    access: str = field(repr=False)

    def call(self, method: str, nsid: str, *, chat: bool = False, token: str = "", **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {token or self.access}"}
        if chat:
            headers["atproto-proxy"] = f"{self.net.chat_did}#bsky_chat"
        with httpx.Client(timeout=20) as client:
            answer = client.request(method, f"{self.net.pds}/xrpc/{nsid}", headers=headers, **kw)
        if answer.status_code >= 400:
            raise AssertionError(f"{nsid} -> {answer.status_code} {answer.text}")
        return answer.json() if answer.content else {}

    def app_password(self, *, privileged: bool = True) -> str:
        """An app password as the user makes one in Settings (privileged: may read direct messages)."""
        made = self.call(
            "POST",
            "com.atproto.server.createAppPassword",
            json={"name": f"agentdesk-{secrets.token_hex(3)}", "privileged": privileged},
        )
        return str(made["password"])

    def post(self, text: str, *, mention: Person | None = None, reply_to: dict[str, Any] | None = None) -> dict:
        """A post, with a mention facet for ``@mention.handle`` in the text; ``reply_to`` a post
        (``uri``, ``cid``, ``record``) this answers."""
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text, "createdAt": now()}
        if mention is not None:
            start = text.encode().index(f"@{mention.handle}".encode())
            end = start + len(f"@{mention.handle}".encode())
            feature = {"$type": "app.bsky.richtext.facet#mention", "did": mention.did}
            record["facets"] = [{"index": {"byteStart": start, "byteEnd": end}, "features": [feature]}]
        if reply_to is not None:
            parent = {"uri": reply_to["uri"], "cid": reply_to["cid"]}
            root = (reply_to.get("record") or {}).get("reply", {}).get("root") or parent
            record["reply"] = {"root": root, "parent": parent}
        made = self.call(
            "POST",
            "com.atproto.repo.createRecord",
            json={"repo": self.did, "collection": "app.bsky.feed.post", "record": record},
        )
        return {"uri": made["uri"], "cid": made["cid"], "record": record}

    def record(self, uri: str) -> dict[str, Any] | None:
        """A post as its author's repository holds it (None: no such record)."""
        repo, collection, rkey = uri.removeprefix("at://").split("/")
        with httpx.Client(timeout=20) as client:
            answer = client.get(
                f"{self.net.pds}/xrpc/com.atproto.repo.getRecord",
                params={"repo": repo, "collection": collection, "rkey": rkey},
            )
        return answer.json()["value"] if answer.status_code == 200 else None

    def posts_by(self, did: str) -> list[dict[str, Any]]:
        """Every post in ``did``'s repository, with its uri (``listRecords``: no index, no delay)."""
        with httpx.Client(timeout=20) as client:
            answer = client.get(
                f"{self.net.pds}/xrpc/com.atproto.repo.listRecords",
                params={"repo": did, "collection": "app.bsky.feed.post", "limit": 100},
            )
        answer.raise_for_status()
        return [{"uri": r["uri"], "cid": r["cid"], **r["value"]} for r in answer.json()["records"]]

    def write_to(self, other: Person, text: str) -> str:
        """A direct message to ``other`` through the chat service; the conversation's id."""
        convo = self.call("GET", "chat.bsky.convo.getConvoForMembers", chat=True, params={"members": [other.did]})
        convo_id = str(convo["convo"]["id"])
        self.call(
            "POST", "chat.bsky.convo.sendMessage", chat=True, json={"convoId": convo_id, "message": {"text": text}}
        )
        return convo_id

    def messages(self, convo_id: str) -> list[dict[str, Any]]:
        """The conversation's messages, newest first."""
        return list(
            self.call("GET", "chat.bsky.convo.getMessages", chat=True, params={"convoId": convo_id})["messages"]
        )


#: The local PDS signs its session tokens with dev-env's published test secret (``JWT_SECRET``).
DEV_ENV_JWT_SECRET = b"jwt-secret"


def expired_copy(access_jwt: str) -> str:
    """The same access token, expired: what every session's token is after two hours."""
    header, payload, _ = access_jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["exp"] = int(time.time()) - 60
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    signed = f"{header}.{body}".encode()
    signature = hmac.new(DEV_ENV_JWT_SECRET, signed, hashlib.sha256).digest()
    return f"{header}.{body}." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def poll(what: str, found: Callable[[], Any], timeout: float = 15.0) -> Any:
    """The AppView indexes the PDS's firehose within about a second: ask until it has."""
    deadline = time.monotonic() + timeout
    while True:
        value = found()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not appear within {timeout} s")
        time.sleep(0.1)

"""A Mastodon instance on 127.0.0.1 for tests, built on recorded real traffic.

Every answer is a recorded Mastodon 4.6 body (``recordings.py``) with the test's data filled in,
with the recorded headers: ``x-ratelimit-*`` on every authenticated answer, ``Link`` pagination
on lists, the recorded 401/404/422 bodies. Requests outside what Mastodon's API documents (an
unknown parameter, a status without text, a reply to nothing) are answered as Mastodon answers
them and recorded in ``violations``, which the fixture asserts empty.

Extended beyond the recordings, after Mastodon's API documentation (docs.joinmastodon.org):
429 with the same headers, the ``Idempotency-Key`` on ``POST /api/v1/statuses``, threads with
several customers, and the OAuth authorization code flow with PKCE (``/oauth/authorize``,
``/oauth/token``) for the app registered by ``POST /api/v1/apps``.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.servers.loopback import LoopbackServer
from tests.servers.mastodon import recordings
from tests.servers.oauth_server import OAuthAuthority

RATE_LIMIT = 300  # per five minutes, as recorded
MAX_CHARACTERS = 500
STATUS_FIELDS = {"status", "in_reply_to_id", "visibility", "spoiler_text", "sensitive", "language", "scheduled_at"}
NOTIFICATION_PARAMS = {"types[]", "exclude_types[]", "max_id", "min_id", "since_id", "limit", "account_id"}
VISIBILITIES = {"public", "unlisted", "private", "direct"}
SEARCH_PARAMS = {"q", "type", "resolve", "following", "account_id", "exclude_unreviewed", "max_id", "min_id"}
SEARCH_PARAMS |= {"limit", "offset"}
TAG_PARAMS = {"any[]", "all[]", "none[]", "local", "remote", "only_media", "max_id", "since_id", "min_id", "limit"}


@dataclass
class Fault:
    kind: str  # "rate_limited", "server_error", "malformed", "drop_after_commit"
    path: str = ""
    method: str = ""


@dataclass
class MastodonState:
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    notifications: list[dict[str, Any]] = field(default_factory=list)  # for the company account
    tokens: dict[str, str] = field(default_factory=dict)  # access token -> account id
    idempotency: dict[tuple[str, str], str] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    remaining: int = RATE_LIMIT
    me: str = ""


class MastodonServer(LoopbackServer):
    name = "mastodon-test-server"

    def __init__(self) -> None:
        super().__init__()
        self.state = MastodonState()
        self.oauth = OAuthAuthority()
        self.oauth.state.client_ids.clear()
        self._lock = threading.RLock()
        self._ids = itertools.count(117_020_600_000_000_000)
        self._note_ids = itertools.count(100)
        self.clock = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        self.state.me = self.add_account("wellenreich", "Wellenreich Service", followers=12_000)
        self.token = "company-token"
        self.state.tokens[self.token] = self.state.me

    @property
    def domain(self) -> str:
        return urlsplit(self.url).netloc

    # --- what tests do on the platform's side --------------------------------------------------
    def add_account(self, username: str, display_name: str, *, followers: int = 10, domain: str = "") -> str:
        with self._lock:
            account = recordings.account_template()
            account_id = str(next(self._ids))
            account.update(
                id=account_id,
                username=username,
                acct=f"{username}@{domain}" if domain else username,
                display_name=display_name,
                followers_count=followers,
                url=f"{self.url}/@{username}",
            )
            self.state.accounts[account_id] = account
            return account_id

    def post(
        self, author: str, text: str, *, in_reply_to: str | None = None, visibility: str = "public"
    ) -> dict[str, Any]:
        """A status as the author writes it; a mention of the company account notifies it."""
        with self._lock:
            status = self._create_status(author, text, in_reply_to, visibility)
            if f"@{self.state.accounts[self.state.me]['username']}" in text and author != self.state.me:
                self._notify(status)
            return status

    def revoke(self, token: str) -> None:
        with self._lock:
            self.state.tokens.pop(token, None)

    def inject(self, kind: str, path: str = "", method: str = "") -> None:
        with self._lock:
            self.state.faults.append(Fault(kind, path, method))

    def replies_by_me(self) -> list[dict[str, Any]]:
        return [s for s in self.state.statuses.values() if s["account"]["id"] == self.state.me]

    # --- the model ------------------------------------------------------------------------------
    def _create_status(self, author: str, text: str, in_reply_to: str | None, visibility: str) -> dict[str, Any]:
        status = recordings.status_template()
        status_id = str(next(self._ids))
        self.clock += timedelta(seconds=30)
        parent = self.state.statuses.get(in_reply_to or "")
        mentioned = [a for a in self.state.accounts.values() if f"@{a['username']}" in text]
        status.update(
            id=status_id,
            created_at=self.clock.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            in_reply_to_id=parent["id"] if parent else None,
            in_reply_to_account_id=parent["account"]["id"] if parent else None,
            visibility=visibility,
            language="de",
            content=f"<p>{escape(text)}</p>",
            account=self.state.accounts[author],
            mentions=[
                {"id": a["id"], "username": a["username"], "acct": a["acct"], "url": a["url"]} for a in mentioned
            ],
            uri=f"{self.url}/users/{self.state.accounts[author]['username']}/statuses/{status_id}",
            url=f"{self.url}/@{self.state.accounts[author]['username']}/{status_id}",
            replies_count=0,
        )
        if parent:
            parent["replies_count"] = parent.get("replies_count", 0) + 1
        self.state.statuses[status_id] = status
        return status

    def _notify(self, status: dict[str, Any]) -> None:
        note = recordings.notification_template()
        note_id = str(next(self._note_ids))
        note.update(
            id=note_id,
            type="mention",
            created_at=status["created_at"],
            group_key=f"ungrouped-{note_id}",
            account=status["account"],
            status=status,
        )
        self.state.notifications.append(note)

    def _thread_of(self, status_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        ancestors = []
        parent = self.state.statuses[status_id].get("in_reply_to_id")
        while parent and parent in self.state.statuses:
            ancestors.insert(0, self.state.statuses[parent])
            parent = self.state.statuses[parent].get("in_reply_to_id")
        descendants, frontier = [], {status_id}
        for status in sorted(self.state.statuses.values(), key=lambda s: int(s["id"])):
            if status.get("in_reply_to_id") in frontier:
                descendants.append(status)
                frontier.add(status["id"])
        return ancestors, descendants

    # --- the API --------------------------------------------------------------------------------
    def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes | None]:
        split = urlsplit(target)
        path = split.path.rstrip("/") or "/"
        query = parse_qs(split.query)
        with self._lock:
            self.state.requests.append((method, target))
            if path == "/oauth/authorize":
                return self.oauth.authorize({k: v[0] for k, v in query.items()})
            if path == "/oauth/token":
                return self._token(body, headers)
            if path == "/api/v1/apps" and method == "POST":
                return self._json(200, self._register_app(_form(body, headers)))
            if path == "/api/v2/instance":
                data = recordings.instance()
                data["domain"] = self.domain
                return self._json(200, data, limited=True)
            fault = self._fault(method, path)
            if fault == "rate_limited":
                self.state.remaining = 0
                return self._json(429, {"error": "Too many requests"}, limited=True)
            if fault == "server_error":
                return self._json(500, {"error": "We're sorry, but something went wrong on our end."})
            if fault == "malformed":
                return 200, {"Content-Type": "application/json; charset=utf-8"}, b'[{"id": "1", "type": "ment'
            me = self.state.tokens.get(headers.get("authorization", "").removeprefix("Bearer "))
            if me is None:
                status, extra, error = recordings.unauthorized()
                return self._json(status, error, extra=extra, limited=True)
            answer = self._route(method, path, query, headers, body, me)
            if fault == "drop_after_commit":
                return 0, {}, None  # the write happened; the answer is lost on the way
            return answer

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], headers: dict[str, str], body: bytes, me: str
    ) -> tuple[int, dict[str, str], bytes | None]:
        parts = path.strip("/").split("/")
        if (method, path) == ("GET", "/api/v1/accounts/verify_credentials"):
            return self._json(200, self.state.accounts[me], limited=True)
        if (method, path) == ("GET", "/api/v1/notifications"):
            return self._notifications(query)
        if method == "GET" and parts[:3] == ["api", "v1", "statuses"] and len(parts) in (4, 5):
            status = self.state.statuses.get(parts[3])
            if status is None:
                return self._json(*recordings.not_found(), limited=True)
            if len(parts) == 5 and parts[4] == "context":
                ancestors, descendants = self._thread_of(parts[3])
                return self._json(200, {"ancestors": ancestors, "descendants": descendants}, limited=True)
            if len(parts) == 4:
                return self._json(200, status, limited=True)
        if (method, path) == ("GET", "/api/v2/search"):
            return self._search(query)
        if method == "GET" and parts[:4] == ["api", "v1", "timelines", "tag"] and len(parts) == 5:
            return self._tag_timeline(parts[4], query)
        if (method, path) == ("POST", "/api/v1/statuses"):
            return self._post_status(_form(body, headers), headers.get("idempotency-key", ""), me)
        self.state.violations.append(f"{method} {path} is not part of what the client may use")
        return self._json(*recordings.not_found(), limited=True)

    def _notifications(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes | None]:
        unknown = set(query) - NOTIFICATION_PARAMS
        if unknown:
            self.state.violations.append(f"unknown notification parameters {sorted(unknown)}")
        notes = sorted(self.state.notifications, key=lambda n: int(n["id"]), reverse=True)
        types = query.get("types[]")
        if types:
            notes = [n for n in notes if n["type"] in types]
        limit = min(int(query.get("limit", ["40"])[0]), 80)
        if "max_id" in query:
            notes = [n for n in notes if int(n["id"]) < int(query["max_id"][0])]
        if "since_id" in query:
            notes = [n for n in notes if int(n["id"]) > int(query["since_id"][0])]
        if "min_id" in query:  # the page just after min_id: the oldest newer ones, newest first
            newer = [n for n in notes if int(n["id"]) > int(query["min_id"][0])]
            notes = newer[-limit:]
        page = notes[:limit]
        links = {}
        if page:
            keep = [("types[]", t) for t in types or []]
            base = f"{self.url}/api/v1/notifications?"
            older = urlencode([("max_id", page[-1]["id"]), *keep])
            newer_link = urlencode([("min_id", page[0]["id"]), *keep])
            links["Link"] = f'<{base}{older}>; rel="next", <{base}{newer_link}>; rel="prev"'
        return self._json(200, page, extra=links, limited=True)

    def _search(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes | None]:
        """``/api/v2/search`` as the recording answers it (accounts, statuses, hashtags, collections);
        statuses match their text, as an instance with full-text search finds opted-in posts."""
        unknown = set(query) - SEARCH_PARAMS
        if unknown:
            self.state.violations.append(f"unknown search parameters {sorted(unknown)}")
        words = query.get("q", [""])[0].lower()
        limit = min(int(query.get("limit", ["20"])[0]), 40)
        statuses = [s for s in self._newest_public() if words and words in _text(s)] if "q" in query else []
        if query.get("type", ["statuses"])[0] != "statuses":
            statuses = []
        return self._json(
            200, {"accounts": [], "statuses": statuses[:limit], "hashtags": [], "collections": []}, limited=True
        )

    def _tag_timeline(self, tag: str, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes | None]:
        unknown = set(query) - TAG_PARAMS
        if unknown:
            self.state.violations.append(f"unknown tag timeline parameters {sorted(unknown)}")
        limit = min(int(query.get("limit", ["20"])[0]), 40)
        tagged = [s for s in self._newest_public() if f"#{tag.lower()}" in _text(s)]
        return self._json(200, tagged[:limit], limited=True)

    def _newest_public(self) -> list[dict[str, Any]]:
        statuses = sorted(self.state.statuses.values(), key=lambda s: int(s["id"]), reverse=True)
        return [s for s in statuses if s["visibility"] in ("public", "unlisted")]

    def _post_status(self, form: dict[str, str], key: str, me: str) -> tuple[int, dict[str, str], bytes | None]:
        unknown = set(form) - STATUS_FIELDS
        if unknown:
            self.state.violations.append(f"unknown status fields {sorted(unknown)}")
        if key and (me, key) in self.state.idempotency:  # Mastodon answers a repeated key with the first status
            return self._json(200, self.state.statuses[self.state.idempotency[(me, key)]], limited=True)
        text = form.get("status", "")
        if not text.strip():
            return self._json(*recordings.unprocessable(), limited=True)
        if len(text) > MAX_CHARACTERS:
            error = {"error": f"Validation failed: Text character limit of {MAX_CHARACTERS} exceeded"}
            return self._json(422, error, limited=True)
        visibility = form.get("visibility", "public")
        if visibility not in VISIBILITIES:
            self.state.violations.append(f"unknown visibility {visibility!r}")
            return self._json(422, {"error": "Validation failed: Visibility is not included in the list"})
        in_reply_to = form.get("in_reply_to_id")
        if in_reply_to and in_reply_to not in self.state.statuses:
            return self._json(*recordings.not_found(), limited=True)
        status = self._create_status(me, text, in_reply_to, visibility)
        if key:
            self.state.idempotency[(me, key)] = status["id"]
        return self._json(200, status, limited=True)

    def _register_app(self, form: dict[str, str]) -> dict[str, Any]:
        app = recordings.app_registration()
        client_id, secret = f"client-{next(self._ids)}", f"secret-{next(self._ids)}"
        app.update(
            name=form.get("client_name", ""),
            scopes=form.get("scopes", "read").split(),
            redirect_uris=[form.get("redirect_uris", "")],
            redirect_uri=form.get("redirect_uris", ""),
            client_id=client_id,
            client_secret=secret,
        )
        self.oauth.state.client_ids.add(client_id)
        self.oauth.state.confidential[client_id] = secret
        return app

    def _token(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes | None]:
        form = _form(body, headers)
        status, answer = self.oauth.token(form, headers.get("authorization", ""))
        if status == 200:
            self.state.tokens[str(answer["access_token"])] = self.state.me
            answer.pop("expires_in", None)  # Mastodon's tokens do not expire; it sends created_at instead
            answer["created_at"] = int(self.clock.timestamp())
        return self._json(status, answer)

    def _fault(self, method: str, path: str) -> str | None:
        for fault in self.state.faults:
            if fault.path in path and (not fault.method or fault.method == method):
                self.state.faults.remove(fault)
                return fault.kind
        return None

    def _json(
        self, status: int, body: Any, *, extra: dict[str, str] | None = None, limited: bool = False
    ) -> tuple[int, dict[str, str], bytes | None]:
        headers = {"Content-Type": "application/json; charset=utf-8", **(extra or {})}
        if limited:
            self.state.remaining = max(0, self.state.remaining - 1)
            reset = (datetime.now(UTC) + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            headers |= {
                "X-RateLimit-Limit": str(RATE_LIMIT),
                "X-RateLimit-Remaining": str(self.state.remaining),
                "X-RateLimit-Reset": reset,
            }
        return status, headers, json.dumps(body).encode()


def _text(status: dict[str, Any]) -> str:
    return status["content"].lower()


def _form(body: bytes, headers: dict[str, str]) -> dict[str, str]:
    """Mastodon takes form-encoded and JSON bodies alike."""
    if headers.get("content-type", "").startswith("application/json"):
        data = json.loads(body or b"{}")
        return {k: str(v) for k, v in data.items()}
    return {k: v[0] for k, v in parse_qs(body.decode()).items()}

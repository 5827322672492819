"""The X API v2 on 127.0.0.1 for tests, built on recorded real traffic.

Every answer is a recorded body shape (``recordings.py``) filled with the test's data, with the
recorded headers: ``x-access-level``, ``x-rate-limit-limit`` per endpoint with ``-remaining`` and
``-reset`` (epoch seconds) counted down per endpoint and 15-minute window, 201 for creates, the
``data``/``includes``/``meta`` envelope, and an empty list as ``{"meta": {"result_count": 0}}``.
A post carries only the fields a request asks for (``tweet.fields``, ``dm_event.fields``), and
``includes`` only the expansions it names, as X does. Requests X does not allow (an unknown
parameter, a ``max_results`` out of range, a body field X does not know) are answered with X's
400 problem object and recorded in ``violations``, which the fixture asserts empty.

Extended beyond the recordings, after X's API documentation (docs.x.com), because tweepy
records no errors and no replies: the 401/403/429 problem objects, replies with
``reply.in_reply_to_tweet_id`` and ``conversation_id`` threads, X's refusal of a duplicate post,
the ``referenced_tweets`` expansions, and the OAuth 2.0 authorization code flow with PKCE
(``/i/oauth2/authorize``, ``/2/oauth2/token`` with rotating refresh tokens, public client).
"""

from __future__ import annotations

import gzip
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.servers.loopback import Answer, LoopbackServer
from tests.servers.oauth_server import OAuthAuthority
from tests.servers.x import recordings

CLIENT_ID = "agentdesk-x-test"  # the company's registered X app (a public client: no secret)
WINDOW = 15 * 60  # X's rate-limit window
SNOWFLAKE_EPOCH = datetime.fromtimestamp(1_288_834_974_657 / 1000, UTC)  # X's ids count milliseconds from here

#: (method, path template) -> (the cassette recording it, the path there): its headers and limit.
RECORDED = {
    ("GET", "/2/users/me"): ("test_client_get_me.yaml", "/2/users/me"),
    ("GET", "/2/users/:id/mentions"): ("test_client_get_users_mentions.yaml", "/mentions"),
    ("GET", "/2/users/:id/tweets"): ("test_client_get_users_tweets.yaml", "/tweets"),
    ("GET", "/2/tweets"): ("test_client_get_tweets.yaml", "/2/tweets"),
    ("GET", "/2/tweets/search/recent"): ("test_client_search_recent_tweets.yaml", "/2/tweets/search/recent"),
    ("POST", "/2/tweets"): ("test_client_create_and_delete_tweet.yaml", "/2/tweets"),
    ("GET", "/2/dm_events"): ("test_manage_and_lookup_direct_messages.yaml", "/2/dm_events"),
    ("GET", "/2/dm_conversations/:id/dm_events"): ("test_manage_and_lookup_direct_messages.yaml", "/dm_events"),
    ("POST", "/2/dm_conversations/with/:id/messages"): ("test_manage_and_lookup_direct_messages.yaml", "/messages"),
    ("POST", "/2/dm_conversations/:id/messages"): ("test_manage_and_lookup_direct_messages.yaml", "/messages"),
}

FIELD_PARAMS = {"tweet.fields", "user.fields", "media.fields", "place.fields", "poll.fields", "expansions"}
TIMELINE_PARAMS = FIELD_PARAMS | {"since_id", "until_id", "max_results", "pagination_token", "start_time", "end_time"}
SEARCH_PARAMS = FIELD_PARAMS | {"query", "since_id", "until_id", "max_results", "next_token", "pagination_token"}
SEARCH_PARAMS |= {"start_time", "end_time", "sort_order"}
DM_PARAMS = {"dm_event.fields", "event_types", "expansions", "max_results", "pagination_token", "user.fields"}
DM_PARAMS |= {"media.fields", "tweet.fields"}
TWEET_FIELDS = {"author_id", "conversation_id", "created_at", "in_reply_to_user_id", "referenced_tweets", "lang"}
TWEET_FIELDS |= {"attachments", "entities", "public_metrics", "possibly_sensitive", "reply_settings", "source"}
TWEET_FIELDS |= {"edit_history_tweet_ids", "id", "text", "context_annotations", "geo", "withheld", "edit_controls"}
TWEET_EXPANSIONS = {"author_id", "referenced_tweets.id", "referenced_tweets.id.author_id", "in_reply_to_user_id"}
TWEET_EXPANSIONS |= {"attachments.media_keys", "entities.mentions.username", "edit_history_tweet_ids"}
DM_FIELDS = {"id", "text", "event_type", "created_at", "sender_id", "dm_conversation_id", "participant_ids"}
DM_FIELDS |= {"attachments", "referenced_tweets"}
DM_EXPANSIONS = {"sender_id", "participant_ids", "attachments.media_keys", "referenced_tweets.id"}
USER_FIELDS = {"id", "name", "username", "public_metrics", "created_at", "description", "verified", "location"}
USER_FIELDS |= {"profile_image_url", "protected", "url"}
CREATE_FIELDS = {"text", "reply", "quote_tweet_id", "media", "poll", "reply_settings", "for_super_followers_only"}
CREATE_FIELDS |= {"direct_message_deep_link", "geo", "community_id", "nullcast", "card_uri"}

UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
TOO_MANY = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
#: X's answer when the app's access level does not include an endpoint (e.g. DMs or mentions on Free).
NOT_ENROLLED = {
    "client_id": CLIENT_ID,
    "detail": "You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints (e.g. media "
    "post, oauth) only. If you need access to this endpoint, you may need a different access level. You can learn "
    "more here: https://developer.x.com/en/portal/product",
    "registration_url": "https://developer.x.com/en/portal/product",
    "title": "Client Forbidden",
    "required_enrollment": "Appropriate Level of API Access",
    "reason": "client-not-enrolled",
    "type": "https://api.twitter.com/2/problems/client-forbidden",
}
NOT_FOUND = {"title": "Not Found Error", "type": "https://api.twitter.com/2/problems/resource-not-found"}


@dataclass
class Fault:
    kind: str  # "rate_limited", "server_error", "malformed", "drop_after_commit", "not_enrolled"
    path: str = ""
    method: str = ""
    times: int = 1  # how many requests it answers


@dataclass
class XState:
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    tweets: dict[str, dict[str, Any]] = field(default_factory=dict)  # every field; rendered per request
    dm_events: list[dict[str, Any]] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)  # access token -> user id
    pages: dict[str, int] = field(default_factory=dict)  # pagination token -> offset
    budget: dict[str, tuple[int, int]] = field(default_factory=dict)  # endpoint -> (remaining, reset epoch)
    faults: list[Fault] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    me: str = ""


class XServer(LoopbackServer):
    name = "x-test-server"

    def __init__(self) -> None:
        super().__init__()
        self.state = XState()
        self.oauth = OAuthAuthority()
        self.oauth.state.client_ids = {CLIENT_ID}
        self.oauth.state.code_lifetime = 30.0  # X: "the authorization code is valid for 30 seconds"
        self.callback_port = _free_port()
        self.callbacks = {f"http://127.0.0.1:{self.callback_port}/callback"}  # the app's callback URL allow list
        self._lock = threading.RLock()
        self._user_ids = itertools.count(1_072_250_532_645_998_596)
        self._pages = itertools.count(1)
        self.clock = datetime.now(UTC)
        self.state.me = self.add_user("wellenreich", "Wellenreich Service", followers=12_000)
        self.token = "company-token"
        self.state.tokens[self.token] = self.state.me

    # --- what tests do on the platform's side --------------------------------------------------
    def add_user(self, username: str, name: str, *, followers: int = 10) -> str:
        with self._lock:
            user = recordings.user_template()
            user_id = str(next(self._user_ids))
            user.update(
                id=user_id,
                name=name,
                username=username,
                public_metrics={"followers_count": followers, "following_count": 3, "tweet_count": 40},
            )
            self.state.users[user_id] = user
            return user_id

    def post(self, author: str, text: str, *, in_reply_to: str | None = None) -> dict[str, Any]:
        """A post as its author writes it (on X's site); ``@username`` in it mentions that user."""
        with self._lock:
            return self._create_tweet(author, text, in_reply_to)

    def send_dm(self, sender: str, recipient: str, text: str) -> dict[str, Any]:
        with self._lock:
            return self._create_dm(sender, "-".join(sorted((sender, recipient), key=int)), text)

    def revoke(self, token: str) -> None:
        with self._lock:
            self.state.tokens.pop(token, None)

    def inject(self, kind: str, path: str = "", method: str = "", *, times: int = 1) -> None:
        with self._lock:
            self.state.faults.append(Fault(kind, path, method, times))

    def posts_by_me(self) -> list[dict[str, Any]]:
        return [t for t in self.state.tweets.values() if t["author_id"] == self.state.me]

    def dms_by_me(self) -> list[dict[str, Any]]:
        return [e for e in self.state.dm_events if e["sender_id"] == self.state.me]

    # --- the model ------------------------------------------------------------------------------
    def _tick(self) -> tuple[str, str]:
        """A new id and its ``created_at``: X's ids are snowflakes, whose upper bits are the time."""
        self.clock = max(self.clock + timedelta(seconds=1), datetime.now(UTC))  # X's clock: now, never twice
        millis = (self.clock - SNOWFLAKE_EPOCH) // timedelta(milliseconds=1)
        return str(millis << 22), self.clock.strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def _create_tweet(self, author: str, text: str, in_reply_to: str | None) -> dict[str, Any]:
        tweet = recordings.tweet_template()
        tweet_id, created_at = self._tick()
        parent = self.state.tweets.get(in_reply_to or "")
        tweet.update(
            id=tweet_id,
            text=text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),  # X escapes these
            edit_history_tweet_ids=[tweet_id],
            author_id=author,
            created_at=created_at,
            conversation_id=parent["conversation_id"] if parent else tweet_id,
            lang="de",
        )
        if parent:
            tweet["in_reply_to_user_id"] = parent["author_id"]
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": parent["id"]}]
        self.state.tweets[tweet_id] = tweet
        return tweet

    def _create_dm(self, sender: str, conversation_id: str, text: str) -> dict[str, Any]:
        event = recordings.dm_event_template()
        event_id, created_at = self._tick()
        event.update(
            id=event_id,
            text=text,
            created_at=created_at,
            sender_id=sender,
            dm_conversation_id=conversation_id,
        )
        self.state.dm_events.append(event)
        return event

    def _mentions(self, user_id: str) -> list[dict[str, Any]]:
        """Posts naming the user, and replies to the user's posts (X counts both as mentions)."""
        name = "@" + self.state.users[user_id]["username"].lower()
        return [
            t
            for t in self.state.tweets.values()
            if t["author_id"] != user_id and (name in t["text"].lower() or t.get("in_reply_to_user_id") == user_id)
        ]

    # --- the API --------------------------------------------------------------------------------
    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Answer:
        split = urlsplit(target)
        path = split.path.rstrip("/") or "/"
        query = parse_qs(split.query, keep_blank_values=True)
        with self._lock:
            self.state.requests.append((method, target))
            if (method, path) == ("GET", "/i/oauth2/authorize"):
                return self._authorize({k: v[0] for k, v in query.items()})
            if (method, path) == ("POST", "/2/oauth2/token"):
                return self._token(body, headers)
            template = _template(path)
            if (method, template) not in RECORDED:
                self.state.violations.append(f"{method} {path} is not part of what the client may use")
                return self._problem(404, {"title": "Not Found", "type": "about:blank", "status": 404}, template)
            fault = self._fault(method, path)
            if fault == "rate_limited":
                self.state.budget[f"{method} {template}"] = (0, int(time.time()) + 120)
                return self._problem(429, TOO_MANY, template, method)
            if fault == "server_error":
                return self._problem(503, {"title": "Service Unavailable", "status": 503}, template, method)
            if fault == "not_enrolled":
                return self._problem(403, NOT_ENROLLED, template, method)
            if fault == "malformed":
                return 200, {"content-type": "application/json; charset=utf-8"}, b'{"data":[{"id":"18600'
            me = self.state.tokens.get(headers.get("authorization", "").removeprefix("Bearer "))
            if me is None:  # X's answer to a missing, revoked or expired bearer token
                return self._problem(401, UNAUTHORIZED, template, method)
            if self._spend(method, template) < 0:
                return self._problem(429, TOO_MANY, template, method)
            status, answer = self._route(method, path, query, body, me)
            if fault == "drop_after_commit":
                return 0, {}, None  # the write happened; the answer is lost on the way
            return self._json(status, answer, method, template, headers)

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], body: bytes, me: str
    ) -> tuple[int, dict[str, Any]]:
        parts = path.strip("/").split("/")
        if (method, path) == ("GET", "/2/users/me"):
            return self._checked(query, {"user.fields", "expansions", "tweet.fields"}) or (
                200,
                {"data": self._render_user(self.state.users[me], query)},
            )
        if method == "GET" and parts[:2] == ["2", "users"] and parts[3] == "mentions":
            return self._timeline(query, TIMELINE_PARAMS, self._mentions(parts[2]), 5)
        if method == "GET" and parts[:2] == ["2", "users"] and parts[3] == "tweets":
            mine = [t for t in self.state.tweets.values() if t["author_id"] == parts[2]]
            return self._timeline(query, TIMELINE_PARAMS | {"exclude"}, mine, 5)
        if (method, path) == ("GET", "/2/tweets/search/recent"):
            return self._search(query)
        if (method, path) == ("GET", "/2/tweets"):
            return self._lookup(query)
        if (method, path) == ("POST", "/2/tweets"):
            return self._create(_json_body(body), me)
        if method == "GET" and path == "/2/dm_events":
            return self._dm_list(query, [e for e in self.state.dm_events if me in e["dm_conversation_id"].split("-")])
        if method == "GET" and parts[:2] == ["2", "dm_conversations"]:
            conversation = parts[2]
            return self._dm_list(query, [e for e in self.state.dm_events if e["dm_conversation_id"] == conversation])
        if method == "POST" and parts[:3] == ["2", "dm_conversations", "with"]:
            participant = parts[3]
            if participant not in self.state.users:
                return 400, _invalid({"participant_id": [participant]}, "The participant is not a known user.")
            return self._send(_json_body(body), me, "-".join(sorted((me, participant), key=int)))
        return self._send(_json_body(body), me, parts[2])

    # --- reading ----------------------------------------------------------------------------------
    def _checked(self, query: dict[str, list[str]], allowed: set[str]) -> tuple[int, dict[str, Any]] | None:
        """X's 400 for a parameter or field it does not know (and a violation for the test)."""
        unknown = set(query) - allowed
        if unknown:
            self.state.violations.append(f"unknown parameters {sorted(unknown)}")
            return 400, _invalid({k: query[k] for k in unknown}, f"The query parameter {sorted(unknown)} is not one of")
        for name, known in (
            ("tweet.fields", TWEET_FIELDS),
            ("user.fields", USER_FIELDS),
            ("dm_event.fields", DM_FIELDS),
            ("expansions", TWEET_EXPANSIONS | DM_EXPANSIONS),
        ):
            wrong = set(_list(query, name)) - known
            if wrong:
                self.state.violations.append(f"unknown {name} {sorted(wrong)}")
                return 400, _invalid({name: sorted(wrong)}, f"The `{name}` query parameter value is not one of")
        return None

    def _range(self, query: dict[str, list[str]], low: int, high: int, default: int) -> int | None:
        raw = query.get("max_results", [str(default)])[0]
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.state.violations.append(f"max_results {raw} not between {low} and {high}")
            return None
        return int(raw)

    def _timeline(
        self, query: dict[str, list[str]], allowed: set[str], tweets: list[dict[str, Any]], low: int
    ) -> tuple[int, dict[str, Any]]:
        problem = self._checked(query, allowed)
        if problem:
            return problem
        limit = self._range(query, low, 100, 10)
        if limit is None:
            return 400, _invalid({"max_results": query["max_results"]}, f"max_results is not between {low} and 100")
        ordered = sorted(tweets, key=lambda t: int(t["id"]), reverse=True)
        if "since_id" in query:
            ordered = [t for t in ordered if int(t["id"]) > int(query["since_id"][0])]
        token = (query.get("pagination_token") or query.get("next_token") or [""])[0]
        if token and token not in self.state.pages:
            return 400, _invalid({"pagination_token": [token]}, "The `pagination_token` is not valid.")
        offset = self.state.pages.get(token, 0)
        page = ordered[offset : offset + limit]
        if not page:
            return 200, {"meta": {"result_count": 0}}
        meta = {"result_count": len(page), "newest_id": page[0]["id"], "oldest_id": page[-1]["id"]}
        if offset + limit < len(ordered):
            meta["next_token"] = self._token_for(offset + limit)
        return 200, {"data": [self._render_tweet(t, query) for t in page], **self._includes(page, query), "meta": meta}

    def _search(self, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        """Recent search as X matches plain keywords: every word in the text, any case; ``#tag`` too."""
        words = [w.lower() for w in query.get("query", [""])[0].split() if w and not w.startswith("-")]
        if not words:
            return 400, _invalid({"query": query.get("query", [""])}, "The `query` parameter can not be empty")
        found = [t for t in self.state.tweets.values() if all(w in t["text"].lower() for w in words)]
        return self._timeline(query, SEARCH_PARAMS, found, 10)

    def _lookup(self, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        problem = self._checked(query, FIELD_PARAMS | {"ids"})
        if problem:
            return problem
        ids = _list(query, "ids")
        if not 1 <= len(ids) <= 100:
            self.state.violations.append(f"{len(ids)} ids in one lookup")
            return 400, _invalid({"ids": ids}, "The `ids` query parameter value must be 1 to 100 ids")
        found = [self.state.tweets[i] for i in ids if i in self.state.tweets]
        answer: dict[str, Any] = {}
        if found:
            answer = {"data": [self._render_tweet(t, query) for t in found], **self._includes(found, query)}
        missing = [i for i in ids if i not in self.state.tweets]
        if missing:  # X answers a partly missing lookup with 200 and an errors list
            answer["errors"] = [
                {
                    "value": i,
                    "detail": f"Could not find tweet with ids: [{i}].",
                    "parameter": "ids",
                    "resource_id": i,
                    "resource_type": "tweet",
                    **NOT_FOUND,
                }
                for i in missing
            ]
        return 200, answer

    def _render_tweet(self, tweet: dict[str, Any], query: dict[str, list[str]]) -> dict[str, Any]:
        wanted = {"id", "text", "edit_history_tweet_ids", *_list(query, "tweet.fields")}
        return {k: v for k, v in tweet.items() if k in wanted}

    def _render_user(self, user: dict[str, Any], query: dict[str, list[str]]) -> dict[str, Any]:
        wanted = {"id", "name", "username", *_list(query, "user.fields")}
        return {k: v for k, v in user.items() if k in wanted}

    def _includes(self, tweets: list[dict[str, Any]], query: dict[str, list[str]]) -> dict[str, Any]:
        expansions = set(_list(query, "expansions"))
        users: dict[str, dict[str, Any]] = {}
        referenced: dict[str, dict[str, Any]] = {}
        if expansions & {"referenced_tweets.id", "referenced_tweets.id.author_id"}:
            for tweet in tweets:
                for ref in tweet.get("referenced_tweets", []):
                    if ref["id"] in self.state.tweets:
                        referenced[ref["id"]] = self.state.tweets[ref["id"]]
        if "author_id" in expansions:
            users |= {t["author_id"]: self.state.users[t["author_id"]] for t in tweets}
        if "referenced_tweets.id.author_id" in expansions:
            users |= {t["author_id"]: self.state.users[t["author_id"]] for t in referenced.values()}
        includes: dict[str, Any] = {}
        if users:
            includes["users"] = [self._render_user(u, query) for u in users.values()]
        if referenced:
            includes["tweets"] = [self._render_tweet(t, query) for t in referenced.values()]
        return {"includes": includes} if includes else {}

    def _dm_list(self, query: dict[str, list[str]], events: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        problem = self._checked(query, DM_PARAMS)
        if problem:
            return problem
        limit = self._range(query, 1, 100, 100)
        if limit is None:
            return 400, _invalid({"max_results": query["max_results"]}, "max_results is not between 1 and 100")
        types = _list(query, "event_types") or ["MessageCreate"]
        ordered = sorted((e for e in events if e["event_type"] in types), key=lambda e: int(e["id"]), reverse=True)
        token = query.get("pagination_token", [""])[0]
        offset = self.state.pages.get(token, 0)
        page = ordered[offset : offset + limit]
        if not page:
            return 200, recordings.empty_list()
        wanted = {"id", "text", "event_type", *_list(query, "dm_event.fields")}
        meta: dict[str, Any] = {"result_count": len(page)}
        if offset + limit < len(ordered):
            meta["next_token"] = self._token_for(offset + limit)
        answer: dict[str, Any] = {"data": [{k: v for k, v in e.items() if k in wanted} for e in page], "meta": meta}
        if "sender_id" in _list(query, "expansions"):
            senders = {e["sender_id"] for e in page}
            answer["includes"] = {"users": [self._render_user(self.state.users[s], query) for s in senders]}
        return 200, answer

    # --- writing ----------------------------------------------------------------------------------
    def _create(self, body: dict[str, Any], me: str) -> tuple[int, dict[str, Any]]:
        unknown = set(body) - CREATE_FIELDS
        reply = body.get("reply") or {}
        unknown |= {f"reply.{k}" for k in reply if k not in ("in_reply_to_tweet_id", "exclude_reply_user_ids")}
        if unknown or not isinstance(body.get("text"), str):
            self.state.violations.append(f"a post with {sorted(unknown) or 'no text'}")
            return 400, _invalid({k: [] for k in unknown}, "The request body is not what POST /2/tweets takes.")
        text = body["text"]
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if any(t["author_id"] == me and t["text"] == escaped for t in self.state.tweets.values()):
            return 403, _forbidden("You are not allowed to create a Tweet with duplicate content.")
        parent = reply.get("in_reply_to_tweet_id")
        if parent is not None and parent not in self.state.tweets:
            return 403, _forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.")
        created = self._create_tweet(me, text, parent)
        answer = recordings.created_tweet_template()
        answer["data"].update(id=created["id"], text=created["text"])
        return 201, answer

    def _send(self, body: dict[str, Any], me: str, conversation_id: str) -> tuple[int, dict[str, Any]]:
        if set(body) - {"text", "attachments"} or not str(body.get("text", "")).strip():
            self.state.violations.append(f"a direct message with {sorted(body)}")
            return 400, _invalid({}, "A direct message needs text (or attachments) and nothing else.")
        if me not in conversation_id.split("-") and not any(
            e["dm_conversation_id"] == conversation_id for e in self.state.dm_events
        ):
            return 403, _forbidden("You are not a participant of this conversation.")
        event = self._create_dm(me, conversation_id, str(body["text"]))
        answer = recordings.created_dm_template()
        answer["data"].update(dm_conversation_id=conversation_id, dm_event_id=event["id"])
        return 201, answer

    # --- OAuth ------------------------------------------------------------------------------------
    def _authorize(self, query: dict[str, str]) -> Answer:
        """X redirects only to a callback URL on the app's allow list, matched exactly (port too);
        any other shows X's error page and never redirects."""
        if query.get("redirect_uri") not in self.callbacks:
            self.oauth.state.violations.append(f"redirect_uri {query.get('redirect_uri')!r} is not on the allow list")
            return 400, {"content-type": "text/html; charset=utf-8"}, b"<p>Something went wrong</p>"
        return self.oauth.authorize(query)

    def _token(self, body: bytes, headers: dict[str, str]) -> Answer:
        status, answer = self.oauth.token_request(headers, body)  # a public client: client_id in the form
        if status == 200:
            self.state.tokens[str(answer["access_token"])] = self.state.me
            answer["scope"] = answer["scope"] or "tweet.read tweet.write users.read dm.read dm.write offline.access"
        return status, {"content-type": "application/json;charset=UTF-8"}, json.dumps(answer).encode()

    # --- the wire ---------------------------------------------------------------------------------
    def _spend(self, method: str, template: str) -> int:
        """One request off this endpoint's window; what is left (below zero: over the limit)."""
        key = f"{method} {template}"
        now = int(time.time())
        cassette, recorded_path = RECORDED[(method, template)]
        limit = int(recordings.api_headers(cassette, method, recorded_path)["x-rate-limit-limit"])
        remaining, reset = self.state.budget.get(key, (limit, now + WINDOW))
        if reset <= now:
            remaining, reset = limit, now + WINDOW
        self.state.budget[key] = (remaining - 1, reset)
        return remaining - 1

    def _fault(self, method: str, path: str) -> str | None:
        for fault in self.state.faults:
            if fault.path in path and (not fault.method or fault.method == method):
                fault.times -= 1
                if fault.times <= 0:
                    self.state.faults.remove(fault)
                return fault.kind
        return None

    def _token_for(self, offset: int) -> str:
        token = f"{next(self._pages):04d}b3pp{offset:04d}zzzz"  # opaque to the client, like X's
        self.state.pages[token] = offset
        return token

    def _problem(self, status: int, body: dict[str, Any], template: str, method: str = "GET") -> Answer:
        return self._json(status, body, method, template, {})

    def _json(
        self, status: int, body: dict[str, Any], method: str, template: str, request_headers: dict[str, str]
    ) -> Answer:
        recorded = RECORDED.get((method, template))
        headers = {"content-type": "application/json; charset=utf-8"}
        if recorded is not None:
            headers = recordings.api_headers(recorded[0], method, recorded[1])
            remaining, reset = self.state.budget.get(
                f"{method} {template}", (int(headers["x-rate-limit-limit"]), int(time.time()) + WINDOW)
            )
            headers["x-rate-limit-remaining"] = str(max(0, remaining))
            headers["x-rate-limit-reset"] = str(reset)
        data = json.dumps(body, ensure_ascii=False).encode()
        if "gzip" in request_headers.get("accept-encoding", ""):  # as recorded: X gzips for clients that accept it
            data = gzip.compress(data)
            headers["content-encoding"] = "gzip"
        return status, headers, data


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _template(path: str) -> str:
    """``/2/users/123/mentions`` → ``/2/users/:id/mentions`` (the version segment stays)."""
    version, _, rest = path.lstrip("/").partition("/")
    return f"/{version}/" + "/".join(":id" if part[:1].isdigit() else part for part in rest.split("/"))


def _list(query: dict[str, list[str]], name: str) -> list[str]:
    return [item for value in query.get(name, []) for item in value.split(",") if item]


def _json_body(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        return {"": "not JSON"}
    return data if isinstance(data, dict) else {"": "not an object"}


def _invalid(parameters: dict[str, Any], message: str) -> dict[str, Any]:
    """X's 400 problem object for an invalid request."""
    return {
        "errors": [{"parameters": parameters, "message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.twitter.com/2/problems/invalid-request",
    }


def _forbidden(detail: str) -> dict[str, Any]:
    return {"detail": detail, "type": "about:blank", "title": "Forbidden", "status": 403}

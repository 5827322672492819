"""The recorded X answers the test server builds on: real bodies (un-gzipped), real headers."""

from __future__ import annotations

import copy
import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CASSETTES = Path(__file__).parent / "cassettes"

#: Headers that describe one recorded connection, not the API: left out of every answer.
_PER_CONNECTION = {"date", "content-length", "content-encoding", "x-connection-hash", "x-response-time"}
_PER_CONNECTION |= {"x-transaction-id", "set-cookie", "server", "strict-transport-security", "cache-control"}
_PER_CONNECTION |= {"expires", "last-modified", "pragma", "x-rate-limit-remaining", "x-rate-limit-reset"}


@cache
def _interactions(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((CASSETTES / name).read_text(encoding="utf-8"))["interactions"]


def recorded(name: str, method: str, path: str) -> tuple[int, dict[str, str], Any]:
    """Status, headers (first values, lower-case) and JSON body of the first matching recorded answer."""
    for interaction in _interactions(name):
        request, response = interaction["request"], interaction["response"]
        if request["method"] == method and request["uri"].split("?")[0].endswith(path):
            headers = {k.lower(): v[0] for k, v in response["headers"].items()}
            raw = response["body"]["string"]
            if isinstance(raw, bytes):
                raw = gzip.decompress(raw) if headers.get("content-encoding") == "gzip" else raw
                raw = raw.decode("utf-8")
            return response["status"]["code"], headers, json.loads(raw)
    raise KeyError(f"{name} has no {method} {path}")


def api_headers(name: str, method: str, path: str) -> dict[str, str]:
    """The recorded headers that hold for every answer of this endpoint (and its rate limit)."""
    headers = recorded(name, method, path)[1]
    return {k: v for k, v in headers.items() if k not in _PER_CONNECTION}


def user_template() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_client_get_me.yaml", "GET", "/2/users/me")[2]["data"])


def tweet_template() -> dict[str, Any]:
    """A post as v2 renders it without fields: ``edit_history_tweet_ids``, ``id``, ``text``."""
    return copy.deepcopy(recorded("test_client_get_users_mentions.yaml", "GET", "/mentions")[2]["data"][0])


def created_tweet_template() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_client_create_and_delete_tweet.yaml", "POST", "/2/tweets")[2])


def dm_event_template() -> dict[str, Any]:
    """A DM event as v2 renders it without fields: ``event_type``, ``id``, ``text``."""
    path = "1072250532645998596/dm_events"  # one conversation's events (the inbox was empty when recorded)
    return copy.deepcopy(recorded("test_manage_and_lookup_direct_messages.yaml", "GET", path)[2]["data"][0])


def created_dm_template() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_manage_and_lookup_direct_messages.yaml", "POST", "/messages")[2])


def empty_list() -> dict[str, Any]:
    """An empty v2 list: no ``data`` key at all, only ``meta.result_count``."""
    return copy.deepcopy(recorded("test_manage_and_lookup_direct_messages.yaml", "GET", "/2/dm_events")[2])


def meta_template(name: str, path: str) -> dict[str, Any]:
    return copy.deepcopy(recorded(name, "GET", path)[2].get("meta", {}))

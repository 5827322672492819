"""The recorded Mastodon answers the test server builds on: real bodies, real headers."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CASSETTES = Path(__file__).parent / "cassettes"


@cache
def _interactions(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((CASSETTES / name).read_text(encoding="utf-8"))["interactions"]


def recorded(name: str, method: str, path: str) -> tuple[int, dict[str, str], Any]:
    """Status, headers (first values) and JSON body of the first matching recorded answer."""
    for interaction in _interactions(name):
        request, response = interaction["request"], interaction["response"]
        if request["method"] == method and path in request["uri"]:
            headers = {k.lower(): v[0] for k, v in response["headers"].items()}
            return response["status"]["code"], headers, json.loads(response["body"]["string"])
    raise KeyError(f"{name} has no {method} {path}")


def account_template() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_verify_credentials.yaml", "GET", "/api/v1/accounts/verify_credentials")[2])


def status_template() -> dict[str, Any]:
    """A reply as Mastodon 4.6 renders it (``in_reply_to_id`` set, mentions, account inline)."""
    return copy.deepcopy(recorded("test_status_reply.yaml", "POST", "/api/v1/statuses")[2])


def notification_template() -> dict[str, Any]:
    notes = recorded("test_notifications_mentions_only.yaml", "GET", "/api/v1/notifications?types")[2]
    return copy.deepcopy(notes[0])


def instance() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_instance.yaml", "GET", "/api/v2/instance")[2])


def unauthorized() -> tuple[int, dict[str, str], Any]:
    status, headers, body = recorded("test_unauthed_home_tl_throws.yaml", "GET", "/api/v1/timelines/home")
    return status, {"www-authenticate": headers["www-authenticate"]}, body


def not_found() -> tuple[int, Any]:
    status, _headers, body = recorded("test_status_missing.yaml", "GET", "/api/v1/statuses/0")
    return status, body


def unprocessable() -> tuple[int, Any]:
    """The recorded 422 for an empty status (its text is Japanese there: the instance localises it)."""
    status, _headers, body = recorded("test_status_empty.yaml", "POST", "/api/v1/statuses")
    return status, {"error": "Validation failed: Text can't be blank"} if "error" in body else body


def app_registration() -> dict[str, Any]:
    return copy.deepcopy(recorded("test_app_account_create_invalid.yaml", "POST", "/api/v1/apps")[2])

"""Faults the test server injects on command, so tests can show what a user sees when things break.

A fault matches by method and a path substring and fires ``times`` times; the HTTP layer asks
for the first match before (and, for after-commit faults, after) handling a request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum


class FaultKind(StrEnum):
    DROP_BEFORE_COMMIT = "drop_before_commit"  # close the connection, the request never ran
    DROP_AFTER_COMMIT = "drop_after_commit"  # run the request, then close without answering
    SERVER_ERROR = "server_error"  # answer ``status`` (500 by default) without running it
    RATE_LIMITED = "rate_limited"  # 429 with ``retry_after`` as the Retry-After header
    SLOW = "slow"  # wait ``delay`` seconds, then answer normally
    TRUNCATED_JSON = "truncated_json"  # run it, answer 200 with half a JSON body


@dataclass
class Fault:
    kind: FaultKind
    method: str = ""  # "" matches every method
    path: str = ""  # a substring of the path; "" matches every path
    times: int = 1
    status: int = 500
    retry_after: str = "1"  # seconds or an HTTP date, sent verbatim
    delay: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        return (not self.method or self.method == method) and self.path in path


class FaultPlan:
    """The faults still to fire, shared by the handler threads."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """The first matching fault, counted as fired."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

"""One pre-send finding: what is wrong, where, how bad, and the fix the editor can offer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["blocking", "warning"]
BLOCKING: Severity = "blocking"
WARNING: Severity = "warning"

#: Fix codes the editor knows how to apply.
FIX_ANSWER_PRIVATELY = "answer-privately"
FIX_SPLIT_THREAD = "split-thread"
FIX_LOWERCASE = "lowercase"
FIX_SINGLE_MARK = "single-mark"


@dataclass(frozen=True, slots=True)
class Finding:
    """``start``/``end`` index the draft (a Python str); ``fix`` is a fix code or None."""

    code: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: str | None = None

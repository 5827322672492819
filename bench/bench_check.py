"""Per-keystroke cost of counting plus all pre-send checks (not spelling) on a 2,000-character draft.

Simulates typing the last 200 characters of a mixed German/emoji/URL draft and times
``measure`` + ``run_checks`` after each keystroke, per channel; then times spelling separately
(it runs debounced, off the keystroke path). Run: ``.venv/bin/python bench/bench_check.py``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from spellchecker import SpellChecker

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.checks import parse_guidelines, run_checks
from agentdesk.core.length import measure
from agentdesk.core.spelling import misspellings
from agentdesk.resources import read_text

DRAFT = (Path(__file__).parent.parent / "tests" / "data" / "bench_draft_de.txt").read_text(encoding="utf-8")
KEYSTROKES = 200


def _keystroke(text: str, channel: Channel, guidelines: object) -> None:
    length = measure(text, channel, Audience.PUBLIC)
    run_checks(text, channel=channel, audience=Audience.PUBLIC, guidelines=guidelines, length=length)  # type: ignore[arg-type]


def _figures(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def main() -> None:
    guidelines = parse_guidelines(read_text("guidelines.toml"))
    print(f"draft: {len(DRAFT)} characters, {KEYSTROKES} keystrokes at the end")
    for channel in (Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.SMS, Channel.FACEBOOK):
        samples = []
        for typed in range(len(DRAFT) - KEYSTROKES, len(DRAFT) + 1):
            start = time.perf_counter()
            _keystroke(DRAFT[:typed], channel, guidelines)
            samples.append(time.perf_counter() - start)
        print(f"count + checks, {channel.value:<9} {_figures(samples)}")
    start = time.perf_counter()
    lexicons = {"de": SpellChecker(language="de", distance=1), "en": SpellChecker(language="en", distance=1)}
    print(f"spelling: loading German + English word lists {time.perf_counter() - start:.2f} s (once per session)")
    samples = []
    for _ in range(50):
        start = time.perf_counter()
        misspellings(DRAFT, lexicons)
        samples.append(time.perf_counter() - start)
    print(f"spelling, whole draft (debounced, off the keystroke path): {_figures(samples)}")


if __name__ == "__main__":
    main()

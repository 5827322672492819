"""Fuzzy search over templates, good enough for a few hundred of them.

Our own small scorer instead of a dependency: the library is small, the rules are easy to
read (whole words beat scattered letters, the title beats the body), and it keeps the frozen
app free of one more compiled wheel.
"""

from __future__ import annotations

from collections.abc import Iterable

from agentdesk.templates.model import Template

_TITLE, _KEYWORDS, _BODY, _SCATTERED = 100, 60, 30, 5


def _is_subsequence(needle: str, haystack: str) -> bool:
    chars = iter(haystack)
    return all(c in chars for c in needle)


def _term_score(term: str, title: str, keywords: str, body: str) -> int | None:
    if term in title:
        return _TITLE + (20 if title.startswith(term) or f" {term}" in title else 0)
    if term in keywords:
        return _KEYWORDS
    if term in body:
        return _BODY
    if _is_subsequence(term, title):
        return _SCATTERED * 2
    if _is_subsequence(term, keywords):
        return _SCATTERED
    return None


def score(query: str, template: Template) -> int | None:
    """How well a template matches; None when one of the query's words does not match at all."""
    title = template.title.casefold()
    keywords = " ".join((template.intent, template.id, *template.tags)).casefold()
    body = f"{template.body}\n{template.short}".casefold()
    total = 0
    for term in query.casefold().split():
        points = _term_score(term, title, keywords, body)
        if points is None:
            return None
        total += points
    return total


def search(templates: Iterable[Template], query: str) -> list[Template]:
    """Matching templates, best first; all of them, in their order, for an empty query."""
    items = list(templates)
    if not query.strip():
        return items
    scored = [(s, i, t) for i, t in enumerate(items) if (s := score(query, t)) is not None]
    return [t for _, _, t in sorted(scored, key=lambda x: (-x[0], x[1]))]

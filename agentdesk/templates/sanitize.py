"""HTML that is safe to send by e-mail or show in a rich-text backend.

Templates come from a shared folder anyone in the company can write to, so their HTML is
cleaned with an allow-list (nh3, the Rust ammonia sanitizer): no scripts, no event
attributes, no ``javascript:`` links, and no images, since a remote image tracks the reader.
"""

from __future__ import annotations

import nh3

_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_ATTRIBUTES = {"a": {"href", "title"}}
_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_DROPPED_WITH_CONTENT = frozenset({"script", "style"})


def sanitize_html(html: str) -> str:
    """Only formatting tags and plain links survive; everything else is removed."""
    return nh3.clean(
        html,
        tags=set(_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer",
    ).strip()

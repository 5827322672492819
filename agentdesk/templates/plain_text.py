"""Markdown's HTML turned into the plain text social platforms show.

Platforms print ``**`` and ``#`` literally, so the Markdown is first rendered to HTML by the
real parser and then walked here: lists become "• " lines, links bare URLs, paragraphs
blank-line separated, explicit line breaks kept. Scripts, styles and images leave no trace.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div", "table", "hr"})
_HIDDEN = frozenset({"script", "style", "head", "title", "iframe", "object", "template"})
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [next number] for <ol>, [] for <ul>
        self._hidden = 0
        self._pre = 0
        self._links: list[tuple[str, int]] = []  # (href, position in out) per open <a>

    def _text(self) -> str:
        return "".join(self.out)

    def _break(self, newlines: int) -> None:
        text = self._text().rstrip(" ")
        if not text:
            return
        have = len(text) - len(text.rstrip("\n"))
        self.out = [text + "\n" * max(0, newlines - have)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break(2)
            self._pre += tag == "pre"
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("ul", "ol"):
            self._break(1 if self._lists else 2)
            self._lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._break(1)
            counter = self._lists[-1] if self._lists else []
            bullet = f"{counter[0]}. " if counter else "• "
            if counter:
                counter[0] += 1
            self.out.append("  " * max(0, len(self._lists) - 1) + bullet)
        elif tag == "a":
            self._links.append((dict(attrs).get("href") or "", len(self.out)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._pre -= tag == "pre"
            self._break(2)
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            self._break(1 if self._lists else 2)
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            label = "".join(self.out[start:]).strip()
            if href.startswith(_LINK_SCHEMES) and href.removeprefix("mailto:").removeprefix("tel:") != label:
                target = href.removeprefix("mailto:").removeprefix("tel:")
                self.out[start:] = [f"{label}: {target}" if label else target]

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if not self._pre:
            data = re.sub(r"\s+", " ", data)
            if self._at_line_start():
                data = data.lstrip(" ")
        self.out.append(data)

    def _at_line_start(self) -> bool:
        """True while the current line holds nothing but its bullet or number."""
        line = self._text().rsplit("\n", 1)[-1].strip()
        return line == "" or line == "•" or (line.endswith(".") and line[:-1].isdigit())


def html_to_text(html: str) -> str:
    """Plain text for a fragment of HTML (as produced by python-markdown)."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in parser._text().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

"""Refresh the German catalog of the sync layer's messages: extract every ``_("…")``,
``ngettext("…", "…", n)`` and ``N_("…")`` from ``agentdesk/sync/`` (Babel), merge them into
``agentdesk/resources/locale/de/LC_MESSAGES/agentdesk.po`` keeping what is translated, fill open
entries from drop files, and compile the .mo.

Usage: .venv/bin/python scripts/update_messages.py [DROP.txt ...]
A drop file holds ``English<TAB>Deutsch`` lines; a plural entry names the English singular and
then both German forms: ``English singular<TAB>Deutsch Einzahl<TAB>Deutsch Mehrzahl``.
A test fails while any message is untranslated, so a new sentence cannot ship English-only.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "agentdesk" / "sync"
PO = ROOT / "agentdesk" / "resources" / "locale" / "de" / "LC_MESSAGES" / "agentdesk.po"
MO = PO.with_suffix(".mo")
#: The marking functions of agentdesk.sync.words, and which arguments are the message.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    """Every marked message of the sync layer, with the files it appears in."""
    template = Catalog(project="AgentDesk", fuzzy=False)
    found = extract_from_dir(
        SOURCES, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    )
    for filename, lineno, message, comments, context in found:
        location = (f"agentdesk/sync/{filename}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def read_catalog(path: Path = PO) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="de")


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, sort_by_file=True, omit_header=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """The English of every message without a complete German text."""
    open_ids = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            open_ids.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return open_ids


def read_drops(drops: list[Path]) -> dict[str, tuple[str, ...]]:
    wanted: dict[str, tuple[str, ...]] = {}
    for drop in drops:
        for line in drop.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                english, *german = line.split("\t")
                wanted[english] = tuple(german)
    return wanted


def new_catalog() -> Catalog:
    """The German catalog's header, written once when the catalog is created."""
    return Catalog(
        locale="de",
        project="AgentDesk",
        version=metadata.version("agentdesk"),
        header_comment="# German messages of AgentDesk's sync layer (scripts/update_messages.py).",
        msgid_bugs_address="https://github.com/agentdesk/agentdesk/issues",
        last_translator="AgentDesk",
        language_team="AgentDesk",
        fuzzy=False,
    )


def main(drops: list[Path]) -> int:
    catalog = read_catalog() if PO.exists() else new_catalog()
    before = po_bytes(catalog) if PO.exists() else b""
    catalog.update(extract(), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()  # sentences no longer in the code leave the catalog
    for english, german in read_drops(drops).items():
        message = catalog.get(english)
        if message is None:
            print(f"not in the code (ignored): {english!r}")
        elif isinstance(message.id, tuple) != (len(german) == 2):
            print(f"needs {'both German forms' if isinstance(message.id, tuple) else 'one German text'}: {english!r}")
        else:
            message.string = german if isinstance(message.id, tuple) else german[0]
    if po_bytes(catalog) != before:
        catalog.revision_date = datetime.now(UTC)
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po_bytes(catalog))
    MO.write_bytes(mo_bytes(read_catalog()))
    open_ids = untranslated(catalog)
    for english in open_ids:
        print(f"untranslated: {english!r}")
    print(f"{len(open_ids)} messages still untranslated")
    return 1 if open_ids else 0


if __name__ == "__main__":
    raise SystemExit(main([Path(p) for p in sys.argv[1:]]))

"""Refresh the German translation: collect the UI's strings (lupdate keeps what is translated),
fill open entries from ``English<TAB>Deutsch`` drop files, and compile the .qm (lrelease).

Usage: .venv/bin/python scripts/update_translations.py [DROP.txt ...]
A test fails while any entry is still unfinished, so a new string cannot ship untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "agentdesk" / "resources" / "translations" / "agentdesk_de.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install the test extras first")
    return found


def main(drops: list[Path]) -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "agentdesk" / "ui").glob("*.py"))
    subprocess.run(
        [tool("lupdate"), *sources, "-ts", str(TS), "-source-language", "en", "-target-language", "de", "-no-obsolete"],
        cwd=ROOT,
        check=True,
    )
    wanted: dict[str, str] = {}
    for drop in drops:
        for line in drop.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                english, german = line.split("\t", 1)
                wanted[english] = german
    tree = ET.parse(TS)
    open_entries = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished":
            if source in wanted:
                translation.text = wanted[source]
                del translation.attrib["type"]
            else:
                open_entries += 1
                print(f"untranslated: {source!r}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("lrelease"), str(TS)], cwd=ROOT, check=True)
    print(f"{open_entries} entries still untranslated")
    return 1 if open_entries else 0


if __name__ == "__main__":
    raise SystemExit(main([Path(p) for p in sys.argv[1:]]))

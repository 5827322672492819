"""The template library as an agent and a team lead meet it: loading, overrides, bad files, reload."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates import (
    Origin,
    TemplateFileError,
    TemplateLibrary,
    Tone,
    bundled_dir,
    delete_template,
    format_template,
    parse_template,
    render,
    save_template,
    search,
)

HEADER = """---
id: {id}
title: {title}
intent: shipping-delay
language: de
tone: formal
channels: [x, email]
---
"""


def write_template(directory: Path, name: str, text: str | bytes) -> Path:
    """A template file in a company library folder."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def simple_template(template_id: str, title: str = "Eigene Vorlage", body: str = "Hallo, wir sind dran.") -> str:
    return HEADER.format(id=template_id, title=title) + body + "\n"


@pytest.fixture
def company(tmp_path: Path) -> Path:
    return tmp_path / "templates"


def test_company_template_overrides_bundled_one_by_id(company: Path) -> None:
    write_template(company, "mine.md", simple_template("shipping-delay-de-sie", "Unsere Lieferverzögerung"))
    library = TemplateLibrary.load(bundled_dir(), company)
    template = library.get("shipping-delay-de-sie")
    assert template is not None
    assert template.title == "Unsere Lieferverzögerung"
    assert template.origin is Origin.COMPANY and not template.read_only
    assert sum(t.id == "shipping-delay-de-sie" for t in library.templates) == 1


def test_company_library_adds_templates_and_bundled_ones_are_read_only(company: Path) -> None:
    write_template(company, "sub/extra.md", simple_template("our-own"))
    library = TemplateLibrary.load(bundled_dir(), company)
    assert library.get("our-own") is not None
    assert library.get("outage-de-sie").read_only


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("no header at all\n", 1, "missing metadata header"),
        ("---\nid: a\ntitle: [unclosed\n---\ntext\n", 3, "broken metadata header"),
        (HEADER.format(id="a", title="T").replace("tone: formal", "tone: grumpy") + "x\n", 6, "unknown tone"),
        (HEADER.format(id="a", title="T").replace("[x, email]", "[x, fax]") + "x\n", 7, "unknown channel"),
        (
            HEADER.format(id="a", title="T") + "Hallo\n{% if vip %}Sekt{% endif %}\n",
            10,
            "unknown variable syntax",
        ),
        (
            HEADER.format(id="a", title="T") + "Hallo\n\nNummer {{ order_id }}\n",
            11,
            "unknown variable 'order_id'",
        ),
        (
            HEADER.format(id="a", title="T") + "Hallo {{ customer.name | upper }}\n",
            9,
            "unknown variable syntax",
        ),
        (HEADER.format(id="a", title="T").replace("tone: formal", "tone: empathetic") + "x\n", 6, "address"),
    ],
)
def test_a_broken_file_is_skipped_with_file_and_line_and_the_rest_loads(
    company: Path, content: str, line: int, words: str
) -> None:
    broken = write_template(company, "broken.md", content)
    write_template(company, "fine.md", simple_template("fine"))
    library = TemplateLibrary.load(bundled_dir(), company)
    assert library.get("fine") is not None
    assert len(library.templates) > 40
    [error] = library.errors
    assert error.path == broken
    assert error.line == line
    assert words in error.message


def test_bad_encoding_names_the_line(company: Path) -> None:
    text = simple_template("latin", body="Hallo,\nbitte entschuldigen Sie die lange Wartezeit.\nGrüße")
    broken = write_template(company, "latin.md", text.replace("Grüße", "Gr\u00fc\u00dfe").encode("latin-1"))
    [error] = TemplateLibrary.load(None, company).errors
    assert (error.path, error.line) == (broken, 11)
    assert "UTF-8" in error.message


def test_a_duplicate_id_in_one_folder_is_reported(company: Path) -> None:
    write_template(company, "a.md", simple_template("same"))
    second = write_template(company, "b.md", simple_template("same", title="Zweite"))
    library = TemplateLibrary.load(None, company)
    assert library.get("same").title == "Eigene Vorlage"  # type: ignore[union-attr]
    assert [e.path for e in library.errors] == [second]


def test_reload_notices_new_changed_and_deleted_files(company: Path) -> None:
    path = write_template(company, "mine.md", simple_template("mine", title="Erste Fassung"))
    library = TemplateLibrary.load(bundled_dir(), company)
    assert not library.changed()

    path.write_text(simple_template("mine", title="Zweite Fassung"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse file systems
    assert library.changed()
    library = library.reload()
    assert library.get("mine").title == "Zweite Fassung"  # type: ignore[union-attr]

    write_template(company, "new.md", simple_template("new"))
    assert library.changed()
    library = library.reload()
    assert library.get("new") is not None

    path.unlink()
    assert library.changed()
    assert library.reload().get("mine") is None


def test_a_company_folder_that_does_not_exist_yet_is_simply_empty(tmp_path: Path) -> None:
    library = TemplateLibrary.load(bundled_dir(), tmp_path / "missing")
    assert library.errors == ()
    assert not library.changed()


def test_tone_switch_keeps_intent_language_and_form_of_address() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    sie = library.get("outage-de-sie")
    assert sie is not None
    apologetic = library.switch_tone(sie, Tone.APOLOGETIC)
    assert apologetic is not None and apologetic.id == "outage-de-sie-apologetic"
    assert library.switch_tone(sie, Tone.INFORMAL).id == "outage-de-du"  # type: ignore[union-attr]
    assert library.switch_tone(apologetic, Tone.FORMAL) == sie
    # the empathetic complaint exists only with Sie: a du customer is never switched into it
    du = library.get("complaint-de-du")
    assert library.switch_tone(du, Tone.EMPATHETIC) is None  # type: ignore[arg-type]


def test_language_switch_keeps_intent_and_picks_the_customers_address() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    english = library.get("refund-request-en")
    assert library.switch_language(english, "de", address="du").id == "refund-request-de-du"  # type: ignore[arg-type,union-attr]
    assert library.switch_language(english, "de").id == "refund-request-de-sie"  # type: ignore[arg-type,union-attr]
    assert library.switch_language(english, "fr") is None  # type: ignore[arg-type]


def test_picker_filter_follows_language_channel_and_form_of_address() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    for_du_on_sms = library.matching(language="de", channel=Channel.SMS, address="du")
    assert for_du_on_sms
    assert all(t.address == "du" and Channel.SMS in t.channels for t in for_du_on_sms)
    english = library.matching(language="en", address="sie")
    assert english and all(t.language == "en" for t in english)


def test_fuzzy_search_over_title_tags_intent_and_body() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    german = library.matching(language="de", address="sie")
    assert search(german, "liefer")[0].intent == "shipping-delay"
    assert search(german, "dsgvo")[0].intent == "data-request"  # a tag
    assert search(german, "cancellation")[0].intent == "cancellation"  # the intent
    assert search(german, "Vorgangsnummer")  # only in bodies
    assert search(german, "strng")[0].intent == "outage"  # letters in order: Störung
    assert search(german, "xyzzy") == []
    assert search(german, "  ") == list(german)


def test_a_template_written_by_the_manager_reads_back_the_same() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    for original in library.templates:
        again = parse_template(format_template(original), origin=original.origin, path=original.path)
        assert again == original
        assert render(again, Channel.X, {}) == render(original, Channel.X, {})


def test_saving_into_the_company_library_overrides_and_renames(company: Path) -> None:
    library = TemplateLibrary.load(bundled_dir(), company)
    bundled = library.get("outage-de-sie")
    assert bundled is not None
    saved = save_template(company, replace(bundled, title="Unsere Störungsantwort"))
    assert saved.path == company / "outage-de-sie.md" and saved.origin is Origin.COMPANY
    assert library.changed()
    library = library.reload()
    assert library.get("outage-de-sie").title == "Unsere Störungsantwort"  # type: ignore[union-attr]

    renamed = save_template(company, replace(saved, id="outage-hamburg"))
    assert renamed.path == company / "outage-hamburg.md"
    assert not saved.path.exists()  # type: ignore[union-attr]
    library = library.reload()
    assert library.get("outage-de-sie").read_only  # type: ignore[union-attr]
    delete_template(library.get("outage-hamburg"))  # type: ignore[arg-type]
    assert library.reload().get("outage-hamburg") is None


def test_a_template_the_library_would_reject_is_never_written(company: Path) -> None:
    bundled = TemplateLibrary.load(bundled_dir(), None).get("outage-de-sie")
    with pytest.raises(TemplateFileError, match="unknown variable 'ticket'"):
        save_template(company, replace(bundled, body="Ticket {{ ticket }}"))  # type: ignore[type-var]
    assert not company.exists() or not list(company.iterdir())
    with pytest.raises(ValueError, match="not in the company library"):
        delete_template(bundled)  # type: ignore[arg-type]


def test_private_only_templates_are_not_offered_for_public_replies() -> None:
    library = TemplateLibrary.load(bundled_dir(), None)
    public = {t.intent for t in library.matching(channel=Channel.X, audience=Audience.PUBLIC)}
    private = {t.intent for t in library.matching(channel=Channel.X, audience=Audience.PRIVATE)}
    assert "refund-request" not in public and "refund-request" in private
    assert "move-to-private" in public and "move-to-private" not in private
    assert "outage" in public and "outage" in private

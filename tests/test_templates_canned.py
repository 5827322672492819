"""Chatwoot canned responses as read-only templates beside the library's own."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from agentdesk.core.channels import Audience, Channel
from agentdesk.templates import Origin, TemplateLibrary, bundled_dir, canned_response_templates, render
from tests.test_templates_library import simple_template, write_template

RESPONSES = (
    ("thanks", "Thank you for reaching out, {{contact.name}}! ^{{agent.first_name}}"),
    ("Order Status", "Your order {{contact.custom_attribute.order_id}} ships soon. We'll email {{ contact.email }}."),
    ("broken", "Hi {{contact.name}}\n{% if vip %}VIP{% endif %}"),
    ("empty", "   "),
)


def test_canned_responses_become_templates_with_our_variable_names() -> None:
    templates, errors = canned_response_templates(RESPONSES, language="en")
    thanks, status = templates
    assert thanks.id == "chatwoot-thanks" and thanks.title == "thanks" and thanks.read_only
    assert thanks.origin is Origin.CHATWOOT
    values = {"customer.name": "Kim Berger", "agent.first_name": "Lena"}
    assert render(thanks, Channel.X, values).text == "Thank you for reaching out, Kim Berger! ^Lena"
    assert status.id == "chatwoot-order-status"
    assert [v.name for v in status.variables] == ["order_id", "contact_email"]
    rendered = render(status, Channel.FACEBOOK, {"order_id": "A-1"})
    assert rendered.text == "Your order A-1 ships soon. We'll email {{ contact_email }}."
    assert rendered.unfilled == ("contact_email",)
    assert [(e.path, e.line) for e in errors] == [
        (PurePosixPath("chatwoot/broken"), 2),
        (PurePosixPath("chatwoot/empty"), 1),
    ]


def test_canned_responses_join_the_library_survive_a_reload_and_yield_to_company_files(tmp_path: Path) -> None:
    templates, _ = canned_response_templates(RESPONSES, language="de")
    write_template(tmp_path, "ours.md", simple_template("chatwoot-order-status", title="Unser Status"))
    library = TemplateLibrary.load(bundled_dir(), tmp_path, extra=templates)
    assert library.get("chatwoot-order-status").origin is Origin.COMPANY  # type: ignore[union-attr]
    offered = library.matching(language="de", channel=Channel.X, audience=Audience.PUBLIC, address="du")
    assert "chatwoot-thanks" in {t.id for t in offered}
    assert library.reload().get("chatwoot-thanks") == library.get("chatwoot-thanks")
    assert len(library.templates) == len(TemplateLibrary.load(bundled_dir(), None).templates) + 2

"""What the customer receives from a template: plain text on social channels, safe HTML by e-mail."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Conversation, Customer, Status
from agentdesk.templates import Template, parse_template, render, variables_for


def template(body: str, short: str = "", variables: str = "") -> Template:
    text = (
        "---\nid: t\ntitle: T\nintent: complaint\nlanguage: en\ntone: formal\n"
        f"channels: [x, facebook, email, sms]\n{variables}---\n{body}\n"
    )
    if short:
        text += f"<!-- short -->\n{short}\n"
    return parse_template(text)


MARKDOWN = """# Sorry about that

Hi **{{ customer.first_name }}**, this is *really* not OK.
We are on it:
- step one
- step two with [tracking](https://track.example/abc)

See <https://status.example/> or [https://help.example/](https://help.example/)."""


def test_social_channels_get_plain_text_without_markdown_syntax() -> None:
    rendered = render(template(MARKDOWN), Channel.FACEBOOK, {"customer.first_name": "Kim"})
    assert rendered.html is None
    assert rendered.text == (
        "Sorry about that\n\n"
        "Hi Kim, this is really not OK.\n"
        "We are on it:\n\n"
        "• step one\n"
        "• step two with tracking: https://track.example/abc\n\n"
        "See https://status.example/ or https://help.example/."
    )
    assert "**" not in rendered.text and "#" not in rendered.text


def test_ordered_and_nested_lists_stay_readable() -> None:
    rendered = render(template("Please:\n\n1. restart\n2. check\n    - the cable\n    - the light"), Channel.X, {})
    assert rendered.text == "Please:\n\n1. restart\n2. check\n  • the cable\n  • the light"


def test_email_gets_html_and_a_plain_text_part() -> None:
    rendered = render(template(MARKDOWN), Channel.EMAIL, {"customer.first_name": "Kim"})
    assert rendered.html is not None
    assert "<strong>Kim</strong>" in rendered.html
    assert '<a href="https://track.example/abc"' in rendered.html
    assert "<li>step one</li>" in rendered.html
    assert rendered.text.startswith("Sorry about that\n\nHi Kim,")


def test_values_are_sent_as_typed_never_as_markup() -> None:
    values = {"customer.first_name": "<b>*Kim*</b> <script>x()</script>"}
    plain = render(template("Hi {{ customer.first_name }}"), Channel.X, values)
    assert plain.text == "Hi <b>*Kim*</b> <script>x()</script>"
    mail = render(template("Hi {{ customer.first_name }}"), Channel.EMAIL, values)
    assert mail.html == "<p>Hi &lt;b&gt;*Kim*&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;</p>"


def test_a_variable_without_value_stays_visibly_marked_and_is_reported() -> None:
    rendered = render(
        template("Hi {{ customer.first_name }}, order {{ order_id }}.", variables="variables: {order_id: number}\n"),
        Channel.FACEBOOK,
        {"customer.first_name": "  "},
    )
    assert rendered.text == "Hi {{ customer.first_name }}, order {{ order_id }}."
    assert rendered.unfilled == ("customer.first_name", "order_id")


def test_a_declared_default_fills_in_and_a_typed_value_wins() -> None:
    t = template("We are open {{ hours }}.", variables="variables: {hours: {description: h, default: 9 to 5}}\n")
    assert render(t, Channel.FACEBOOK, {}).text == "We are open 9 to 5."
    assert render(t, Channel.FACEBOOK, {"hours": "until 8 pm"}).text == "We are open until 8 pm."


@pytest.mark.parametrize(
    ("channel", "short"),
    [(Channel.X, True), (Channel.SMS, True), (Channel.FACEBOOK, False), (Channel.EMAIL, False)],
)
def test_the_short_section_is_used_where_the_channel_is_tight(channel: Channel, short: bool) -> None:
    rendered = render(template("The long answer.", short="Short one."), channel, {})
    assert rendered.text == ("Short one." if short else "The long answer.")
    assert rendered.short is short


def test_without_a_short_section_tight_channels_get_the_body() -> None:
    assert render(template("Only one text."), Channel.X, {}).text == "Only one text."


HOSTILE = """Hello <script>alert('x')</script> there
<img src="https://tracker.example/pixel.gif" onerror="alert(1)">
![logo](https://cdn.example/logo.png)
[click me](javascript:alert(document.cookie)) and [data](data:text/html;base64,PHNjcmlwdD4=)
<a href="https://ok.example/" onclick="steal()" style="position:fixed">fine link</a>
<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>
<p onmouseover="x()">raw paragraph</p>
<form action="https://evil.example/"><input name="password"></form>"""


def test_sanitizer_removes_scripts_event_attributes_dangerous_links_and_remote_images() -> None:
    html = render(template(HOSTILE), Channel.EMAIL, {}).html
    assert html is not None
    lowered = html.lower()
    for forbidden in (
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "data:",
        "<img",
        "tracker.example",
        "cdn.example",
        "<iframe",
        "<style",
        "display:none",
        "<form",
        "<input",
        "style=",
    ):
        assert forbidden not in lowered, forbidden
    assert '<a href="https://ok.example/" rel="noopener noreferrer">fine link</a>' in html
    assert "raw paragraph" in html and "click me" in html


def test_plain_text_of_hostile_markdown_keeps_only_the_words() -> None:
    text = render(template(HOSTILE), Channel.FACEBOOK, {}).text
    assert "alert" not in text and "display:none" not in text and "javascript" not in text
    assert "click me" in text and "fine link: https://ok.example/" in text and "raw paragraph" in text


def test_engine_syntax_in_a_value_is_never_evaluated() -> None:
    rendered = render(template("Hi {{ customer.first_name }}"), Channel.X, {"customer.first_name": "{{ 7*7 }}"})
    assert rendered.text == "Hi {{ 7*7 }}"


def _conversation(name: str, handle: str) -> Conversation:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    customer = Customer(1, 1, "c1", name, handle, Channel.X)
    return Conversation(
        4711, 1, "s1", Channel.X, Audience.PUBLIC, customer, Status.OPEN, "lena", "Paket", now, now, now
    )


def test_variables_come_from_the_conversation_and_what_the_agent_typed() -> None:
    values = variables_for(
        _conversation("Kim Berger", "@kim_hh"), "Lena Vogt", "Nordstrom Energie", {"order_id": "A-1"}
    )
    assert values == {
        "customer.name": "Kim Berger",
        "customer.first_name": "Kim",
        "customer.handle": "@kim_hh",
        "agent.name": "Lena Vogt",
        "agent.first_name": "Lena",
        "company.name": "Nordstrom Energie",
        "conversation.id": "4711",
        "conversation.subject": "Paket",
        "order_id": "A-1",
    }


def test_a_customer_known_only_by_handle_has_no_first_name_to_guess() -> None:
    values = variables_for(_conversation("@kim_hh", "@kim_hh"), "Lena", "ACME", {})
    assert "customer.first_name" not in values
    assert render(template("Hi {{ customer.first_name }}"), Channel.X, values).unfilled == ("customer.first_name",)

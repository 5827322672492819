"""The one rule for a Mastodon reply's mention, shared by the connector and the editor's count."""

from __future__ import annotations

from agentdesk.core.reply_mention import with_mention


def test_the_handle_goes_in_front_unless_the_agent_wrote_it() -> None:
    assert with_mention("Danke!", "ada@social.example") == "@ada@social.example Danke!"
    assert with_mention("Danke!", "@ada") == "@ada Danke!"
    assert (
        with_mention("Hallo @ADA@social.example, danke!", "@ada@social.example") == "Hallo @ADA@social.example, danke!"
    )
    assert with_mention("Danke!", "") == "Danke!"

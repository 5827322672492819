"""Hand-written spam signals that work from the first message, before any lesson.

Each rule adds log-odds and says why. Two rules need memory: the same text from several
accounts, and an account's first post. That memory is bounded by a time window, with
time passed in, so the rules stay pure and replayable.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from datetime import datetime, timedelta
from itertools import filterfalse, pairwise

from agentdesk.core.triage.records import Reason, TriageInput
from agentdesk.core.triage.text import Analysed
from agentdesk.core.triage.vocabulary import Vocabulary

#: Keyword families with their log-odds and the reason a row shows.
_FAMILIES: dict[str, tuple[float, Reason]] = {
    "follower-selling": (3.2, Reason("follower-selling", "sells followers or likes")),
    "phishing": (2.6, Reason("phishing", "asks for a fee or details behind a link")),
    "crypto": (2.1, Reason("crypto", "crypto or trading bait")),
    "easy-money": (2.0, Reason("easy-money", "giveaway or easy-money pattern")),
    "self-promotion": (1.4, Reason("self-promotion", "advertises its own links")),
}
_KEYWORDS = Vocabulary(
    dict.fromkeys(
        "bitcoin* btc eth ethereum krypto* crypto* usdt airdrop* nft* wallet blockchain altcoin* memecoin* "
        "forex* trading_bot trading_signal trading_signals".split(),
        "crypto",
    )
    | dict.fromkeys(
        "giveaway* verlos* gratis gewonnen verdoppel* verdien* nebenverdienst* gutschein* free_iphone "
        "free_money free_crypto free_tokens free_spins free_gift gift_cards double_your passive_income "
        "passives_einkommen guaranteed_profit garantierte_rendite garantierter_gewinn von_zuhause dm_me "
        "dm_for dm_für schreib_mir claim_now claim_your jetzt_sichern jetzt_abholen limited_offer nur_heute "
        "noch_heute only_today today_only pro_tag am_tag per_day link_in in_bio meinem_profil make_money earn "
        "casino "
        # prize-draw bait: "Du wurdest als Gewinner ausgewählt", "you have been selected", "claim before ..."
        "herzlichen_glückwunsch congratulations_you als_gewinner zum_gewinner wurdest_ausgewählt "
        "wurden_ausgewählt been_selected you_won you've_won have_won löse_jetzt jetzt_einlösen redeem_now "
        "nur_noch expires_today".split(),
        "easy-money",
    )
    | dict.fromkeys(
        "check_out check_my great_post nice_post cool_post toller_beitrag schaut_mal schau_mal my_review "
        "my_blog my_channel my_website meinem_blog meinen_kanal meine_seite top_10 best_deals".split(),
        "self-promotion",
    )
    | dict.fromkeys(
        "followforfollow f4f like4like followers_for follower_ab follower_kaufen followers_kaufen "
        "abonnenten_kaufen real_followers echte_follower cheap_likes buy_followers boost_your promote_it "
        "grow_your more_followers deutsche_follower aktive_follower get_followers gain_followers buy_likes "
        "likes_kaufen follower_bestellen kaufe_follower".split(),
        "follower-selling",
    )
    | dict.fromkeys(
        "zollgebühr* customs_fee versandgebühr* bestätige_deine confirm_your".split(),
        "phishing",
    ),
    joiner="_",
)
#: "1000 Follower nur 4,99€", "get 10k followers": a number of followers (likes, subscribers)
#: offered with a price or a selling verb. A count alone is a customer telling their reach.
_AUDIENCE = frozenset("follower followers abonnenten abos likes fans views aufrufe subscribers".split())
_OFFER = frozenset(
    "kaufen kaufe kauf buy get gain hol holen bestellen bestelle order cheap günstig billig instant "
    "sofort price prices preis preise".split()
)
_PRICE_SIGNS = ("€", "$", "£")
_COUNT = re.compile(r"\d+[km]?")
_SHORTENERS = ("bit.ly", "tinyurl.", "cutt.ly", "t.ly", "shorturl.", "rebrand.ly", "is.gd", "goo.su", "rb.gy")
_CHEAP_TLDS = (".xyz", ".top", ".click", ".icu", ".buzz", ".shop", ".live", ".win")

_NEW_ACCOUNT = Reason("new-account", "first post from an account without followers")
_DISGUISED_LINK = Reason("disguised-link", "shortened or throwaway link")
_LINK_ONLY = Reason("link-only", "a link with hardly any text")

_BIAS = -3.0
_EXTRA_KEYWORD = 0.8  # each further keyword of a family, up to two
_MIN_FINGERPRINT = 25


class SpamRules:
    """The rule score for a message, remembering recent texts and authors for ``window``."""

    def __init__(self, window: timedelta = timedelta(hours=24)) -> None:
        self._window = window
        self._texts: dict[str, dict[str, datetime]] = {}
        self._authors: dict[str, datetime] = {}
        self._seen: deque[tuple[datetime, str, str]] = deque()

    def score(self, msg: TriageInput, analysed: Analysed) -> tuple[float, list[Reason]]:
        """Log-odds from the rules (negative: looks clean) and the reasons that fired."""
        seen = self._seen
        if seen and seen[0][0] < msg.at - self._window:
            self._forget_before(msg.at - self._window)
        hits = _KEYWORDS.labels(analysed)
        if _offers_audience(analysed):
            hits = hits + Counter(["follower-selling"])  # a new Counter: ``labels`` may share one
        reasons = (
            [
                (weight + _EXTRA_KEYWORD * min(hits[code] - 1, 2), reason)
                for code, (weight, reason) in _FAMILIES.items()
                if code in hits
            ]
            if hits
            else []
        )
        if analysed.urls:
            reasons.extend(_link_reasons(analysed))
        if len(analysed.mentions) >= 4:
            reasons.append((1.5, Reason("many-mentions", f"mentions {len(analysed.mentions)} accounts")))
        author = msg.author.lower()
        if msg.followers <= 3 and author not in self._authors:
            reasons.append((0.8, _NEW_ACCOUNT))
        others = self._remember(msg, author, analysed)
        if others:
            weight = 2.2 if others == 1 else 3.5
            reasons.append((weight, Reason("repeated-text", f"same text from {others + 1} accounts")))
        if not reasons:
            return _BIAS, []
        return _BIAS + sum([w for w, _ in reasons]), [r for _, r in reasons]

    def _remember(self, msg: TriageInput, author: str, analysed: Analysed) -> int:
        """Record the post; return how many *other* accounts sent the same text in the window."""
        self._authors[author] = msg.at
        fingerprint = "".join(analysed.words)
        if not fingerprint.isalpha():  # numbers do not make a text new ("Code 4711" vs "Code 4712")
            fingerprint = "".join(filterfalse(str.isdigit, analysed.words))  # in C: two posts in five have one
        if len(fingerprint) < _MIN_FINGERPRINT:
            return 0
        senders = self._texts.get(fingerprint)
        if senders is None:
            senders = self._texts[fingerprint] = {}
        senders[author] = msg.at
        self._seen.append((msg.at, fingerprint, author))
        return len(senders) - 1

    def _forget_before(self, cutoff: datetime) -> None:
        while self._seen and self._seen[0][0] < cutoff:
            _, fingerprint, author = self._seen.popleft()
            senders = self._texts.get(fingerprint)
            if senders is not None and senders.get(author, cutoff) < cutoff:
                del senders[author]
                if not senders:
                    del self._texts[fingerprint]


def _offers_audience(analysed: Analysed) -> bool:
    """A count of followers next to a price or a selling verb; two set tests rule most posts out."""
    distinct = analysed.distinct
    if _AUDIENCE.isdisjoint(distinct):
        return False
    if _OFFER.isdisjoint(distinct) and not any(sign in analysed.plain for sign in _PRICE_SIGNS):
        return False
    return any(b in _AUDIENCE and _COUNT.fullmatch(a) for a, b in pairwise(analysed.words))


def _link_reasons(analysed: Analysed) -> list[tuple[float, Reason]]:
    urls = analysed.urls
    if not urls:
        return []
    out: list[tuple[float, Reason]] = []
    if len(urls) >= 2:
        weight = 1.6 if len(urls) == 2 else 2.2
        out.append((weight, Reason("link-farm", f"{len(urls)} links in one post")))
    links = urls[0] if len(urls) == 1 else "\n".join(urls)  # no shortener holds a line break
    if any(map(links.__contains__, _SHORTENERS)) or any(
        u.split("//", 1)[-1].split("/", 1)[0].endswith(_CHEAP_TLDS) for u in urls
    ):
        out.append((1.4, _DISGUISED_LINK))
    if len(analysed.words) < 8:
        out.append((0.8, _LINK_ONLY))
    return out

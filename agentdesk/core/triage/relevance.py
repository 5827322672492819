"""How urgently a message deserves a human, next to the SLA order, with the reasons shown.

Intent to cancel, to call a lawyer, consumer protection or the press outweighs everything;
reach, VIP status, anger and a real question add to it; a passing mention lowers it.
"""

from __future__ import annotations

import math

from agentdesk.core.triage.records import Reason
from agentdesk.core.triage.sentiment import NEGATIVE
from agentdesk.core.triage.text import Analysed
from agentdesk.core.triage.vocabulary import Vocabulary

#: Each intent's weight and how a row explains it; the order is the order reasons are shown.
INTENTS: dict[str, tuple[float, Reason]] = {
    "legal-threat": (0.5, Reason("legal-threat", "threatens legal action")),
    "press": (0.5, Reason("press", "press or going public")),
    "consumer-protection": (0.45, Reason("consumer-protection", "mentions consumer protection")),
    "cancel-intent": (0.45, Reason("cancel-intent", "mentions cancelling")),
}
_INTENT_WORDS = Vocabulary(
    dict.fromkeys(
        "kündig* gekündigt sonderkündigung* widerruf* cancel* terminate "
        "vertrag_beenden vertrag_auflösen anbieter_wechseln wechsle_zu wechsle_den switching_provider "
        "switching_to close_my".split(),
        "cancel-intent",
    )
    | dict.fromkeys(
        "anwalt* anwält* rechtsanwalt* rechtsanwält* abmahnung* klage verklag* gericht gerichtlich* lawyer* "
        "attorney* sue suing court rechtliche_schritte rechtlichen_schritte legal_action small_claims".split(),
        "legal-threat",
    )
    | dict.fromkeys(
        "verbraucherzentrale* verbraucherschutz* bundesnetzagentur schlichtungsstelle* ombudsman watchdog "
        "consumer_protection consumer_rights consumer_advice trading_standards".split(),
        "consumer-protection",
    )
    | dict.fromkeys(
        "presse* journalist* redaktion* recherche* recherchier* reporter* zeitung* newspaper* blogger* "
        "press_office press_inquiry press_enquiry media_inquiry a_story an_article go_public going_public "
        "öffentlich_machen".split(),
        "press",
    ),
    joiner="_",
)
#: The reasons whose text never varies, made once (a frozen dataclass costs a microsecond per post).
_VIP = Reason("vip", "VIP customer")
_NEGATIVE = Reason("negative", "angry or disappointed tone")
_QUESTION = Reason("question", "asks a question")
_MENTION = Reason("mention", "passing mention")
_QUESTION_START = frozenset(
    "wann warum wieso weshalb wie was wo wer können könnt kann habt gibt ist sind when why how what "
    "where who can could is are do does will".split()
)


def relevance(analysed: Analysed, followers: int, negativity: float, vip: bool) -> tuple[float, list[Reason]]:
    """A 0–1 relevance and the reasons, most important first."""
    score = 0.1
    reasons: list[Reason] = []
    hits = _INTENT_WORDS.labels(analysed)
    if hits:
        for code, (weight, reason) in INTENTS.items():
            if code in hits:
                score += weight
                reasons.append(reason)
    if vip:
        score += 0.35
        reasons.append(_VIP)
    if followers >= 5000:
        score += min(0.3, 0.1 * math.log10(followers / 500))
        reasons.append(Reason("reach", f"{_count(followers)} followers"))
    if negativity <= NEGATIVE:
        score += 0.25 * min(1.0, -negativity / 0.6)
        reasons.append(_NEGATIVE)
    if analysed.question or (analysed.words and analysed.words[0] in _QUESTION_START):
        score += 0.12
        reasons.append(_QUESTION)
    elif not reasons and len(analysed.words) < 12:
        score -= 0.05
        reasons.append(_MENTION)
    return max(0.0, min(1.0, score)), reasons


def _count(n: int) -> str:
    """12345 -> "12k": short enough for a badge."""
    return f"{n / 1_000_000:.1f}M" if n >= 1_000_000 else f"{n // 1000}k"

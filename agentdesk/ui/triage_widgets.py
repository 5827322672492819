"""What triage looks like in the window: reason words, the topic list and the storm banner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from agentdesk.store.queries import TopicCount
from agentdesk.store.triage_verdicts import Storm


def reason_text(code: str) -> str:
    """A reason code (docs/triage.md) in the agent's words; an unknown code shows as itself."""
    words = {
        "crypto": QCoreApplication.translate("Triage", "crypto offer"),
        "easy-money": QCoreApplication.translate("Triage", "easy-money promise"),
        "follower-selling": QCoreApplication.translate("Triage", "sells followers"),
        "phishing": QCoreApplication.translate("Triage", "phishing"),
        "link-farm": QCoreApplication.translate("Triage", "many links"),
        "disguised-link": QCoreApplication.translate("Triage", "disguised link"),
        "link-only": QCoreApplication.translate("Triage", "link with hardly any text"),
        "many-mentions": QCoreApplication.translate("Triage", "mentions many accounts"),
        "new-account": QCoreApplication.translate("Triage", "new account"),
        "repeated-text": QCoreApplication.translate("Triage", "same text from several accounts"),
        "learned-spam": QCoreApplication.translate("Triage", "like posts marked as spam"),
        "learned-not-spam": QCoreApplication.translate("Triage", "like posts marked as not spam"),
        "legal-threat": QCoreApplication.translate("Triage", "threatens legal action"),
        "press": QCoreApplication.translate("Triage", "press enquiry"),
        "consumer-protection": QCoreApplication.translate("Triage", "consumer protection"),
        "cancel-intent": QCoreApplication.translate("Triage", "wants to cancel"),
        "vip": QCoreApplication.translate("Triage", "VIP"),
        "reach": QCoreApplication.translate("Triage", "large reach"),
        "negative": QCoreApplication.translate("Triage", "angry or disappointed"),
        "question": QCoreApplication.translate("Triage", "asks a question"),
        "mention": QCoreApplication.translate("Triage", "passing mention"),
    }
    return words.get(code, code)


def badge_text(code: str) -> str | None:
    """The short row badge for the reasons that must reach a human first; None for the others."""
    badges = {
        "legal-threat": QCoreApplication.translate("Triage", "Lawyer"),
        "press": QCoreApplication.translate("Triage", "Press"),
        "cancel-intent": QCoreApplication.translate("Triage", "Cancellation"),
        "consumer-protection": QCoreApplication.translate("Triage", "Consumer protection"),
        "vip": QCoreApplication.translate("Triage", "VIP"),
        "reach": QCoreApplication.translate("Triage", "Reach"),
    }
    return badges.get(code)


def reasons_tooltip(codes: tuple[str, ...]) -> str:
    if not codes:
        return ""
    title = QCoreApplication.translate("Triage", "Why it ranks here:")
    return "\n".join([title, *(f"• {reason_text(code)}" for code in codes)])


class TopicPane(QFrame):
    """The "Topics" section under the queues: open conversations grouped by topic, with counts."""

    TOPIC_ROLE = Qt.ItemDataRole.UserRole + 1
    topic_selected = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("topicPane")
        self.title = QLabel(self.tr("─ Topics ─"))
        self.title.setObjectName("topicTitle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Topics"))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)

    def set_topics(self, topics: list[TopicCount]) -> None:
        """Replace the rows, keeping the selected topic selected if it is still there."""
        selected = self.current_topic()
        self.list.blockSignals(True)
        self.list.clear()
        for topic in topics:
            item = QListWidgetItem(f"{topic.label}  {topic.count}")
            item.setData(self.TOPIC_ROLE, topic.topic_id)
            item.setToolTip(
                self.tr("{n} open conversations on {label}")
                .replace("{n}", str(topic.count))
                .replace("{label}", topic.label)
            )
            self.list.addItem(item)
            if topic.topic_id == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def topics(self) -> list[tuple[str, int]]:
        """(label, count) per row, as shown."""
        return [(item.text().rsplit("  ", 1)[0], int(item.text().rsplit("  ", 1)[1])) for item in self._items()]

    def select_topic(self, topic_id: int) -> None:
        for item in self._items():
            if item.data(self.TOPIC_ROLE) == topic_id:
                self.list.setCurrentItem(item)
                self._clicked(item)

    def current_topic(self) -> int | None:
        item = self.list.currentItem()
        return item.data(self.TOPIC_ROLE) if item is not None and item.isSelected() else None

    def clear_selection(self) -> None:
        self.list.clearSelection()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        self.topic_selected.emit(item.data(self.TOPIC_ROLE))


class StormBanner(QFrame):
    """A red banner with ⛔ (never colour alone): which topic, how fast, example posts, escalate."""

    escalate = Signal(object)  # Storm
    show_topic = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("stormBanner")
        self.setStyleSheet(
            "QFrame#stormBanner{background:#FDE2E4;border:2px solid #B00020;border-radius:4px;}"
            "QFrame#stormBanner QLabel{color:#7A0016;}"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton(self.tr("Show topic"))
        self.escalate_button = QPushButton()  # "Escalate to <team>", set with the storm
        self.close_button = QPushButton(self.tr("Dismiss"))
        buttons = QVBoxLayout()
        for button in (self.escalate_button, self.show_button, self.close_button):
            buttons.addWidget(button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.storm: Storm | None = None
        self.escalate_button.clicked.connect(lambda: self.storm and self.escalate.emit(self.storm))
        self.show_button.clicked.connect(lambda: self.storm and self.show_topic.emit(self.storm.alarm.topic_id))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_storm(self, storm: Storm, examples: list[str], team: str) -> None:
        self.storm = storm
        alarm = storm.alarm
        lines = [
            self.tr("⛔ Storm building: {topic}").replace("{topic}", alarm.topic_label),
            self.tr("{rate} angry posts per hour (usually {baseline})")
            .replace("{rate}", f"{alarm.rate:.0f}")
            .replace("{baseline}", f"{alarm.baseline:.0f}"),
            *(f"• {example}" for example in examples),
        ]
        self.text.setText("\n".join(lines))
        self.escalate_button.setText(self.tr("Escalate to {team}").replace("{team}", team))
        self.escalate_button.setEnabled(True)
        self.show()

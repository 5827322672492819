"""Python's garbage collector, run only on the GUI thread.

Automatic collection runs on whichever thread happens to allocate. When that is a worker (the
store's, the sandbox's) and the garbage holds a Qt object, Qt destroys it on the wrong thread and
the process crashes. So automatic collection is off, and a timer on the GUI thread collects each
generation when its threshold is reached, as the interpreter would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    @staticmethod
    def collect_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):  # the oldest due generation; collecting it includes the younger
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

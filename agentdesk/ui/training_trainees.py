"""The supervisor desk's "Trainees" tab: every trainee's practice history, per scenario and session,
and the printable report per trainee.

Trainees practise on their own PCs; each sets a team folder (Training → Team folder …) and a copy
of their history lands there after each practice (see ``training_files``). The supervisor adds that
folder here once (or a trainee's profile folder, or a folder of profiles); the list of folders is
kept in the supervisor's profile. Everything is read and written on the files thread. A history
that cannot be read is listed with its path and the reason; the others show as usual.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.training_files import TraineeHistory, TrainingFiles, load_folders, save_folders, scan_folders
from agentdesk.ui.training_report import SessionsView

REPORTS_FOLDER = "training-reports"  # in the supervisor's profile


class TraineesPage(QWidget):
    def __init__(self, data_dir: Path, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traineesPage")
        self.data_dir = data_dir
        self.tasks = tasks
        self.files = TrainingFiles()
        self.destroyed.connect(self.files.shutdown)
        self.folders: tuple[Path, ...] = ()
        self.trainees: list[TraineeHistory] = []

        explain = QLabel(
            self.tr(
                "Trainees' practice histories from these folders: a team folder where trainees' copies land "
                "(each trainee sets it under Training → Team folder), or a trainee's profile folder."
            )
        )
        explain.setWordWrap(True)
        self.folder_list = QListWidget()
        self.folder_list.setObjectName("traineeFolders")
        self.folder_list.setMaximumHeight(80)
        add = QPushButton(self.tr("Add folder …"))
        add.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("Remove folder"))
        self.remove_button.clicked.connect(self._remove_clicked)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(lambda: self.tasks.run(self.load(), what="reading the trainees' histories"))
        folder_buttons = QVBoxLayout()
        for button in (add, self.remove_button, refresh):
            folder_buttons.addWidget(button)
        folder_buttons.addStretch(1)
        folders = QHBoxLayout()
        folders.addWidget(self.folder_list, 1)
        folders.addLayout(folder_buttons)

        self.problems = QLabel()
        self.problems.setObjectName("traineeProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setStyleSheet("background:#FDE7E9;border:1px solid #A80000;padding:4px;")
        self.problems.hide()
        self.list = QTreeWidget()
        self.list.setObjectName("trainees")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Trainee"), self.tr("Sessions"), self.tr("Last score")])
        self.list.setColumnWidth(0, 140)
        self.list.setColumnWidth(1, 90)
        self.list.currentItemChanged.connect(lambda item, _previous: self._show(item))
        self.view = SessionsView(self.files, tasks)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setSizes([300, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(folders)
        layout.addWidget(self.problems)
        layout.addWidget(split, 1)

    async def load(self) -> None:
        """Read the folder list and every trainee's history on the files thread."""
        folders = await self.files.run(load_folders, self.data_dir)
        self.folders = folders.folders
        trainees = await self.files.run(scan_folders, self.folders)
        self._fill(trainees, [folders.error] if folders.error else [])

    async def add_folder(self, folder: Path) -> None:
        if folder in self.folders:
            return
        await self.files.run(save_folders, self.data_dir, (*self.folders, folder))
        await self.load()

    async def remove_folder(self, folder: Path) -> None:
        await self.files.run(save_folders, self.data_dir, tuple(f for f in self.folders if f != folder))
        await self.load()

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Folder with trainees' histories"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(
            lambda folder: self.tasks.run(self.add_folder(Path(folder)), what="adding the trainees' folder")
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): no nested event loop under qasync
        return dialog

    def _remove_clicked(self) -> None:
        row = self.folder_list.currentRow()
        if 0 <= row < len(self.folders):
            self.tasks.run(self.remove_folder(self.folders[row]), what="removing the trainees' folder")

    def _fill(self, trainees: list[TraineeHistory], problems: list[str]) -> None:
        shown = self.view.trainee
        self.trainees = trainees
        self.folder_list.clear()
        self.folder_list.addItems([str(f) for f in self.folders])
        self.remove_button.setEnabled(bool(self.folders))
        self.list.clear()
        broken = self.tr("cannot be read")
        for number, trainee in enumerate(trainees):
            last = f"{trainee.sessions[-1].score}/100" if trainee.sessions else ""
            item = QTreeWidgetItem([trainee.name, "⚠ " + broken if trainee.error else str(len(trainee.sessions)), last])
            item.setToolTip(0, str(trainee.path))
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            self.list.addTopLevelItem(item)
        problems += [
            self.tr("{file} cannot be read: {reason}").replace("{file}", str(t.path)).replace("{reason}", t.error)
            for t in trainees
            if t.error
        ]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        again = next((i for i, t in enumerate(trainees) if t.name == shown and not t.error), None)
        readable = next((i for i, t in enumerate(trainees) if not t.error), None)
        current = again if again is not None else readable
        if current is None:
            self.view.show_sessions("", [], None)
        else:
            self.list.setCurrentItem(self.list.topLevelItem(current))

    def select(self, name: str) -> bool:
        """Show the trainee called ``name`` (the first, if two folders hold the same name)."""
        for row in range(self.list.topLevelItemCount()):
            if self.list.topLevelItem(row).text(0) == name:
                self.list.setCurrentItem(self.list.topLevelItem(row))
                return True
        return False

    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        trainee = self.trainees[item.data(0, Qt.ItemDataRole.UserRole)]
        if trainee.error:
            self.view.show_sessions(trainee.name, [], None)
            return
        self.view.show_sessions(trainee.name, list(trainee.sessions), self.data_dir / REPORTS_FOLDER)


def trainees_page(data_dir: Path, tasks: TaskRunner) -> TraineesPage:
    """The tab, with its histories being read in the background."""
    page = TraineesPage(data_dir, tasks)
    tasks.run(page.load(), what="reading the trainees' histories")
    return page

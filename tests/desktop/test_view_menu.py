"""View ▸ History, Watching, Progress of the search: each hides and shows its panel and stays checked as the
panel is, however the panel was closed."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow


def test_the_view_menu_hides_and_shows_each_panel(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.view_menu
    assert window.menuBar().actions()[1].menu() is menu and menu.title() == "&View"
    actions = {action.text(): action for action in menu.actions()}
    assert set(actions) == {"History", "Watching", "&Progress of the search"}
    assert all(a.isCheckable() for a in actions.values())
    panels = {"History": window.history_dock, "Watching": window.watch_dock, "&Progress of the search": window.progress}
    assert [actions[name].isChecked() for name in panels] == [True, False, True], "Watching waits for a watch"
    for name, panel in panels.items():
        shown = actions[name].isChecked()
        for _ in range(2):
            actions[name].trigger()
            shown = not shown
            qtbot.waitUntil(lambda p=panel, s=shown: p.isVisible() == s)
            assert actions[name].isChecked() == shown


def test_the_view_menu_follows_panels_closed_elsewhere(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.view_menu
    history, progress = menu.dock_actions[0], menu.progress_action
    assert isinstance(window.history_dock, QDockWidget)
    window.history_dock.close()  # its own ×
    qtbot.waitUntil(lambda: not history.isChecked())
    window.progress.hide()
    assert not progress.isChecked()
    window.tabs.setCurrentIndex(1)  # the progress list out of sight with its tab is not hidden by the user
    window.progress.show()
    assert progress.isChecked()
    window.tabs.setCurrentIndex(0)
    assert progress.isChecked() and window.progress.isVisible()
    history.trigger()
    qtbot.waitUntil(window.history_dock.isVisible)

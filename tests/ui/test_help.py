"""Help > User Guide: the guide's sections in both languages, F1, links, and true menu names."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QTabWidget

from ui.app import TRANSLATIONS
from ui.help import help_window
from ui.help.guide import load_guide, split_sections
from ui.help.help_window import HelpWindow
from ui.main_window import MainWindow

GUIDES = Path(__file__).resolve().parents[2] / "resources" / "guide"
SECTION_IDS = ["first-steps", "follow-ups", "importing", "quotes", "backups", "team", "data"]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    """The app's Simplified Chinese translation, loaded for one test."""
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "desktop_crm_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def help_windows(win: MainWindow) -> list[HelpWindow]:
    return [w for w in win.findChildren(HelpWindow) if w.isVisible()]


def test_both_guides_have_the_same_sections_in_the_same_order() -> None:
    english, chinese = load_guide("en"), load_guide("zh")
    assert [s.id for s in english] == SECTION_IDS
    assert [s.id for s in chinese] == SECTION_IDS
    assert [s.title for s in english][:3] == [
        "First steps",
        "Follow-ups and reminders",
        "Importing a spreadsheet",
    ]
    assert [s.title for s in chinese][:3] == ["第一步", "跟进与提醒", "导入电子表格"]
    for en, zh in zip(english, chinese, strict=True):
        # A translation, not a stub: of comparable length (Chinese takes fewer characters).
        assert 0.25 < len(zh.markdown) / len(en.markdown) < 0.8, en.id
        assert "{#" not in en.markdown and "{#" not in zh.markdown  # ids are not shown


def test_links_between_sections_name_sections_that_exist() -> None:
    for language in ("en", "zh"):
        sections = load_guide(language)
        ids = {s.id for s in sections}
        links = [link for s in sections for link in re.findall(r"\]\(#([^)]+)\)", s.markdown)]
        assert links, language
        assert set(links) <= ids, language


def test_a_heading_inside_a_code_block_starts_no_section() -> None:
    text = "# Guide\n\nIntro.\n\n## One {#one}\n\n```\n## Not {#not}\n```\n\n## Two {#two}\nB\n"
    sections = split_sections(text)
    assert [s.id for s in sections] == ["one", "two"]
    assert sections[0].markdown.startswith("# Guide\n\nIntro.\n\n## One\n")
    assert "## Not {#not}" in sections[0].markdown


def test_f1_opens_one_non_modal_guide_at_the_first_section(qtbot, window: MainWindow) -> None:
    guide_action = window.findChild(QAction, "helpUserGuide")
    assert guide_action is not None
    assert guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Help" and a.menu()
    )
    assert isinstance(help_menu, QMenu)
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&User Guide",
        "&About Desktop CRM",
    ]

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(help_windows(window)) == 1)
    guide = help_windows(window)[0]
    assert guide.windowModality() == Qt.WindowModality.NonModal
    assert guide.isWindow()
    assert guide.contents.count() == len(SECTION_IDS)
    assert guide.current_section() == "first-steps"
    assert "Explore a demo workspace" in guide.browser.toPlainText()

    guide.show_section("backups")
    guide_action.trigger()  # again: the same window comes to the front, where it was
    assert help_windows(window) == [guide]
    assert guide.current_section() == "backups"
    assert window.isEnabled()  # the main window stays usable beside the guide
    guide.close()


def test_the_guide_is_rendered_as_markdown_with_its_heading(qtbot) -> None:
    guide = HelpWindow(language="en")
    qtbot.addWidget(guide)
    guide.show_section("quotes")
    document = guide.browser.document()
    levels = {}
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels[block.text()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels == {"Printing a quote": 2}
    text = guide.browser.toPlainText()
    assert "**" not in text and "Print / PDF…" in text  # bold markers rendered, not shown
    cursor = guide.browser.document().find("Print / PDF…")
    assert cursor.charFormat().fontWeight() > 400


def test_the_guide_follows_the_ui_language(qtbot, chinese: QTranslator) -> None:
    guide = HelpWindow()  # no language given: the UI's, which the translation says is zh
    qtbot.addWidget(guide)
    titles = [guide.contents.item(i).text() for i in range(guide.contents.count())]
    assert titles == [s.title for s in load_guide("zh")]
    assert titles[-1] == "数据保存在哪里"
    assert "浏览演示工作区" in guide.browser.toPlainText()


def test_links_switch_sections_and_web_links_open_outside(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class FakeDesktop:
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            opened.append(url.toString())
            return True

    monkeypatch.setattr(help_window, "QDesktopServices", FakeDesktop)
    guide = HelpWindow(language="en")
    qtbot.addWidget(guide)
    guide.show_section("importing")
    # The link written in the section, clicked as the browser reports it.
    assert "[Backups](#backups)" in guide.sections[2].markdown
    guide.browser.anchorClicked.emit(QUrl("#backups"))
    assert guide.current_section() == "backups"
    assert guide.browser.toPlainText().startswith("Backups")
    guide.follow_link(QUrl("https://www.postgresql.org/"))
    assert opened == ["https://www.postgresql.org/"]
    assert guide.current_section() == "backups"
    assert not guide.show_section("no-such-section")


def test_a_missing_guide_says_so_and_a_frozen_bundle_supplies_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "resources").mkdir()  # a bundle without the guide
    empty = HelpWindow(language="en")
    qtbot.addWidget(empty)
    assert empty.sections == []
    assert empty.current_section() == ""
    assert "missing" in empty.browser.toPlainText()

    (tmp_path / "resources" / "guide").mkdir()
    shutil.copy(GUIDES / "en.md", tmp_path / "resources" / "guide" / "en.md")
    # No Chinese guide in this bundle: the English one serves rather than nothing.
    bundled = HelpWindow(language="zh")
    qtbot.addWidget(bundled)
    assert [s.id for s in bundled.sections] == SECTION_IDS
    assert bundled.sections[0].title == "First steps"


# --- the guide names menus, tabs and buttons as the app shows them ----------------------------

_PATH = re.compile(r"\*\*([^*]+?(?: → [^*]+?)+)\*\*")


def plain(text: str) -> str:
    """A menu text as read: no accelerator (``&F``, ``(&F)``)."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()


def one_line(text: str) -> str:
    """Markdown as rendered: a line break inside a paragraph is a space."""
    return " ".join(text.split())


def menu_paths(section_text: str) -> list[list[str]]:
    return [m.group(1).split(" → ") for m in _PATH.finditer(one_line(section_text))]


def check_paths(window: MainWindow, settings_tabs: set[str], language: str) -> int:
    """Every ``**A → B → C**`` of the guide names a real menu item, tab or screen button."""
    menus = {plain(a.text()): a.menu() for a in window.menuBar().actions() if a.menu()}
    screens = {screen.title(): screen for screen in window.screens.values()}
    settings_item = plain(window.screens["settings"].menu_items()["edit"][0].text())
    checked = 0
    for section in load_guide(language):  # type: ignore[arg-type]
        for path in menu_paths(section.markdown):
            first, second, rest = path[0], path[1], path[2:]
            where = f"{language}/{section.id}: {' → '.join(path)}"
            if first in menus:
                items = {plain(a.text()): a for a in menus[first].actions() if not a.isSeparator()}
                assert second in items, where
                if rest:
                    submenu = items[second].menu()
                    if submenu is not None:
                        names = {plain(a.text()) for a in submenu.actions()}
                        assert rest[0] in names, where
                    else:
                        assert second == settings_item and rest[0] in settings_tabs, where
            else:
                assert first in screens, where
                buttons = {b.text() for b in screens[first].findChildren(QAbstractButton)}
                assert second in buttons, where
            checked += 1
    return checked


def settings_tab_names(workspace) -> set[str]:
    from ui.workspace_settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(workspace.settings.all(), "")
    tabs = dialog.findChild(QTabWidget)
    names = {tabs.tabText(i) for i in range(tabs.count())}
    dialog.deleteLater()
    return names


def test_every_menu_path_in_the_english_guide_exists(qtbot, window, workspace) -> None:
    assert check_paths(window, settings_tab_names(workspace), "en") >= 20


def test_every_menu_path_in_the_chinese_guide_exists(
    qtbot, chinese, worker, qt_settings, workspace
) -> None:
    win = MainWindow(worker, qt_settings)
    qtbot.addWidget(win)
    assert QCoreApplication.translate("Language", "en") == "zh"
    assert check_paths(win, settings_tab_names(workspace), "zh") >= 20


def test_the_first_steps_name_the_first_run_choice(qapp: QApplication) -> None:
    from ui.first_run import FirstRunDialog

    english = FirstRunDialog.tr("Explore a demo workspace")
    assert f"**{english}**" in one_line(load_guide("en")[0].markdown)
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "desktop_crm_zh_CN.qm"))
    qapp.installTranslator(translator)
    try:
        chinese = FirstRunDialog.tr("Explore a demo workspace")
    finally:
        qapp.removeTranslator(translator)
    assert chinese != english
    assert f"**{chinese}**" in one_line(load_guide("zh")[0].markdown)

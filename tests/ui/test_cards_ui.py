"""Cards and the person editor, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop_crm.services.contacts.dto import Labelled, PersonDraft
from tests import drafts
from tests.ui.conftest import open_and_wait


@pytest.fixture
def opened(qtbot, window, workspace):
    path = workspace.path
    company = workspace.people.save_company(drafts.company("远山设计")).ids[0]
    pid = workspace.people.save(
        PersonDraft(
            name="王芳",
            company_id=company,
            title="设计总监",
            phones=(Labelled("mobile", "+86 138-0013-8000"),),
            emails=(Labelled("work", "wf@studio.cn"),),
        )
    ).ids[0]
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    return window, pid, company


def test_card_shows_details_copies_and_links_the_company(qtbot, opened):
    window, pid, company = opened
    card = window.open_card("person", pid)
    qtbot.waitUntil(lambda: card.card is not None)
    assert card.name_label.text() == "王芳"
    assert "远山设计" in card.subtitle.text() and f"company:{company}" in card.subtitle.text()
    texts = [
        card.details.itemAt(i, card.details.ItemRole.FieldRole).widget()
        for i in range(card.details.rowCount())
    ]
    assert any(
        "tel:+8613800138000" in w.findChildren(type(card.name_label))[0].text()
        for w in texts
        if w.findChildren(type(card.name_label))
    )
    card.copy("+86 138-0013-8000")
    assert QApplication.clipboard().text() == "+86 138-0013-8000"
    with qtbot.waitSignal(card.openRequested) as asked:
        card.subtitle.linkActivated.emit(f"company:{company}")
    assert asked.args == ["company", company]
    company_card = window.open_card("company", company)
    qtbot.waitUntil(lambda: company_card.card is not None)
    assert company_card.people.count() == 1 and "王芳" in company_card.people.item(0).text()


def test_log_a_call_in_two_clicks_and_plan_the_next(qtbot, opened):
    window, pid, _company = opened
    card = window.open_card("person", pid)
    qtbot.waitUntil(lambda: card.card is not None)
    card.log_buttons["call"].click()
    card.plan_next.setChecked(True)
    card.save_log.click()
    qtbot.waitUntil(
        lambda: (
            window.worker.idle
            and any(
                card.timeline.topLevelItem(i).text(1).startswith("Call")
                for i in range(card.timeline.topLevelItemCount())
            )
        ),
        timeout=5000,
    )
    # The follow-up planned next is in the card's Follow-ups section, not the timeline.
    section = card.follow_ups
    assert section is not None
    qtbot.waitUntil(lambda: section.list.topLevelItemCount() == 1)
    titles = [
        card.timeline.topLevelItem(i).text(1) for i in range(card.timeline.topLevelItemCount())
    ]
    assert not any(t.startswith("Follow-up") for t in titles)
    assert "Log call with 王芳" in window.undo_action.text()


def test_editor_marks_problems_in_place_and_keeps_what_was_typed(qtbot, opened):
    window, pid, _company = opened
    editor = window.edit_contact("person", pid)
    qtbot.waitUntil(lambda: editor.name.text() == "王芳")
    bad = editor.emails.add_row("home", "wang fang@qq")
    editor.name.setText("")
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.problem_label.text()))
    assert editor.isVisible()
    assert editor.name.property("problem") is True
    assert bad.property("problem") is True and bad.text() == "wang fang@qq"
    assert bad.toolTip() == "“wang fang@qq” contains a space."
    editor.name.setText("王芳")
    bad.setText("wangfang@qq.com")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    card = window.workspace.cards.card("person", pid)
    assert [e.value for e in card.emails] == ["wf@studio.cn", "wangfang@qq.com"]


def test_new_person_warns_about_a_duplicate_phone(qtbot, opened):
    window, pid, _company = opened
    editor = window.edit_contact("person", None)
    editor.name.setText("Fang Wang")
    editor.phones.editors()  # one empty row ready
    editor.phones.rows[0][1].setText("13800138000")
    qtbot.waitUntil(lambda: editor.duplicate_notice.isVisible(), timeout=5000)
    assert pid in editor.duplicate_notice.text() and "same phone" in editor.duplicate_notice.text()
    editor.company.setEditText("新公司")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    new_id = saved.args[0].ids[0]
    card = window.workspace.cards.card("person", new_id)
    assert card.company == "新公司"  # a typed company is created


def test_duplicates_screen_merges_a_pair(qtbot, window, workspace):
    path = workspace.path
    a = workspace.people.save(
        PersonDraft(name="王芳", phones=(Labelled("mobile", "13800138000"),), title="总监")
    ).ids[0]
    b = workspace.people.save(
        PersonDraft(
            name="Wang Fang",
            phones=(Labelled("mobile", "+86 138 0013 8000"),),
            emails=(Labelled("work", "wf@x.cn"),),
        )
    ).ids[0]
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    dialog = window.contacts.show_duplicates()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    assert "same phone" in dialog.list.topLevelItem(0).text(2)
    merge = dialog.merge_selected()
    qtbot.waitUntil(lambda: bool(merge.groups))
    name_buttons = merge.groups["name"].buttons()
    assert [btn.text() for btn in name_buttons] == ["王芳", "Wang Fang"]
    name_buttons[1].setChecked(True)
    merge._accept()
    qtbot.waitUntil(
        lambda: window.worker.idle and "Merge 2 people" in window.undo_action.text(), timeout=5000
    )
    card = window.workspace.cards.card("person", a)
    assert card.name == "Wang Fang" and card.title == "总监"
    assert [e.value for e in card.emails] == ["wf@x.cn"]
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 0)
    assert b


def test_company_editor_creates_and_edits_a_company(qtbot, opened):
    window, _pid, company = opened
    editor = window.edit_contact("company", company)
    qtbot.waitUntil(lambda: editor.name.text() == "远山设计")
    assert not editor.title_edit.isVisibleTo(editor) and editor.industry.isVisibleTo(editor)
    editor.industry.setText("建筑设计")
    editor.phones.add_row("main", "not a number")
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.problem_label.text()))
    editor.phones.rows[-1][1].setText("021 6555 8888")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    card = window.workspace.cards.card("company", company)
    assert card.title == "建筑设计" and [p.value for p in card.phones] == ["021 6555 8888"]
    new = window.edit_contact("company", None)
    new.name.setText("白鹭影像")
    with qtbot.waitSignal(new.saved) as saved:
        new.save()
    assert window.workspace.cards.card("company", saved.args[0].ids[0]).name == "白鹭影像"


def test_editor_custom_fields_and_photo(qtbot, opened, monkeypatch, tmp_path):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    window, pid, _company = opened
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "me.png"
    image.save(str(photo))
    editor = window.edit_contact("person", pid)
    qtbot.waitUntil(lambda: editor.name.text() == "王芳")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("预算", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Number", True))
    editor._new_field()
    qtbot.waitUntil(lambda: len(editor.custom_edits) == 1)
    [edit] = editor.custom_edits.values()
    edit.setText("不少")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    editor.choose_photo()
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.problem_label.text()))
    assert edit.property("problem") is True and edit.text() == "不少"
    edit.setText("5")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    card = window.workspace.cards.card("person", pid)
    assert [(label, value) for _f, label, value in card.custom] == [("预算", "5")]
    assert card.photo == photo.read_bytes()


def test_editor_edits_tags_addresses_and_messengers(qtbot, opened):
    window, pid, _company = opened
    editor = window.edit_contact("person", pid)
    qtbot.waitUntil(lambda: editor.name.text() == "王芳")
    editor.tags.setText("VIP，老客户")
    street, city, _region, postcode, _country = editor.addresses.add_row()
    street.setText("淮海中路 1 号")
    city.setText("上海")
    postcode.setText("200000")
    editor.im.add_row("qq", "10001")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    card = window.workspace.cards.card("person", pid)
    assert card.tags == ("VIP", "老客户") and card.im == (("qq", "10001"),)
    assert (card.addresses[0].street, card.addresses[0].postcode) == ("淮海中路 1 号", "200000")
    shown = window.open_card("person", pid)
    qtbot.waitUntil(lambda: shown.card is not None and "#VIP" in shown.badges.text())

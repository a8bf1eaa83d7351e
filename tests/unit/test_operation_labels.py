"""Operation labels: stored as codes with arguments, read back, and old plain labels kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_crm.domain.operation_labels import (
    LabelCode,
    OperationLabel,
    decode,
    english,
    op_label,
    reverting_label,
)
from desktop_crm.services.contacts.dto import PersonDraft
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.types import id_bytes
from tests.conftest import TODAY


def test_a_code_with_arguments_reads_back():
    text = op_label(LabelCode.LOG_ACTIVITY, activity="visit", name="王芳")
    assert decode(text) == OperationLabel(
        LabelCode.LOG_ACTIVITY, {"activity": "visit", "name": "王芳"}
    )
    assert english(text) == "Log visit with 王芳"
    assert english(op_label(LabelCode.DELETE_MANY, count=1, entity="company")) == (
        "Delete 1 company"
    )
    assert english(op_label(LabelCode.TAG, count=3, entity="person", tag="VIP")) == (
        "Tag 3 people with VIP"
    )


def test_plain_text_is_a_legacy_label():
    for text in ("Edit 张三", "{not json", '{"code": "from-a-newer-version"}', "", "[1]"):
        value = decode(text)
        assert value.code is None and value.text == text
        assert english(text) == text


def test_undo_names_the_operation_it_undoes():
    undo = decode(reverting_label(LabelCode.UNDO, op_label(LabelCode.EDIT, name="张三")))
    assert undo.code is LabelCode.UNDO
    assert undo.target == OperationLabel(LabelCode.EDIT, {"name": "张三"})
    assert english(undo) == "Undo Edit 张三"
    # An old workspace's plain label is kept inside the undo's.
    assert english(reverting_label(LabelCode.REDO, "Import old.xlsx")) == "Redo Import old.xlsx"


def test_history_gives_codes_english_and_keeps_old_labels(tmp_path: Path):
    path = tmp_path / "ws.crm"
    ws = create_workspace(path)
    try:
        pid = ws.people.save(PersonDraft("张三"), today=TODAY).ids[0]
        edit = ws.people.save(PersonDraft("张三", id=pid, title="经理"), today=TODAY)
        ws.history.undo()
        undo, edited = ws.history.recent(2)
        assert (edited.label, edited.label_code, dict(edited.label_args)) == (
            "Edit 张三",
            "edit",
            {"name": "张三"},
        )
        assert undo.label == "Undo Edit 张三" and undo.label_code == "undo"
        assert undo.operation_label.target == edited.operation_label
        ws.history.redo()
    finally:
        ws.close(backup_if_changed=False)
    # A workspace written before codes holds plain labels: shown, undone and named as they are.
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE operations SET label = 'Edit 张三 (old)' WHERE id = ?",
            (id_bytes(edit.operation_id),),
        )
    ws = open_workspace(path)
    try:
        pending = ws.history.next_undo()
        assert pending is not None and pending.id == edit.operation_id
        assert pending.label == "Edit 张三 (old)" and pending.label_code is None
        ws.history.undo()
        assert ws.history.recent(1)[0].label == "Undo Edit 张三 (old)"
    finally:
        ws.close(backup_if_changed=False)

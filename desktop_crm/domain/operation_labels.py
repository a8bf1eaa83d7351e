"""What an operation of the history was, as a code with arguments, rendered in a language.

The core stores labels as codes plus arguments (``{"code": "edit", "args": {"name": "张三"}}``)
in the ``operations.label`` text column, so the UI can say "撤销 编辑 张三" or "Undo Edit 张三"
in the user's language. Text that is no such JSON (workspaces written before codes, the
schema upgrades' own labels) is a legacy literal label and is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

ArgValue = str | int


class LabelCode(StrEnum):
    """The kinds of operation a label names; each takes the arguments listed."""

    ADD = "add"  # name
    EDIT = "edit"  # name
    DELETE = "delete"  # name
    DELETE_MANY = "delete_many"  # count, entity (person | company)
    SET_FIELD = "set_field"  # field (status | level | owner), count, entity
    TAG = "tag"  # count, entity, tag
    LOG_ACTIVITY = "log_activity"  # activity (an ActivityKind), name
    ADD_FIELD = "add_field"  # label
    CHANGE_SETTINGS = "change_settings"
    IMPORT = "import"  # file
    DEMO = "demo"
    MERGE = "merge"  # count, name
    CREATE_WORKSPACE = "create_workspace"
    REBUILD_SEARCH = "rebuild_search"
    SYNC_PULL = "sync_pull"  # name: who made the changes pulled from the team hub
    RESOLVE_CONFLICT = "resolve_conflict"  # field, name (the record's number or name)
    JOIN_HUB = "join_hub"  # name: the team member joining from this laptop
    UNDO = "undo"  # the undone operation's label in ``target``
    REDO = "redo"  # the redone operation's label in ``target``
    ADD_PRODUCT = "add_product"  # name
    EDIT_PRODUCT = "edit_product"  # name
    ARCHIVE_PRODUCT = "archive_product"  # name
    UNARCHIVE_PRODUCT = "unarchive_product"  # name
    DELETE_PRODUCT = "delete_product"  # name
    ADD_QUOTE = "add_quote"  # number
    EDIT_QUOTE = "edit_quote"  # number
    REVISE_QUOTE = "revise_quote"  # number, revision (the new one)
    SET_QUOTE_STATUS = "set_quote_status"  # number, status (a QuoteStatus)
    DELETE_QUOTE = "delete_quote"  # number
    ADD_TEMPLATE = "add_template"  # name
    EDIT_TEMPLATE = "edit_template"  # name
    DELETE_TEMPLATE = "delete_template"  # name
    CONTRACT_FROM_QUOTE = "contract_from_quote"  # number, quote
    EDIT_CONTRACT = "edit_contract"  # number
    SET_PAYMENT_PLAN = "set_payment_plan"  # number
    RECORD_PAYMENT = "record_payment"  # number (the contract's), amount (with its currency)
    EDIT_PAYMENT = "edit_payment"  # number
    DELETE_PAYMENT = "delete_payment"  # number
    DELETE_CONTRACT = "delete_contract"  # number
    CLAIM = "claim"  # name: a record taken from the lead pool
    CLAIM_MANY = "claim_many"  # count: records taken from the lead pool at once
    RELEASE = "release"  # name: a record put back in the lead pool by hand
    RETURN_TO_POOL = "return_to_pool"  # count: records one recycle run sent back
    PLAN_FOLLOW_UP = "plan_follow_up"  # subject
    PLAN_FOLLOW_UPS = "plan_follow_ups"  # count, subject: one per selected contact
    EDIT_FOLLOW_UP = "edit_follow_up"  # subject
    RESCHEDULE_FOLLOW_UP = "reschedule_follow_up"  # subject
    SNOOZE_FOLLOW_UP = "snooze_follow_up"  # subject
    CANCEL_FOLLOW_UP = "cancel_follow_up"  # subject
    COMPLETE_FOLLOW_UP = "complete_follow_up"  # subject
    ADD_PIPELINE = "add_pipeline"  # name
    EDIT_PIPELINE = "edit_pipeline"  # name
    ADD_STAGE = "add_stage"  # name
    EDIT_STAGE = "edit_stage"  # name
    REORDER_STAGES = "reorder_stages"  # name (the pipeline's)
    DELETE_STAGE = "delete_stage"  # name
    ADD_DEAL = "add_deal"  # name (the deal's number, else its title)
    EDIT_DEAL = "edit_deal"  # name
    DELETE_DEAL = "delete_deal"  # name
    RESTORE_DEAL = "restore_deal"  # name
    MOVE_DEAL = "move_deal"  # name, stage
    WIN_DEAL = "win_deal"  # name
    LOSE_DEAL = "lose_deal"  # name
    REOPEN_DEAL = "reopen_deal"  # name
    SET_TARGETS = "set_targets"  # year: a year's grid of monthly sales targets


@dataclass(frozen=True)
class OperationLabel:
    """A decoded label.

    Attributes:
        code: What kind of operation; ``None`` for a legacy literal label.
        args: The code's arguments (names, counts, file names, codes of choices).
        text: The literal label when ``code`` is ``None``.
        target: For undo and redo: the label of the operation acted on.
    """

    code: LabelCode | None
    args: Mapping[str, ArgValue] = field(default_factory=dict)
    text: str = ""
    target: OperationLabel | None = None


def op_label(code: LabelCode, **args: ArgValue) -> str:
    """The stored text of ``code`` with ``args`` (what ``Store.unit_of_work`` takes)."""
    return json.dumps({"code": code.value, "args": args}, ensure_ascii=False)


def reverting_label(code: LabelCode, target_text: str) -> str:
    """The stored text of an undo or redo of the operation labelled ``target_text``."""
    target = decode(target_text)
    while target.target is not None:  # an undo of an undo names the original operation
        target = target.target
    return json.dumps({"code": code.value, "args": {}, "target": _raw(target)}, ensure_ascii=False)


def decode(text: str | None) -> OperationLabel:
    """A stored label as code and arguments; other text is a legacy literal label."""
    text = text or ""
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        found = _from_raw(data)
        if found is not None:
            return found
    return OperationLabel(None, text=text)


def english(op_label: OperationLabel | str) -> str:
    """The label in English (the CLI's words, and the core's messages)."""
    value = decode(op_label) if isinstance(op_label, str) else op_label
    if value.code is None:
        return value.text
    a = value.args
    code = value.code
    if code in (LabelCode.UNDO, LabelCode.REDO):
        verb = "Undo" if code is LabelCode.UNDO else "Redo"
        return f"{verb} {english(value.target)}" if value.target else verb
    count = _int(a.get("count"))
    noun = _noun(str(a.get("entity", "person")), count)
    texts = {
        LabelCode.ADD: f"Add {a.get('name', '')}",
        LabelCode.EDIT: f"Edit {a.get('name', '')}",
        LabelCode.DELETE: f"Delete {a.get('name', '')}",
        LabelCode.DELETE_MANY: f"Delete {count} {noun}",
        LabelCode.SET_FIELD: f"Set {a.get('field', '')} of {count} {noun}",
        LabelCode.TAG: f"Tag {count} {noun} with {a.get('tag', '')}",
        LabelCode.LOG_ACTIVITY: f"Log {a.get('activity', '')} with {a.get('name', '')}",
        LabelCode.ADD_FIELD: f"Add field {a.get('label', '')}",
        LabelCode.CHANGE_SETTINGS: "Change settings",
        LabelCode.IMPORT: f"Import {a.get('file', '')}",
        LabelCode.DEMO: "Create demo data",
        LabelCode.MERGE: f"Merge {count} people into {a.get('name', '')}",
        LabelCode.CREATE_WORKSPACE: "Create workspace",
        LabelCode.REBUILD_SEARCH: "Rebuild search",
        LabelCode.SYNC_PULL: f"Changes by {a.get('name', '')} from the team hub",
        LabelCode.RESOLVE_CONFLICT: (
            f"Resolve conflict: {a.get('field', '')} of {a.get('name', '')}"
        ),
        LabelCode.JOIN_HUB: f"Join the team hub as {a.get('name', '')}",
        LabelCode.ADD_PRODUCT: f"Add product {a.get('name', '')}",
        LabelCode.EDIT_PRODUCT: f"Edit product {a.get('name', '')}",
        LabelCode.ARCHIVE_PRODUCT: f"Archive product {a.get('name', '')}",
        LabelCode.UNARCHIVE_PRODUCT: f"Unarchive product {a.get('name', '')}",
        LabelCode.DELETE_PRODUCT: f"Delete product {a.get('name', '')}",
        LabelCode.ADD_QUOTE: f"Add quote {a.get('number', '')}",
        LabelCode.EDIT_QUOTE: f"Edit quote {a.get('number', '')}",
        LabelCode.REVISE_QUOTE: f"Revise quote {a.get('number', '')} (rev {a.get('revision', '')})",
        LabelCode.SET_QUOTE_STATUS: f"Mark quote {a.get('number', '')} {a.get('status', '')}",
        LabelCode.DELETE_QUOTE: f"Delete quote {a.get('number', '')}",
        LabelCode.ADD_TEMPLATE: f"Add template {a.get('name', '')}",
        LabelCode.EDIT_TEMPLATE: f"Edit template {a.get('name', '')}",
        LabelCode.DELETE_TEMPLATE: f"Delete template {a.get('name', '')}",
        LabelCode.CONTRACT_FROM_QUOTE: (
            f"Make contract {a.get('number', '')} from quote {a.get('quote', '')}"
        ),
        LabelCode.EDIT_CONTRACT: f"Edit contract {a.get('number', '')}",
        LabelCode.SET_PAYMENT_PLAN: f"Change the payment plan of {a.get('number', '')}",
        LabelCode.RECORD_PAYMENT: f"Record {a.get('amount', '')} received on {a.get('number', '')}",
        LabelCode.EDIT_PAYMENT: f"Edit a payment on {a.get('number', '')}",
        LabelCode.DELETE_PAYMENT: f"Delete a payment on {a.get('number', '')}",
        LabelCode.DELETE_CONTRACT: f"Delete contract {a.get('number', '')}",
        LabelCode.CLAIM: f"Claim {a.get('name', '')}",
        LabelCode.CLAIM_MANY: f"Claim {count} {'record' if count == 1 else 'records'}",
        LabelCode.RELEASE: f"Release {a.get('name', '')} to the pool",
        LabelCode.RETURN_TO_POOL: (
            f"Returned {count} {'record' if count == 1 else 'records'} to the pool"
        ),
        LabelCode.PLAN_FOLLOW_UP: f"Plan follow-up {a.get('subject', '')}",
        LabelCode.PLAN_FOLLOW_UPS: (
            f"Plan {count} {'follow-up' if count == 1 else 'follow-ups'}: {a.get('subject', '')}"
        ),
        LabelCode.EDIT_FOLLOW_UP: f"Edit follow-up {a.get('subject', '')}",
        LabelCode.RESCHEDULE_FOLLOW_UP: f"Reschedule follow-up {a.get('subject', '')}",
        LabelCode.SNOOZE_FOLLOW_UP: f"Snooze follow-up {a.get('subject', '')}",
        LabelCode.CANCEL_FOLLOW_UP: f"Cancel follow-up {a.get('subject', '')}",
        LabelCode.COMPLETE_FOLLOW_UP: f"Complete follow-up {a.get('subject', '')}",
        LabelCode.ADD_PIPELINE: f"Add pipeline {a.get('name', '')}",
        LabelCode.EDIT_PIPELINE: f"Edit pipeline {a.get('name', '')}",
        LabelCode.ADD_STAGE: f"Add stage {a.get('name', '')}",
        LabelCode.EDIT_STAGE: f"Edit stage {a.get('name', '')}",
        LabelCode.REORDER_STAGES: f"Reorder the stages of {a.get('name', '')}",
        LabelCode.DELETE_STAGE: f"Delete stage {a.get('name', '')}",
        LabelCode.ADD_DEAL: f"Add deal {a.get('name', '')}",
        LabelCode.SET_TARGETS: f"Set sales targets for {a.get('year', '')}",
        LabelCode.EDIT_DEAL: f"Edit deal {a.get('name', '')}",
        LabelCode.DELETE_DEAL: f"Delete deal {a.get('name', '')}",
        LabelCode.RESTORE_DEAL: f"Restore deal {a.get('name', '')}",
        LabelCode.MOVE_DEAL: f"Move deal {a.get('name', '')} to {a.get('stage', '')}",
        LabelCode.WIN_DEAL: f"Mark deal {a.get('name', '')} won",
        LabelCode.LOSE_DEAL: f"Mark deal {a.get('name', '')} lost",
        LabelCode.REOPEN_DEAL: f"Reopen deal {a.get('name', '')}",
    }
    return texts.get(code, code.value)


def _noun(entity: str, count: int) -> str:
    if entity == "company":
        return "company" if count == 1 else "companies"
    return "person" if count == 1 else "people"


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _raw(value: OperationLabel) -> dict[str, Any] | str:
    if value.code is None:
        return value.text
    raw: dict[str, Any] = {"code": value.code.value, "args": dict(value.args)}
    if value.target is not None:
        raw["target"] = _raw(value.target)
    return raw


def _from_raw(data: Any) -> OperationLabel | None:
    """``data`` as a label: a coded dict, or a string (a literal label); else ``None``."""
    if isinstance(data, str):
        return OperationLabel(None, text=data)
    if not isinstance(data, dict):
        return None
    try:
        code = LabelCode(str(data.get("code")))
    except ValueError:
        return None  # not ours, or from a newer version: shown as written
    args = data.get("args") or {}
    if not isinstance(args, dict):
        return None
    clean = {str(k): v for k, v in args.items() if isinstance(v, str | int)}
    target = _from_raw(data["target"]) if "target" in data else None
    return OperationLabel(code, clean, target=target)

"""Operation labels (the undo history) in the user's language.

The core stores each operation's label as a code with arguments
(:mod:`desktop_crm.domain.operation_labels`); this renders it with the app's translations:
"Undo Edit 张三" in English, "撤销 编辑 张三" in Chinese. Labels of old workspaces (plain text)
are shown as they were written.
"""

from __future__ import annotations

from desktop_crm.domain.operation_labels import LabelCode, OperationLabel, decode
from ui.text_fill import fill
from ui.translation_context import TranslationContext


class OperationLabels(TranslationContext):
    """The translation context of operation labels (lupdate reads ``OperationLabels.tr``)."""


def render(value: OperationLabel | str) -> str:
    """``value`` (a decoded label, or its stored text) in the user's language."""
    op = decode(value) if isinstance(value, str) else value
    if op.code is None:
        return op.text
    args = op.args
    name = str(args.get("name", ""))
    count = _count(args.get("count"))
    companies = args.get("entity") == "company"
    code = op.code
    if code in (LabelCode.UNDO, LabelCode.REDO):
        what = render(op.target) if op.target is not None else ""
        text = (
            OperationLabels.tr("Undo %1")
            if code is LabelCode.UNDO
            else OperationLabels.tr("Redo %1")
        )
        return fill(text, what).strip()
    if code is LabelCode.ADD:
        return fill(OperationLabels.tr("Add %1"), name)
    if code is LabelCode.EDIT:
        return fill(OperationLabels.tr("Edit %1"), name)
    if code is LabelCode.DELETE:
        return fill(OperationLabels.tr("Delete %1"), name)
    if code is LabelCode.DELETE_MANY:
        return (
            OperationLabels.tr("Delete %n companies", "", count)
            if companies
            else OperationLabels.tr("Delete %n people", "", count)
        )
    if code is LabelCode.SET_FIELD:
        text = (
            OperationLabels.tr("Set %1 of %n companies", "", count)
            if companies
            else OperationLabels.tr("Set %1 of %n people", "", count)
        )
        return fill(text, _field(str(args.get("field", ""))))
    if code is LabelCode.TAG:
        text = (
            OperationLabels.tr("Tag %n companies with %1", "", count)
            if companies
            else OperationLabels.tr("Tag %n people with %1", "", count)
        )
        return fill(text, str(args.get("tag", "")))
    if code is LabelCode.LOG_ACTIVITY:
        activity = _activity(str(args.get("activity", "")))
        return fill(OperationLabels.tr("Log %1 with %2"), activity, name)
    if code is LabelCode.ADD_FIELD:
        return fill(OperationLabels.tr("Add field %1"), str(args.get("label", "")))
    if code is LabelCode.IMPORT:
        return fill(OperationLabels.tr("Import %1"), str(args.get("file", "")))
    if code is LabelCode.MERGE:
        return fill(OperationLabels.tr("Merge %n people into %1", "", count), name)
    products = {
        LabelCode.ADD_PRODUCT: OperationLabels.tr("Add product %1"),
        LabelCode.EDIT_PRODUCT: OperationLabels.tr("Edit product %1"),
        LabelCode.ARCHIVE_PRODUCT: OperationLabels.tr("Archive product %1"),
        LabelCode.UNARCHIVE_PRODUCT: OperationLabels.tr("Unarchive product %1"),
        LabelCode.DELETE_PRODUCT: OperationLabels.tr("Delete product %1"),
    }
    if code in products:
        return fill(products[code], name)
    number = str(args.get("number", ""))
    quotes = {
        LabelCode.ADD_QUOTE: OperationLabels.tr("Add quote %1"),
        LabelCode.EDIT_QUOTE: OperationLabels.tr("Edit quote %1"),
        LabelCode.DELETE_QUOTE: OperationLabels.tr("Delete quote %1"),
    }
    if code in quotes:
        return fill(quotes[code], number)
    if code is LabelCode.REVISE_QUOTE:
        revision = str(args.get("revision", ""))
        return fill(OperationLabels.tr("Revise quote %1 (rev %2)"), number, revision)
    if code is LabelCode.SET_QUOTE_STATUS:
        status = _quote_status(str(args.get("status", "")))
        return fill(OperationLabels.tr("Mark quote %1 %2"), number, status)
    templates = {
        LabelCode.ADD_TEMPLATE: OperationLabels.tr("Add template %1"),
        LabelCode.EDIT_TEMPLATE: OperationLabels.tr("Edit template %1"),
        LabelCode.DELETE_TEMPLATE: OperationLabels.tr("Delete template %1"),
    }
    if code in templates:
        return fill(templates[code], name)
    contracts = {
        LabelCode.EDIT_CONTRACT: OperationLabels.tr("Edit contract %1"),
        LabelCode.SET_PAYMENT_PLAN: OperationLabels.tr("Change the payment plan of %1"),
        LabelCode.EDIT_PAYMENT: OperationLabels.tr("Edit a payment on %1"),
        LabelCode.DELETE_PAYMENT: OperationLabels.tr("Delete a payment on %1"),
        LabelCode.DELETE_CONTRACT: OperationLabels.tr("Delete contract %1"),
    }
    if code in contracts:
        return fill(contracts[code], number)
    if code is LabelCode.CONTRACT_FROM_QUOTE:
        quote = str(args.get("quote", ""))
        return fill(OperationLabels.tr("Make contract %1 from quote %2"), number, quote)
    follow_ups = {
        LabelCode.PLAN_FOLLOW_UP: OperationLabels.tr("Plan follow-up %1"),
        LabelCode.EDIT_FOLLOW_UP: OperationLabels.tr("Edit follow-up %1"),
        LabelCode.RESCHEDULE_FOLLOW_UP: OperationLabels.tr("Reschedule follow-up %1"),
        LabelCode.SNOOZE_FOLLOW_UP: OperationLabels.tr("Snooze follow-up %1"),
        LabelCode.CANCEL_FOLLOW_UP: OperationLabels.tr("Cancel follow-up %1"),
        LabelCode.COMPLETE_FOLLOW_UP: OperationLabels.tr("Complete follow-up %1"),
    }
    if code in follow_ups:
        return fill(follow_ups[code], str(args.get("subject", "")))
    funnel = {
        LabelCode.ADD_PIPELINE: OperationLabels.tr("Add pipeline %1"),
        LabelCode.EDIT_PIPELINE: OperationLabels.tr("Edit pipeline %1"),
        LabelCode.ADD_STAGE: OperationLabels.tr("Add stage %1"),
        LabelCode.EDIT_STAGE: OperationLabels.tr("Edit stage %1"),
        LabelCode.REORDER_STAGES: OperationLabels.tr("Reorder the stages of %1"),
        LabelCode.DELETE_STAGE: OperationLabels.tr("Delete stage %1"),
        LabelCode.ADD_DEAL: OperationLabels.tr("Add deal %1"),
        LabelCode.EDIT_DEAL: OperationLabels.tr("Edit deal %1"),
        LabelCode.DELETE_DEAL: OperationLabels.tr("Delete deal %1"),
        LabelCode.RESTORE_DEAL: OperationLabels.tr("Restore deal %1"),
        LabelCode.WIN_DEAL: OperationLabels.tr("Mark deal %1 won"),
        LabelCode.LOSE_DEAL: OperationLabels.tr("Mark deal %1 lost"),
        LabelCode.REOPEN_DEAL: OperationLabels.tr("Reopen deal %1"),
    }
    if code in funnel:
        return fill(funnel[code], name)
    if code is LabelCode.MOVE_DEAL:
        stage = str(args.get("stage", ""))
        return fill(OperationLabels.tr("Move deal %1 to %2"), name, stage)
    if code is LabelCode.RECORD_PAYMENT:
        amount = str(args.get("amount", ""))
        return fill(OperationLabels.tr("Record %1 received on %2"), amount, number)
    if code is LabelCode.SET_TARGETS:
        return fill(OperationLabels.tr("Set sales targets for %1"), str(args.get("year", "")))
    if code is LabelCode.CLAIM:
        return fill(OperationLabels.tr("Claim %1"), name)
    if code is LabelCode.CLAIM_MANY:
        return OperationLabels.tr("Claim %n records", "", count)
    if code is LabelCode.RELEASE:
        return fill(OperationLabels.tr("Release %1 to the pool"), name)
    if code is LabelCode.PLAN_FOLLOW_UPS:
        return fill(
            OperationLabels.tr("Plan %n follow-ups: %1", "", count), str(args.get("subject", ""))
        )
    if code is LabelCode.SYNC_PULL:
        return fill(OperationLabels.tr("Changes by %1 from the team hub"), name)
    if code is LabelCode.RESOLVE_CONFLICT:
        return fill(
            OperationLabels.tr("Resolve conflict: %1 of %2"), str(args.get("field", "")), name
        )
    if code is LabelCode.JOIN_HUB:
        return fill(OperationLabels.tr("Join the team hub as %1"), name)
    if code is LabelCode.RETURN_TO_POOL:
        return OperationLabels.tr("Returned %n records to the pool", "", count)
    fixed = {
        LabelCode.CHANGE_SETTINGS: OperationLabels.tr("Change settings"),
        LabelCode.DEMO: OperationLabels.tr("Create demo data"),
        LabelCode.CREATE_WORKSPACE: OperationLabels.tr("Create workspace"),
        LabelCode.REBUILD_SEARCH: OperationLabels.tr("Rebuild search"),
    }
    return fixed.get(code, code.value)


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def _field(field: str) -> str:
    """A field set in bulk, as a word inside a label."""
    words = {
        "status": OperationLabels.tr("status"),
        "level": OperationLabels.tr("level"),
        "owner": OperationLabels.tr("owner"),
    }
    return words.get(field, field)


def _activity(kind: str) -> str:
    """An activity kind, as a word inside "Log … with …"."""
    words = {
        "call": OperationLabels.tr("call"),
        "meeting": OperationLabels.tr("meeting"),
        "visit": OperationLabels.tr("visit"),
        "email": OperationLabels.tr("email"),
        "message": OperationLabels.tr("message"),
        "note": OperationLabels.tr("note"),
    }
    return words.get(kind, kind)


def _quote_status(status: str) -> str:
    """A quote's status, as a word inside "Mark quote … …"."""
    words = {
        "draft": OperationLabels.tr("draft"),
        "sent": OperationLabels.tr("sent"),
        "accepted": OperationLabels.tr("accepted"),
        "rejected": OperationLabels.tr("rejected"),
        "expired": OperationLabels.tr("expired"),
    }
    return words.get(status, status)

"""``deals`` (list deals; nothing is changed) and ``deal-move`` (move one to a stage).

``desktop-crm deals PATH [--status open|won|lost] [--stage NAME] [--json]`` lists live deals by
number, of every pipeline; works while the app has the workspace open. ``--json`` prints a list
of objects with exactly these keys (scripts read these names): ``number``, ``title``,
``stage``, ``status`` (open, won, lost), ``amount`` (a decimal string to the currency's minor
unit: ``"12500.00"``, JPY ``"980"``), ``currency``, ``probability`` (percent),
``expected_close`` (``YYYY-MM-DD`` or ``null``) and ``owner``.

``desktop-crm deal-move PATH NUMBER STAGE|won|lost [--reason TEXT] [--json]`` moves the deal
to a stage of its pipeline (by name, case ignored), or marks it won or lost (lost needs
``--reason``): one undoable operation with its stage history, as a drag on the board makes.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_crm.cli.common import EXIT_OK, UsageError, counts, emit, json_arg, workspace_arg
from desktop_crm.cli.contracts import money
from desktop_crm.cli.quotes import print_table
from desktop_crm.domain.vocab import DealStatus

if TYPE_CHECKING:
    from desktop_crm.services.deals.dto import DealSummary
    from desktop_crm.services.pipelines.dto import PipelineInfo

COMMANDS = {
    "deals": ("list deals (nothing is changed)", "list deals"),
    "deal-move": ("move a deal to a stage, or mark it won or lost", "move a deal"),
}


def add_parsers(sub: Any) -> None:
    """Add the deals and deal-move commands to the CLI's subparsers."""
    p = sub.add_parser(
        "deals",
        help=COMMANDS["deals"][0],
        description="List live deals by number. Works while the app has the workspace open. "
        "With --json: a list of objects with number, title, stage, status, amount (a decimal "
        "string), currency, probability, expected_close and owner.",
    )
    workspace_arg(p)
    p.add_argument("--status", choices=[s.value for s in DealStatus], help="only these deals")
    p.add_argument("--stage", metavar="NAME", help="only deals in the stage of that name")
    json_arg(p)

    m = sub.add_parser(
        "deal-move",
        help=COMMANDS["deal-move"][0],
        description="Move the deal numbered NUMBER to the stage STAGE of its pipeline (by "
        "name), or mark it won or lost (lost needs --reason). One undoable operation; the "
        "stage history and probability follow.",
    )
    workspace_arg(m)
    m.add_argument("number", help="the deal's number")
    m.add_argument("stage", help="a stage name of the deal's pipeline, or won, or lost")
    m.add_argument("--reason", metavar="TEXT", help="why it was lost (needed for lost)")
    json_arg(m)


def cmd_deals(args: argparse.Namespace) -> int:
    """``deals PATH [--status open|won|lost] [--stage NAME] [--json]``."""
    from desktop_crm.services.deals.dto import DealFilter
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        status = DealStatus(args.status) if args.status else None
        stage_ids = _stage_ids(reader.pipelines.pipelines(), args.stage)
        filters = [DealFilter(status=status, stage_id=s) for s in stage_ids] or [
            DealFilter(status=status)
        ]
        rows: list[DealSummary] = []
        for flt in filters:
            total = reader.deals.count(flt)
            rows += reader.deals.page(flt, "number", descending=False, limit=total)
    finally:
        reader.close()
    listed = [as_json(row) for row in sorted(rows, key=lambda r: (r.number or "", r.id))]
    if args.json:
        emit(args, listed, "")
        return EXIT_OK
    if not listed:
        print("No deals.")
        return EXIT_OK
    header: tuple[str, ...] = ("Number", "Title", "Stage", "Status", "Amount", "Currency", "%")
    header += ("Close", "Owner")
    table: list[tuple[str, ...]] = [header]
    table += [
        (
            str(d["number"] or ""),
            str(d["title"]),
            str(d["stage"]),
            str(d["status"]),
            str(d["amount"]),
            str(d["currency"]),
            str(d["probability"]),
            str(d["expected_close"] or ""),
            str(d["owner"] or ""),
        )
        for d in listed
    ]
    print_table(table, {4, 6})
    return EXIT_OK


def cmd_deal_move(args: argparse.Namespace) -> int:
    """``deal-move PATH NUMBER STAGE|won|lost [--reason TEXT] [--json]``."""
    from desktop_crm.services.workspace.handle import open_workspace

    wanted = args.stage.strip()
    if wanted.casefold() == "lost" and not (args.reason or "").strip():
        raise UsageError("lost needs --reason TEXT (why the deal was lost)")
    ws = open_workspace(args.path)  # locked: the app holding it is a one-line error
    try:
        deal_id = ws.deals.id_of(args.number)
        deal = ws.deals.summary(deal_id)
        pipeline = ws.pipelines.by_name(deal.pipeline)
        stage = pipeline.stage_named(wanted)
        if stage is not None and stage.kind == "lost" and not (args.reason or "").strip():
            raise UsageError("lost needs --reason TEXT (why the deal was lost)")
        if wanted.casefold() == "won":
            result = ws.deals.win(deal_id)
        elif wanted.casefold() == "lost":
            result = ws.deals.lose(deal_id, args.reason)
        else:
            if stage is None:
                names = ", ".join(s.name for s in pipeline.stages)
                raise UsageError(f"No stage “{wanted}” in {pipeline.name} (stages: {names})")
            result = ws.deals.move(deal_id, stage.id, reason=args.reason)
        moved = ws.deals.summary(deal_id)
    finally:
        ws.close(backup_if_changed=False)
    data = counts(
        updated=1 if result.operation_id else 0,
        operation_id=result.operation_id,
        number=moved.number,
        stage=moved.stage,
        status=moved.status.value,
        probability=moved.probability,
    )
    line = f"Deal {moved.number} is in {moved.stage} ({moved.status.value}, {moved.probability} %)."
    emit(args, data, line)
    return EXIT_OK


def _stage_ids(pipelines: list[PipelineInfo], name: str | None) -> list[str]:
    """The stages called ``name`` in any pipeline (none asked: no stage filter).

    Raises:
        UsageError: No pipeline has such a stage.
    """
    if name is None:
        return []
    found = [s.id for p in pipelines if (s := p.stage_named(name)) is not None]
    if not found:
        # In pipeline order, as the board shows them (a name shared by pipelines once).
        known = list(dict.fromkeys(s.name for p in pipelines for s in p.stages))
        raise UsageError(f"No stage “{name}” (stages: {', '.join(known)})")
    return found


def as_json(row: DealSummary) -> dict[str, Any]:
    """One deal as ``deals --json`` prints it (the amount a decimal string)."""
    return {
        "number": row.number,
        "title": row.title,
        "stage": row.stage,
        "status": row.status.value,
        "amount": money(row.amount, row.currency),
        "currency": row.currency,
        "probability": row.probability,
        "expected_close": row.expected_close.isoformat() if row.expected_close else None,
        "owner": row.owner,
    }

"""The funnel's SQL: one pass over the period's deals and their stage changes.

Each deal's changes are read once, grouped by deal (the deals are scanned in rowid order and
their changes looked up by ``deal_id``, so the grouping needs no sorting), and reduced to:

- the deepest stage it entered (a CASE over the pipeline's few stage ids, bound as parameters);
- per open stage one integer packing its stays there, ``ms << 20 | inits << 10 | entries``:
  ``ms`` is Σ leaving − Σ entering in milliseconds before now (a change leaves its
  ``from_stage_id`` and enters its ``to_stage_id``; open deals leave their current stage now,
  which adds 0), ``entries`` the changes into the stage and ``inits`` those of them recording
  the stage the deal was made in (``from_stage_id`` NULL).

Packing matters: in SQLite each aggregate costs per change row, and the stays of a stage (a
count and a sum) would otherwise take two. A deal's per-stage fields are small (fewer than
1,024 moves into one stage; its stays there under 278 years), so they never spill into one
another; the outer query unpacks them per deal before summing over deals.

The pass also counts the deals two rare cases concern; only when there are any, a second
statement corrects for them (a lookup per deal of the period, then per such deal): a deal
with no change recording the stage it was made in (made before histories were kept) entered
its first change's ``from_stage_id`` (else its current stage) when it was made, and that
stage counts as reached; a closed deal still in an open stage never left it (that stay is
not counted).

Moments are integer microseconds; stays are summed in milliseconds before now (sums of
100,000s of raw microsecond moments would overflow 64 bits; a stay is exact to the
millisecond). Stage changes are taken to chain (each leaves the stage the one before
entered): then the stages a deal was in are its changes' ``to_stage_id`` plus the stage it
was made in, and the totals equal summing ``domain.funnel.deal_progress``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.domain.funnel import FunnelTotals, StageInfo, open_stages, stage_depths
from desktop_crm.store.types import id_bytes

_MS = 20  # bits below a packed stay's milliseconds
_INITS = 10  # bits below its count of first-stage records
_FIELD = (1 << 10) - 1  # a count field's mask

_COHORT = """deals d WHERE d.deleted_at IS NULL AND d.pipeline_id = :p
    AND d.created_at >= :start AND d.created_at < :end"""

_COUNTS = f"SELECT count(*), sum(d.status = 'won') FROM {_COHORT}"

# The rare cases, per stage: ``fresh`` deals (no change records the stage they were made in)
# stayed in that stage from when they were made, and reached it; ``closed`` deals still in
# an open stage did not leave it. ``depth`` and ``deeper`` say how deep a fresh deal's
# changes and current stage alone take it, and how deep its first stage does.
_RARE = """
WITH rare AS MATERIALIZED (
    SELECT d.id, d.stage_id, d.status, d.created_at,
           coalesce((SELECT f.from_stage_id FROM deal_stage_changes f
                     WHERE f.deal_id = d.id AND f.deleted_at IS NULL
                     ORDER BY f.moved_at, f.rowid LIMIT 1), d.stage_id) AS first,
           NOT EXISTS (SELECT 1 FROM deal_stage_changes i WHERE i.deal_id = d.id
                       AND i.deleted_at IS NULL AND i.from_stage_id IS NULL) AS fresh
    FROM {cohort}
)
SELECT 'stay' AS part, first AS stage, count(*) AS n, sum((:now - created_at) / 1000) AS ms
FROM rare WHERE fresh GROUP BY first
UNION ALL
SELECT 'stay', stage_id, -count(*), sum((coalesce(
           (SELECT max(l.moved_at) FROM deal_stage_changes l WHERE l.deal_id = rare.id
            AND l.deleted_at IS NULL AND l.to_stage_id = rare.stage_id), created_at) - :now)
           / 1000)
FROM rare WHERE status <> 'open' AND stage_id IN ({opens}) GROUP BY stage_id
UNION ALL
SELECT 'depth', depth, -count(*), deeper FROM (
    SELECT max({depth_current}, coalesce((SELECT max({depth_to}) FROM deal_stage_changes c
               WHERE c.deal_id = rare.id AND c.deleted_at IS NULL), 0)) AS depth,
           {depth_first} AS deeper
    FROM rare WHERE fresh AND status <> 'won'
) WHERE deeper > depth GROUP BY depth, deeper"""


def funnel_totals(
    session: Session,
    pipeline_id: str,
    stage_list: Sequence[StageInfo],
    start: int,
    end: int,
    now: int,
) -> FunnelTotals:
    """The funnel's per-deal reductions summed, for deals made from ``start`` until ``end``.

    Args:
        session: A reading session.
        pipeline_id: The pipeline whose deals count.
        stage_list: Its live stages.
        start: The first moment (microseconds) a counted deal was made at.
        end: The moment (microseconds) counted deals were made before.
        now: The moment open deals' current stays run until.
    """
    opens = open_stages(stage_list)
    cohort = {"p": id_bytes(pipeline_id), "start": start, "end": end}
    if not opens:  # nothing to reach: the deals, all at depth 0, and those won
        deals, won = session.execute(text(_COUNTS), cohort).one()
        return FunnelTotals({0: int(deals)} if deals else {}, int(won or 0), {})
    params = _stage_params(stage_list, opens)
    params.update(cohort, now=now, n=len(opens))
    depth = _depth_case(stage_list)
    row = session.execute(text(_main(opens, depth)), params).one()._mapping
    at_least = [int(row[f"r{k}"] or 0) for k in range(len(opens) + 1)] + [0]
    depths = {k: at_least[k] - at_least[k + 1] for k in range(len(opens) + 1)}
    stays = {s.id: (int(row[f"n{k}"] or 0), int(row[f"ms{k}"] or 0)) for k, s in enumerate(opens)}
    if row["rare"]:
        _add_rare(session, params, opens, depth, depths, stays)
    return FunnelTotals(
        depths={k: v for k, v in depths.items() if v},
        won=int(row["won"] or 0),
        stays={sid: (n, ms * 1000) for sid, (n, ms) in stays.items() if n},
    )


def _stage_params(stage_list: Sequence[StageInfo], opens: Sequence[StageInfo]) -> dict[str, Any]:
    """``:s<k>`` the k-th open stage's id, ``:t<j>`` the j-th stage's."""
    params: dict[str, Any] = {f"s{k}": id_bytes(s.id) for k, s in enumerate(opens)}
    params.update({f"t{j}": id_bytes(s.id) for j, s in enumerate(stage_list)})
    return params


def _depth_case(stage_list: Sequence[StageInfo]) -> Callable[[str], str]:
    """A function writing ``CASE <column> WHEN :t<j> THEN <depth> … ELSE 0 END``."""
    depths = stage_depths(stage_list)
    whens = " ".join(
        f"WHEN :t{j} THEN {int(depths[s.id])}" for j, s in enumerate(stage_list) if depths.get(s.id)
    )
    return lambda column: f"CASE {column} {whens} ELSE 0 END" if whens else "0"


def _main(opens: Sequence[StageInfo], depth: Callable[[str], str]) -> str:
    """The one pass: reached depths, won, packed stays, and how many deals are rare."""
    ks = range(len(opens))
    packed = ",\n".join(
        f"""sum(CASE c.to_stage_id WHEN :s{k} THEN
            CASE c.from_stage_id WHEN :s{k} THEN 1
            ELSE (((:now - c.moved_at) / 1000) << {_MS}) + 1
                 + ((c.from_stage_id IS NULL) << {_INITS}) END
        ELSE CASE c.from_stage_id WHEN :s{k} THEN ((c.moved_at - :now) / 1000) << {_MS}
        ELSE 0 END END) AS x{k}"""
        for k in ks
    )
    # r<k>: deals that reached k open stages or more (r0: every deal).
    reached = ", ".join(f"sum(depth >= {k}) AS r{k}" for k in range(len(opens) + 1))
    totals = ", ".join(f"sum(x{k} & {_FIELD}) AS n{k}, sum(x{k} >> {_MS}) AS ms{k}" for k in ks)
    inits = " + ".join(f"((x{k} >> {_INITS}) & {_FIELD})" for k in ks)
    is_open = " OR ".join(f"d.stage_id = :s{k}" for k in ks)
    return f"""
SELECT sum(won) AS won, {reached}, {totals},
       sum(closed_open OR {inits} = 0) AS rare
FROM (
    SELECT d.status = 'won' AS won,
           CASE WHEN d.status = 'won' THEN :n ELSE max({depth("d.stage_id")},
               coalesce(max({depth("c.to_stage_id")}), 0)) END AS depth,
           d.status <> 'open' AND ({is_open}) AS closed_open,
           {packed}
    FROM deals d
    LEFT JOIN deal_stage_changes c ON c.deal_id = d.id AND c.deleted_at IS NULL
    WHERE {_COHORT.removeprefix("deals d WHERE ")}
    GROUP BY d.rowid
)"""


def _add_rare(
    session: Session,
    params: dict[str, Any],
    opens: Sequence[StageInfo],
    depth: Callable[[str], str],
    depths: dict[int, int],
    stays: dict[str, tuple[int, int]],
) -> None:
    """Correct the totals for fresh deals and closed ones in open stages (see ``_RARE``)."""
    by_id = {id_bytes(s.id): s.id for s in opens}
    sql = _RARE.format(
        cohort=_COHORT,
        opens=", ".join(f":s{k}" for k in range(len(opens))),
        depth_current=depth("rare.stage_id"),
        depth_to=depth("c.to_stage_id"),
        depth_first=depth("rare.first"),
    )
    for part, key, n, value in session.execute(text(sql), params):
        if part == "depth":  # -n deals move from depth ``key`` to ``value``
            depths[int(key)] = depths.get(int(key), 0) + int(n)
            depths[int(value)] = depths.get(int(value), 0) - int(n)
        elif key in by_id:
            count, ms = stays[by_id[key]]
            stays[by_id[key]] = (count + int(n), ms + int(value))

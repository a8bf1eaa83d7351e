"""The search index: building, keeping current and querying ``search_docs`` / ``search_fts``.

Documents are derived from people and companies. After every unit of work the rows it touched
are mapped to the contacts they belong to and those documents are rebuilt; a large change
(an import, the demo) rebuilds the FTS index in one pass, which is several times faster
than row-by-row maintenance.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.text import (
    normalize,
    phone_query_digits,
)
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import (
    KIND_CODES,
    SHORT_PREFIX,
    Address,
    Email,
    LocalState,
    Person,
    Phone,
    SearchDoc,
    Tagging,
)
from desktop_crm.store.types import from_micros, id_bytes, id_text, micros

INDEX_VERSION = 5  # bump when documents are built differently: files rebuild on open
NOTES_CHARS = 2000
OWNED = (Phone, Email, Address, Tagging)
KIND_OF: dict[int, RecordKind] = {KIND_CODES["person"]: "person", KIND_CODES["company"]: "company"}


def kind_sql(kinds: Iterable[str], column: str = "d.kind") -> str:
    """``column IN (...)`` over the stored codes of ``kinds``, or ``1`` for every kind.

    Raises:
        ValueError: A kind is not a contact kind.
    """
    codes = []
    for kind in kinds:
        if kind not in KIND_CODES:
            raise ValueError(f"no contacts of kind {kind}")
        codes.append(str(KIND_CODES[kind]))
    return f"{column} IN ({', '.join(codes)})" if codes else "1"


@dataclass(frozen=True)
class Match:
    """One search result.

    Attributes:
        rowid: The document's row (what contact lists keep).
        kind: ``person`` or ``company``.
        record_id: The record's id.
        name: Its display name.
    """

    rowid: int
    kind: str
    record_id: str
    name: str


# --- maintenance ------------------------------------------------------------------------------


def update_for(session: Session, recorder: Recorder) -> None:
    """Rebuild the documents of every contact the recorder's operation touched."""
    touched = recorder.touched
    if not touched:
        return
    people: set[str] = set(touched.get("people", ()))
    companies: set[str] = set(touched.get("companies", ()))
    total = session.execute(text("SELECT count(*) FROM search_docs")).scalar_one()
    if len(people) + len(companies) > 2_000:
        live = session.execute(
            text(
                "SELECT (SELECT count(*) FROM people WHERE deleted_at IS NULL) + "
                "(SELECT count(*) FROM companies WHERE deleted_at IS NULL)"
            )
        ).scalar_one()
        if 2 * (len(people) + len(companies)) >= live:
            # At least half the contacts changed (the demo, a large import, undoing it): a
            # pass over every contact costs less than finding and redoing the changed ones.
            rebuild_all(session)
            return
    for model in OWNED:
        ids = touched.get(model.__tablename__)
        if ids:
            for chunk in in_chunks(ids):
                rows = session.execute(
                    select(model.person_id, model.company_id).where(model.id.in_(chunk))
                )
                _add_owners(rows, people, companies)
    if touched.get("tags"):
        for chunk in in_chunks(touched["tags"]):
            rows = session.execute(
                select(Tagging.person_id, Tagging.company_id).where(Tagging.tag_id.in_(chunk))
            )
            _add_owners(rows, people, companies)
    if touched.get("companies"):
        # People carry their company's name: a renamed company re-indexes its people.
        for chunk in in_chunks(touched["companies"]):
            people.update(session.scalars(select(Person.id).where(Person.company_id.in_(chunk))))
    changed = len(people) + len(companies)
    reindex(session, people, companies, bulk=changed > 2_000 and changed > total // 5)


def _add_owners(rows: Iterable[Any], people: set[str], companies: set[str]) -> None:
    for person_id, company_id in rows:
        if person_id:
            people.add(person_id)
        elif company_id:
            companies.add(company_id)


def reindex(
    session: Session, people: Iterable[str], companies: Iterable[str], *, bulk: bool = False
) -> None:
    """Rebuild the documents of these contacts (tombstoned ones are dropped)."""
    conn = session.connection()
    for kind, ids in (("person", list(people)), ("company", list(companies))):
        for chunk in in_chunks(ids):
            params = {f"i{n}": id_bytes(v) for n, v in enumerate(chunk)}
            in_list = ", ".join(f":i{n}" for n in range(len(chunk)))
            if not bulk:
                conn.execute(
                    text(
                        "INSERT INTO search_fts(search_fts, rowid, short, body) "
                        f"SELECT 'delete', rowid, short, body FROM search_docs "
                        f"WHERE record_id IN ({in_list})"
                    ),
                    params,
                )
            conn.execute(text(f"DELETE FROM search_docs WHERE record_id IN ({in_list})"), params)
            conn.execute(text(f"{_DOC_SQL[kind]} AND r.id IN ({in_list})"), params)
            if not bulk:
                conn.execute(
                    text(
                        "INSERT INTO search_fts(rowid, short, body) SELECT rowid, short, "
                        f"body FROM search_docs WHERE record_id IN ({in_list})"
                    ),
                    params,
                )
    if bulk:
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))


def rebuild_all(session: Session) -> None:
    """Rebuild every document and the FTS index from the records."""
    conn = session.connection()
    conn.execute(text("DELETE FROM search_docs"))
    # Building an index once over sorted rows is several times faster than growing it row by
    # row: drop the secondary indexes for the load and create them again after.
    indexes = list(SearchDoc.__table__.indexes)  # type: ignore[attr-defined]
    for index in indexes:
        index.drop(conn)
    for sql in _DOC_SQL.values():
        conn.execute(text(sql))
    for index in indexes:
        index.create(conn)
    conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))
    session.merge(LocalState(key="search.index_version", value=INDEX_VERSION))


def needs_rebuild(session: Session) -> bool:
    """Whether the documents were built by another index version (or never)."""
    version = session.scalar(
        select(LocalState.value).where(LocalState.key == "search.index_version")
    )
    return version != INDEX_VERSION


def moment_key(moment: datetime) -> int:
    """A moment as the documents keep it: integer microseconds since 1970 (as every table does)."""
    return micros(moment)


def moment_of(key: int | None) -> datetime | None:
    """The moment a document's integer key stands for (see :func:`moment_key`)."""
    return None if key is None else from_micros(key)


_DOC_COLUMNS = (
    "kind",
    "record_id",
    "name",
    "short",
    "body",
    "sort_name",
    "number",
    "company",
    "company_id",
    "title",
    "phone",
    "email",
    "city",
    "tags",
    "status",
    "level",
    "owner_id",
    "source",
    "created_at",
    "last_contacted_at",
)


def _digits(column: str) -> str:
    """SQL for a phone value's digits (what users type, whatever its punctuation)."""
    for char in (" ", "-", "+", "(", ")", ".", "/"):
        column = f"replace({column}, '{char}', '')"
    return column


def _doc_select(kind: str) -> str:
    """``SELECT`` building the documents of people or companies (``r``), newest values only."""
    owner = "person_id" if kind == "person" else "company_id"

    def first(column: str, source: str) -> str:
        return (
            f"(SELECT x.{column} FROM {source} x WHERE x.{owner} = r.id "
            f"AND x.deleted_at IS NULL AND x.{column} IS NOT NULL "
            "ORDER BY x.position LIMIT 1)"
        )

    tags = (
        "(SELECT group_concat(t.name, ', ') FROM taggings g JOIN tags t ON t.id = g.tag_id "
        f"WHERE g.{owner} = r.id AND g.deleted_at IS NULL AND t.deleted_at IS NULL)"
    )
    places = (
        "coalesce((SELECT group_concat(coalesce(x.city, '') || ' ' || "
        f"coalesce(x.region, ''), ' ') FROM addresses x WHERE x.{owner} = r.id "
        "AND x.deleted_at IS NULL), '')"
    )
    # A phone's digits once: a query word never holds a space, so it matches within one
    # space-free piece, and the E.164 digits hold the typed digits whenever they only add
    # the country code (then the typed digits are left out).
    value_digits, e164_digits = _digits("x.value"), _digits("coalesce(x.e164, '')")
    phone_digits = (
        f"CASE WHEN instr({e164_digits}, {value_digits}) > 0 THEN {e164_digits} "
        f"ELSE {value_digits} || ' ' || {e164_digits} END"
    )
    contact = (
        "coalesce((SELECT group_concat(x.value || ' ' || "
        f"{phone_digits}, ' ') FROM phones x "
        f"WHERE x.{owner} = r.id AND x.deleted_at IS NULL), '') || ' ' || "
        "coalesce((SELECT group_concat(x.value, ' ') FROM emails x "
        f"WHERE x.{owner} = r.id AND x.deleted_at IS NULL), '')"
    )
    notes = f"substr(coalesce(r.notes, ''), 1, {NOTES_CHARS})"
    if kind == "person":
        short = (
            f"r.name || ' ' || crm_name_pinyin(r.name) || ' ' || coalesce(c.name, '') "
            f"|| ' ' || {places} || ' ' || coalesce({tags}, '')"
        )
        body = (
            "coalesce(r.number, '') || ' ' || coalesce(r.title, '') || ' ' || "
            "coalesce(r.department, '') || ' ' || coalesce(r.wechat, '') || ' ' || "
            f"{contact} || ' ' || {notes}"
        )
        columns = "c.name, r.company_id, r.title"
        source = "people r LEFT JOIN companies c ON c.id = r.company_id AND c.deleted_at IS NULL"
        sort = "crm_sort_key(r.name, 0)"
    else:
        short = (
            f"r.name || ' ' || crm_phrase_pinyin(r.name) || ' ' || {places} || ' ' || "
            f"coalesce({tags}, '')"
        )
        body = (
            "coalesce(r.number, '') || ' ' || coalesce(r.industry, '') || ' ' || "
            f"coalesce(r.website, '') || ' ' || {contact} || ' ' || {notes}"
        )
        columns = "NULL, NULL, r.industry"
        source = "companies r"
        sort = "crm_sort_key(r.name, 1)"
    return (
        f"INSERT INTO search_docs ({', '.join(_DOC_COLUMNS)}) "
        f"SELECT {KIND_CODES[kind]}, r.id, r.name, crm_norm({short}), crm_norm({body}), {sort}, "
        f"r.number, {columns}, {first('value', 'phones')}, {first('value', 'emails')}, "
        f"{first('city', 'addresses')}, {tags}, r.status, r.level, r.owner_id, r.source, "
        "r.created_at, r.last_contacted_at "
        f"FROM {source} WHERE r.deleted_at IS NULL"
    )


_DOC_SQL = {kind: _doc_select(kind) for kind in ("person", "company")}


# --- queries ----------------------------------------------------------------------------------


class ShortKeys:
    """The ``short`` keys of every document in memory, for one- and two-character queries.

    SQLite calls a function per row, which costs about 15 ms over 100,000 rows; ``str.find``
    over one joined string finds the same matches in a millisecond or two. The store bumps
    ``generation`` after each commit; the keys reload on the next query that needs them.
    """

    def __init__(self) -> None:
        self.generation = 0
        self._loaded = -1
        self._text = ""
        self._starts: array[int] = array("q")
        self._rowids: array[int] = array("q")
        self._kinds: list[RecordKind] = []

    def invalidate(self) -> None:
        """Mark the keys stale (the documents changed)."""
        self.generation += 1

    def _load(self, session: Session) -> None:
        # Taken before reading: a commit (on the writer's thread) while these keys load
        # leaves them stale, to be loaded again, rather than marked fresh.
        generation = self.generation
        # Streamed from the DB-API cursor: 100,000 ORM rows at once would cost tens of MB.
        cursor = session.connection().exec_driver_sql(
            "SELECT rowid, kind, short FROM search_docs ORDER BY short"
        )
        starts, rowids, parts = array("q"), array("q"), []
        kinds: list[RecordKind] = []
        offset = 0
        for rowid, kind, short in cursor:
            starts.append(offset)
            rowids.append(rowid)
            kinds.append(KIND_OF[kind])
            parts.append(short)
            offset += len(short) + 1
        starts.append(offset)
        self._text = "\n".join(parts) + "\n"
        self._starts, self._rowids, self._kinds = starts, rowids, kinds
        self._loaded = generation

    def find(
        self,
        session: Session,
        words: list[str],
        kinds: tuple[str, ...],
        limit: int,
        exclude: set[int],
    ) -> list[int]:
        """Rowids of documents whose key holds every word, in key order, at most ``limit``."""
        if self._loaded != self.generation:
            self._load(session)
        text_, starts, first = self._text, self._starts, words[0]
        found: list[int] = []
        at = 0
        while len(found) < limit:
            at = text_.find(first, at)
            if at < 0:
                break
            index = bisect_right(starts, at) - 1
            at = starts[index + 1]  # continue with the next document
            rowid = self._rowids[index]
            if rowid in exclude or (kinds and self._kinds[index] not in kinds):
                continue
            key = text_[starts[index] : at]
            if all(w in key for w in words[1:]):
                found.append(rowid)
        return found


def trigram_match(words: list[str]) -> str:
    """An FTS5 query finding documents that hold every trigram of every word.

    The index keeps no positions (``detail=none``: a third of its size), so it cannot match a
    phrase; documents holding the trigrams are candidates that the caller re-checks with
    ``instr`` on the stored text, which makes the results exactly those of a substring
    search. Every trigram of each word is asked for: fewer (every third) left more candidates
    to re-check, which made an email query 2x slower on 100,000 contacts.
    """
    terms: dict[str, None] = {}  # ordered, without repeats
    for word in words:
        for start in range(len(word) - 2):
            terms['"' + word[start : start + 3].replace('"', '""') + '"'] = None
    return " AND ".join(terms)


def search(
    session: Session,
    query: str,
    limit: int = 50,
    kinds: tuple[str, ...] = (),
    keys: ShortKeys | None = None,
) -> list[Match]:
    """Contacts matching every word of ``query``: names starting with it first, then the rest.

    Two bounded phases keep typing fast on 100,000 contacts: (A) names that start with the
    query, read in order from the ``short`` index (an exact name sorts first); (B) matches
    anywhere, through the trigram index for words of three characters or more and a scan of
    the compact ``short`` column (names, pinyin, company, city, tags) for shorter ones (in
    memory through ``keys`` when given), cut at the limit instead of sorted. A phone-like
    query matches phone digits whatever the spaces, dashes, brackets or country code.
    """
    q = normalize(query)
    if not q or limit <= 0:
        return []
    digits = phone_query_digits(q)
    words = [digits] if digits else q.split(" ")
    kinds_where = ""
    if kinds:
        # Unary plus: never an index on kind, which would make SQLite walk every document of
        # that kind and probe the FTS index once per row (3 s instead of 40 ms on 100,000).
        kinds_where = " AND " + kind_sql(kinds, "+d.kind")
    every: list[str] = []
    params: dict[str, object] = {"limit": limit}
    for n, word in enumerate(words):
        params[f"w{n}"] = word
        every.append(
            f"instr(d.short, :w{n}) > 0"
            if len(word) < 3
            else f"(instr(d.short, :w{n}) > 0 OR instr(d.body, :w{n}) > 0)"
        )
    conn = session.connection()
    found: list[int] = []
    if not digits:
        params["lo"], params["hi"] = q, q + "\U0010ffff"
        params["lo_prefix"] = q[:SHORT_PREFIX]
        params["hi_prefix"] = q[:SHORT_PREFIX] + "\U0010ffff"
        prefix = f"substr(d.short, 1, {SHORT_PREFIX})"
        # Ordered by the indexed prefix, then by the whole key: the same order as by the key
        # alone, but SQLite sorts only the rows that share a prefix.
        found = list(
            conn.execute(
                text(
                    f"SELECT d.rowid FROM search_docs d WHERE {prefix} >= :lo_prefix "
                    f"AND {prefix} < :hi_prefix AND d.short >= :lo AND d.short < :hi"
                    f"{kinds_where} AND {' AND '.join(every)} "
                    f"ORDER BY {prefix}, d.short LIMIT :limit"
                ),
                params,
            ).scalars()
        )
    if len(found) < limit:
        params["limit"] = limit - len(found)
        exclude = f" AND d.rowid NOT IN ({', '.join(map(str, found))})" if found else ""
        long_words = [w for w in words if len(w) >= 3]
        if long_words:
            params["match"] = trigram_match(long_words)
            source = (
                "SELECT d.rowid FROM search_fts JOIN search_docs d "
                "ON d.rowid = search_fts.rowid WHERE search_fts MATCH :match"
            )
            found += conn.execute(
                text(f"{source}{kinds_where}{exclude} AND {' AND '.join(every)} LIMIT :limit"),
                params,
            ).scalars()
        elif keys is not None:
            found += keys.find(session, words, kinds, limit - len(found), set(found))
        else:
            source = "SELECT d.rowid FROM search_docs d WHERE 1"
            found += conn.execute(
                text(f"{source}{kinds_where}{exclude} AND {' AND '.join(every)} LIMIT :limit"),
                params,
            ).scalars()
    if not found:
        return []
    rows = {
        rowid: Match(rowid, KIND_OF[kind], id_text(record_id), name)
        for rowid, kind, record_id, name in conn.execute(
            text(
                "SELECT rowid, kind, record_id, name FROM search_docs "
                f"WHERE rowid IN ({', '.join(map(str, found))})"
            )
        )
    }
    return [rows[r] for r in found if r in rows]

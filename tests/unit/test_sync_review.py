"""Bugs a review of team mode found (issue 14), each kept as the test that showed it.

Each test states the behaviour the design (docs/TEAM_MODE.md) promises; they failed before the
fixes of the review and guard them now.
"""

from __future__ import annotations

import uuid

import pytest

from desktop_crm.domain.errors import HubError
from desktop_crm.domain.ids import new_id
from desktop_crm.hub.client import HubClient
from desktop_crm.services.team import sync as sync_module
from desktop_crm.services.team.join import upload
from desktop_crm.services.team.state import read_link
from desktop_crm.services.workspace.handle import create_workspace
from desktop_crm.store.models import Person, Tag
from tests import drafts
from tests.hub_fixtures import Laptop, canonical, first_laptop, joining_laptop, laptop_path


@pytest.fixture
def pair(hub, tmp_path):
    a = first_laptop(hub, tmp_path, "alice")
    pid = a.add_person("王小明", title="经理")
    a.sync()
    b = joining_laptop(hub, tmp_path, "bob")
    b.sync()  # bob's user record
    a.sync()
    yield a, b, pid
    a.close()
    b.close()


def conflicts_of(laptop):
    return laptop.ws.team.conflicts()


def add_tag(laptop: Laptop, name: str) -> str:
    tag_id = new_id()
    with laptop.store.unit_of_work("tag") as (session, _rec):
        session.add(Tag(id=tag_id, name=name))
    return tag_id


# --- 1. The seeding laptop's cursor can run past changes it never pulled ---------------------

CURSOR_AFTER_UPLOAD = (
    "join.upload sets the cursor to hello().seq read AFTER sync_seeded committed: a laptop "
    "that joins and pushes in between is skipped forever by the seeding laptop "
    "(desktop_crm/services/team/join.py:282-283)"
)


def test_changes_pushed_right_after_seeding_reach_the_seeding_laptop(hub, tmp_path, monkeypatch):
    ws = create_workspace(laptop_path(tmp_path, "alice"))
    pid = ws.people.save(drafts.person("陈先生", title="旧"), today=None).ids[0]
    a = Laptop(ws, hub, "alice")
    holder: dict[str, Laptop] = {}
    real_seeded = HubClient.seeded

    def seeded_then_bob_works(self, device):
        real_seeded(self, device)
        # Another laptop may join the moment 'seeded' commits, and push at once.
        b = joining_laptop(hub, tmp_path, "bob")
        b.edit(Person, pid, title="鲍勃改的")
        b.sync()
        holder["b"] = b

    monkeypatch.setattr(HubClient, "seeded", seeded_then_bob_works)
    with hub.client("alice") as client:
        upload(a.store, client)
    monkeypatch.setattr(HubClient, "seeded", real_seeded)
    a.sync()
    try:
        assert a.get(Person, pid).title == "鲍勃改的"
    finally:
        holder["b"].close()
        a.close()


# --- 2. A unique key taken on the hub by an update or a restore blocks the laptop's sync -----

UNIQUE_ON_UPDATE = (
    "apply_op catches unique_violation only for new rows: an update (rename) or a restore "
    "that meets a live key another laptop made raises, the whole push is refused, and push "
    "runs before pull, so the laptop can never sync again (functions.sql:251-254, "
    "write_fields)"
)


@pytest.mark.parametrize("how", ["rename", "restore"])
def test_a_key_taken_elsewhere_by_an_update_does_not_block_sync_for_ever(pair, how):
    a, b, _pid = pair
    old = add_tag(a, "Old")
    a.sync()
    b.sync()
    if how == "rename":
        add_tag(b, "Gold")  # bob makes "Gold" ...
        b.sync()
        a.edit(Tag, old, name="gold")  # ... while alice, offline, renames "Old" to "gold"
    else:
        a.delete(Tag, old)
        a.sync()
        b.sync()
        add_tag(b, "old")  # the name is free again: bob makes a new "old"
        b.sync()
        a.edit(Tag, old, deleted_at=None)  # alice, offline, brings hers back (an undo)
    a.sync()  # today: HubError "duplicate key value violates unique constraint", every time
    b.sync()
    assert canonical(a) == canonical(b)


# --- 3. A base that claims a value was seen when the pull skipped it -------------------------

SKIPPED_THEN_BASE = (
    "a pull skips a field a local edit holds (pull.py:297) but still moves the cursor, and the "
    "next edit of that field takes the cursor as its base (outbox base): the hub then treats "
    "the teammate's value as seen and overwrites it with no conflict naming the new value"
)


def test_a_second_edit_after_a_skipped_pull_does_not_overwrite_a_teammate_silently(
    pair, monkeypatch
):
    a, b, pid = pair
    b.edit(Person, pid, title="B")
    b.sync()
    real_push = sync_module._push
    done = {"n": 0}

    def push_then_user_edits(store, hub, link, progress):
        pushed = real_push(store, hub, link, progress)
        if not done["n"]:
            done["n"] = 1
            a.edit(Person, pid, title="A1")  # the user types while the background sync pulls
        return pushed

    monkeypatch.setattr(sync_module, "_push", push_then_user_edits)
    a.sync()  # pulls bob's title: skipped (A1 pending), cursor moves past it
    monkeypatch.setattr(sync_module, "_push", real_push)
    assert a.get(Person, pid).title == "A1"  # alice never saw "B"
    a.edit(Person, pid, title="A2")  # base: the cursor, past "B"
    a.sync()
    b.sync()
    a.sync()
    title = b.get(Person, pid).title
    values = {v for c in conflicts_of(b) for v in (c.mine, c.theirs)}
    # Either the hub kept bob's value (first to reach it), or a conflict offers "A2" against it.
    assert title == "B" or ("A2" in values and "B" in values and title in values), (
        title,
        conflicts_of(b),
    )


# --- 4. Delete against an unseen edit names the deleter as the editor ------------------------

DELETE_CONFLICT_SIDE = (
    "apply_op's delete-against-edit conflict takes the newest change of any field as 'the "
    "other side' (functions.sql:206-208), even one made by the deleting laptop itself, so "
    "the deleter is told they themselves changed the record"
)


def test_delete_against_an_unseen_edit_names_the_teammate_who_edited(pair):
    a, b, pid = pair
    b.edit(Person, pid, title="鲍勃还在谈")
    b.sync()
    a.edit(Person, pid, notes="先记一笔")  # alice, offline: a note, then she deletes it
    a.delete(Person, pid)
    a.sync()
    [conflict] = conflicts_of(a)
    assert conflict.field == "deleted_at"
    assert conflict.changed_by == "bob"


# --- 5. Undoing a decision closes the conflict with no decision ------------------------------

UNDO_RESOLVE = (
    "a resolve is undoable, but sync_conflicts is not a tracked table and the 'resolve' "
    "outbox entry stays: undo puts the field back and the conflict stays closed here and on "
    "the hub, so the other value is in neither the data nor the conflicts list "
    "(conflicts.py:152-153, outbox.py:80-84)"
)


def test_undoing_a_decision_leaves_the_other_value_somewhere(pair):
    a, b, pid = pair
    a.edit(Person, pid, title="甲")
    b.edit(Person, pid, title="乙")
    a.sync()
    b.sync()  # kept 甲, bob's 乙 in the conflict
    [conflict] = conflicts_of(b)
    b.ws.team.resolve(conflict.id, "mine")
    assert b.get(Person, pid).title == "乙"
    b.ws.history.undo()  # bob changes his mind: back to before the decision
    b.sync()
    a.sync()
    kept = {a.get(Person, pid).title} | {
        v for c in conflicts_of(a) + conflicts_of(b) for v in (c.mine, c.theirs)
    }
    assert "乙" in kept


# --- 6. A member can register as another member's user record --------------------------------

REGISTER_AS_OTHER = (
    "sync_register takes the user record from the caller for a role's first device "
    "(functions.sql:343-347): bob's role can register as alice's user, and his changes are "
    "then applied on every laptop as alice's (actor_id from crm.devices.user_id)"
)


def test_a_member_cannot_join_as_another_members_user(hub, tmp_path):
    a = first_laptop(hub, tmp_path, "alice")
    try:
        with a.store.read() as session:
            alice_user = read_link(session).user_id
        with hub.client("carol") as client, pytest.raises(HubError, match="another member"):
            client.register(str(uuid.uuid4()), alice_user)
    finally:
        a.close()


# --- 7. The command line: joins that say they worked, and one that can never be retried ------


def _run(capsys, *argv):
    from desktop_crm.cli.commands import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


JOINED_AS_SOMEONE_ELSE = (
    "join.upload returns 0 for a workspace already joined to this hub whoever asks "
    "(join.py:259-261): 'join A.crm URL --user bob' on alice's workspace exits 0 and prints "
    "'Joined the hub as bob: uploaded 0 rows' while the workspace stays alice's"
)


def test_joining_an_already_joined_workspace_as_another_member_is_refused(
    hub, tmp_path, monkeypatch, capsys
):
    from tests.hub_fixtures import MEMBER_PASSWORD

    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", MEMBER_PASSWORD)
    path = tmp_path / "alice.crm"
    create_workspace(path).close(backup_if_changed=False)
    assert _run(capsys, "join", path, hub.url, "--user", "alice")[0] == 0
    code, out, _err = _run(capsys, "join", path, hub.url, "--user", "bob")
    assert code != 0 or "bob" not in out


RETRY_AFTER_FAILED_DOWNLOAD = (
    "download() creates the new file before it reaches the hub (join.py:356) and leaves it "
    "when registering fails: running the same join again finds a non-empty file, takes the "
    "upload branch and is refused ('The hub already holds a team's workspace'); the user "
    "must find and delete the file by hand"
)


def test_a_join_that_failed_before_reaching_the_hub_can_simply_be_run_again(
    hub, tmp_path, monkeypatch, capsys
):
    from desktop_crm.domain.errors import HubUnreachableError
    from tests.hub_fixtures import MEMBER_PASSWORD

    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", MEMBER_PASSWORD)
    first_laptop(hub, tmp_path, "alice").close()
    real_register = HubClient.register

    def lost(self, device, user_id):
        raise HubUnreachableError("The hub cannot be reached (network lost).", reason="unreachable")

    monkeypatch.setattr(HubClient, "register", lost)
    path = tmp_path / "bob.crm"
    assert _run(capsys, "join", path, hub.url, "--user", "bob")[0] == 1
    monkeypatch.setattr(HubClient, "register", real_register)
    code, _out, err = _run(capsys, "join", path, hub.url, "--user", "bob")
    assert code == 0, err

"""Duplicate pairs across the workspace, and merging them as one undoable operation."""

from datetime import UTC, datetime

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.cards.contact_cards import NextFollowUp
from desktop_crm.services.contacts.dto import Labelled, PersonDraft
from desktop_crm.store.models import Deal, Pipeline, Stage
from tests import drafts
from tests.conftest import TODAY


@pytest.fixture
def twins(workspace):
    ws = workspace
    studio = ws.people.save_company(drafts.company("远山设计"), today=TODAY).ids[0]
    a = ws.people.save(
        PersonDraft(
            name="王芳",
            company_id=studio,
            title="设计总监",
            phones=(Labelled("mobile", "138 0013 8000"),),
            emails=(Labelled("work", "wf@studio.cn"),),
            notes="喜欢极简",
        ),
        today=TODAY,
    ).ids[0]
    b = ws.people.save(
        PersonDraft(
            name="王 芳",
            company_id=studio,
            wechat="wf_88",
            phones=(Labelled("mobile", "+86 138-0013-8000"), Labelled("work", "021-5555 6666")),
            emails=(Labelled("home", "fang@qq.com"),),
            notes="预算充足",
        ),
        today=TODAY,
    ).ids[0]
    c = ws.people.save(
        PersonDraft(name="Sarah Lee", emails=(Labelled("work", "S.Lee@x.com"),)), today=TODAY
    ).ids[0]
    d = ws.people.save(
        PersonDraft(name="sarah lee", emails=(Labelled("home", "s.lee@X.com"),)), today=TODAY
    ).ids[0]
    e = ws.people.save(PersonDraft(name="Nobody Alike"), today=TODAY).ids[0]
    return ws, a, b, c, d, e


def test_pairs_by_phone_email_and_name(twins):
    ws, a, b, c, d, e = twins
    pairs = {(p.first_id, p.second_id): p for p in ws.duplicates.pairs()}
    ab = pairs[tuple(sorted((a, b)))]
    assert ab.reasons == ("name", "phone") and ab.score == 100
    cd = pairs[tuple(sorted((c, d)))]
    assert cd.reasons == ("email", "name")
    assert not any(e in key for key in pairs)
    assert [p.score for p in pairs.values()] == sorted(
        (p.score for p in pairs.values()), reverse=True
    )


def test_merge_keeps_everything_and_undoes_whole(twins):
    ws, a, b, *_ = twins
    ws.cards.log_activity(
        "person",
        b,
        "call",
        "报价",
        occurred_at=datetime(2026, 11, 1, tzinfo=UTC),
        next_follow_up=NextFollowUp(TODAY, "visit", "拜访"),
    )
    with ws.store.unit_of_work("deal") as (s, _r):
        from sqlalchemy import select

        stage = s.scalars(select(Stage)).first()
        pipeline = s.scalars(select(Pipeline)).first()
        s.add(Deal(title="品牌升级", pipeline_id=pipeline.id, stage_id=stage.id, person_id=b))
    result = ws.duplicates.merge(a, [b], {"name": b})
    card = ws.cards.card("person", a)
    assert card.name == "王 芳" and card.title == "设计总监" and card.wechat == "wf_88"
    assert [p.value for p in card.phones] == ["138 0013 8000", "021-5555 6666"]  # no repeat
    assert {e.value for e in card.emails} == {"wf@studio.cn", "fang@qq.com"}
    assert card.notes == "喜欢极简\n\n预算充足"
    kinds = {(i.kind, i.title) for i in card.timeline}
    assert ("activity", "报价") in kinds
    assert [f.subject for f in ws.followups.of_contact("person", a)] == ["拜访"]
    with ws.store.read() as s:
        from sqlalchemy import select

        assert s.scalars(select(Deal.person_id)).one() == a
    from desktop_crm.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        ws.cards.card("person", b)
    assert result.operation_id and ws.history.next_undo().kind == "merge"
    ws.history.undo()
    before_a = ws.cards.card("person", a)
    before_b = ws.cards.card("person", b)
    assert before_a.name == "王芳" and [p.value for p in before_a.phones] == ["138 0013 8000"]
    assert [p.value for p in before_b.phones] == ["+86 138-0013-8000", "021-5555 6666"]
    assert any(i.title == "报价" for i in before_b.timeline)
    from desktop_crm.store.backup import list_backups

    assert "pre-merge" in [b.reason for b in list_backups(ws.path)]


def test_merge_of_three_and_bad_requests(twins):
    ws, a, b, c, d, e = twins
    ws.duplicates.merge(c, [d, e])
    assert ws.today.info().people == 3
    with pytest.raises(ValidationError):
        ws.duplicates.merge(a, [a])
    with pytest.raises(ValidationError):
        ws.duplicates.merge(a, [b], {"id": b})


def test_pairs_on_the_demo_stay_bounded(demo_path):
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(demo_path)
    try:
        pairs = ws.duplicates.pairs(limit=50)
        assert len(pairs) <= 50 and all(p.first_id < p.second_id for p in pairs)
    finally:
        ws.close(backup_if_changed=False)

"""Document templates: the shipped ones, the JSON round trip, copies and changes, bad templates."""

from __future__ import annotations

import json

import pytest

from desktop_crm.documents.templates import (
    CONTRACT_LABEL_KEYS,
    LABEL_KEYS,
    TemplateError,
    duplicate,
    load_template,
    shipped_templates,
    template_from_json,
    template_to_json,
    with_changes,
)
from desktop_crm.domain.errors import CrmError


def test_the_shipped_templates():
    shipped = {t.name: t for t in shipped_templates()}
    assert {"quote-classic", "quote-modern", "contract-standard"} <= set(shipped)
    classic, modern = shipped["quote-classic"], shipped["quote-modern"]
    assert (classic.kind, modern.kind) == ("quote", "quote")
    assert {classic.style, modern.style} == {"classic", "modern"}  # two distinct designs
    contract = shipped["contract-standard"]
    assert contract.kind == "contract" and contract.show_signature
    assert contract.title == {"en": "Contract", "zh": "合同"}
    assert classic.title["zh"] == "报价单"
    for template in shipped.values():
        keys = LABEL_KEYS + (CONTRACT_LABEL_KEYS if template.kind == "contract" else ())
        for language in ("en", "zh"):
            assert set(keys) <= set(template.labels[language])
    zh = contract.labels["zh"]
    assert (zh["party_a"], zh["party_b"]) == ("甲方（需方）", "乙方（供方）")
    assert zh["page"] == "第 %1 页 共 %2 页"
    assert classic.labels["zh"]["amount_in_capitals"] == "大写金额"
    assert classic.labels["zh"]["valid_until"] == "有效期至"


@pytest.mark.parametrize("template", shipped_templates(), ids=lambda t: t.name)
def test_templates_round_trip_through_json(template):
    text = template_to_json(template)
    assert template_from_json(text) == template
    assert json.loads(text)["format"] == 1
    assert "报价单" in text or "合同" in text  # written as text, not \\u escapes


def test_load_by_name_or_path(tmp_path):
    named = load_template("quote-modern")
    path = tmp_path / "mine.json"
    path.write_text(template_to_json(duplicate(named, "mine")), encoding="utf-8")
    assert load_template(path).name == "mine"
    assert load_template(str(path)).style == "modern"


def test_duplicate_shares_nothing_mutable():
    original = load_template("quote-classic")
    copy = duplicate(original, "classic (copy)")
    assert copy.name == "classic (copy)" and copy.labels == original.labels
    copy.labels["en"]["total"] = "changed"  # type: ignore[index]
    assert original.labels["en"]["total"] == "Total"


def test_with_changes_merges_labels_and_checks_values():
    original = load_template("quote-classic")
    changed = with_changes(
        original,
        accent_colour="#AA0000",
        columns=("description", "amount"),
        labels={"en": {"total": "Grand total"}},
        paper="Letter",
        font_size=11,
    )
    assert changed.accent_colour == "#aa0000"
    assert changed.label("en", "total") == "Grand total"
    assert changed.label("en", "subtotal") == "Subtotal"  # the other labels are kept
    assert changed.label("zh", "total") == "合计"
    assert original.label("en", "total") == "Total"
    with pytest.raises(TemplateError, match="font size"):
        with_changes(original, font_size=20)
    with pytest.raises(TemplateError, match="not a template field"):
        with_changes(original, colour="#000000")


def _broken(**edits: object) -> str:
    data = json.loads(template_to_json(load_template("quote-classic")))
    for key, value in edits.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        (_broken(kind="invoice"), "kind must be"),
        (_broken(accent_colour="navy"), "accent_colour must be a colour"),
        (_broken(text_colour="#12345"), "text_colour must be a colour"),
        (_broken(columns=["description", "price"]), "“price” is not a column"),
        (_broken(columns=["amount"]), "must include “description”"),
        (_broken(columns=["description", "description"]), "listed twice"),
        (_broken(columns="description"), "list of column names"),
        (_broken(paper="A5"), "A4 or Letter"),
        (_broken(font_size=7), "between 8 and 14"),
        (_broken(font_size="big"), "must be a number"),
        (_broken(style="fancy"), "style must be"),
        (_broken(show_logo="yes"), "show_logo must be true or false"),
        (_broken(labels=None), "“labels” is missing"),
        (_broken(title={"en": "Quote"}), "title has no “zh” text"),
        (_broken(shade="#000000"), "“shade” is not a template field"),
        (_broken(format=2), "format 2"),
    ],
)
def test_a_broken_template_says_what_is_wrong(text, message):
    with pytest.raises(TemplateError, match=message) as caught:
        template_from_json(text)
    error = caught.value
    assert isinstance(error, CrmError) and error.code == "template.invalid"
    assert str(error).endswith(".") and "\n" not in str(error)  # one sentence


def test_broken_labels_are_named():
    data = json.loads(template_to_json(load_template("quote-classic")))
    del data["labels"]["zh"]["subtotal"]
    with pytest.raises(TemplateError, match="“zh” labels lack “subtotal”"):
        template_from_json(json.dumps(data))
    data = json.loads(template_to_json(load_template("quote-classic")))
    data["labels"]["en"]["page"] = "Page %1"
    with pytest.raises(TemplateError, match="“page” must contain %2"):
        template_from_json(json.dumps(data))
    data = json.loads(template_to_json(load_template("quote-classic")))
    data["labels"]["en"]["totl"] = "Total"
    with pytest.raises(TemplateError, match="“totl” in the “en” labels is not a known label"):
        template_from_json(json.dumps(data))
    contract = json.loads(template_to_json(load_template("contract-standard")))
    del contract["labels"]["en"]["party_a"]
    with pytest.raises(TemplateError, match="lack “party_a”"):
        template_from_json(json.dumps(contract))


def test_a_missing_template_or_file(tmp_path):
    with pytest.raises(TemplateError, match="no template “nope”"):
        load_template("nope")
    with pytest.raises(TemplateError, match="no template"):
        load_template(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(TemplateError):
        load_template(bad)

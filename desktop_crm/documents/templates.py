"""Document templates: JSON files naming every fixed text, colour, column and switch of a design.

A template is data, not code: users duplicate a shipped one and change its labels, colours and
columns. Every value is checked when a :class:`TemplateSpec` is made (from JSON or by
:func:`with_changes`), so a bad template fails when loaded, with one sentence saying what is
wrong, never half-way through printing.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal, cast, get_args

from desktop_crm.documents.document_data import DocumentKind
from desktop_crm.domain.errors import CrmError

SHIPPED_TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
FORMAT = 1

Column = Literal[
    "index", "code", "description", "quantity", "unit", "unit_price", "discount", "tax_rate",
    "amount",
]  # fmt: skip
"""A column of the line table (``index`` is the row number, 序号)."""
Paper = Literal["A4", "Letter"]
Style = Literal["classic", "modern"]
"""``classic``: a filled header row and banded lines; ``modern``: rules and white space only."""

COLUMNS: tuple[Column, ...] = get_args(Column)
PAPERS: tuple[Paper, ...] = get_args(Paper)
STYLES: tuple[Style, ...] = get_args(Style)
LANGUAGES = ("en", "zh")
FONT_SIZES = (8, 14)

# Labels every template has, and those only contracts need.
LABEL_KEYS = (
    "number", "revision", "issued_on", "valid_until", "currency", "customer", "attention",
    "our_contact", "tax_id", "phone", "email", "website", "bank", "bank_account",
    *(f"col_{c}" for c in COLUMNS),
    "optional", "discount_total", "subtotal", "tax_rate", "tax", "total", "optional_total",
    "amount_in_words", "amount_in_capitals", "notes", "terms", "page",
    "signature_a", "signature_b", "signatory", "sign_date",
)  # fmt: skip
CONTRACT_LABEL_KEYS = (
    "party_a", "party_b", "contract_period", "period", "items", "payment_plan",
    "col_instalment", "col_due_on", "col_percent", "col_paid",
)  # fmt: skip
# Labels that are patterns, and the placeholders each must hold.
PLACEHOLDERS = {
    "revision": ("%1",),
    "tax_rate": ("%1",),
    "page": ("%1", "%2"),
    "period": ("%1", "%2"),
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class TemplateError(CrmError):
    """A template file or value that cannot be used; the message says which and why."""

    code = "template.invalid"


@dataclass(frozen=True)
class TemplateSpec:
    """A document design.

    Attributes:
        name: What users call it (also the shipped file's stem).
        kind: ``quote`` or ``contract``.
        title: The document's heading per language (``{"en": "Quotation", "zh": "报价单"}``).
        labels: Every fixed text per language and key (see ``LABEL_KEYS``); ``%1``/``%2`` in
            patterns are filled in when printing.
        accent_colour: ``#RRGGBB`` of headings, rules and the table header.
        text_colour: ``#RRGGBB`` of body text.
        columns: The line table's columns, in order; ``description`` is required.
        paper: ``A4`` or ``Letter``.
        font_size: Body text size in points, 8 to 14.
        show_logo: Print the company's logo in the header.
        show_amount_in_words: Print the total in words (and in 大写 for CNY in Chinese).
        show_signature: Print a signature block (contracts; acceptance on quotes).
        style: ``classic`` or ``modern``.
    """

    name: str
    kind: DocumentKind
    title: Mapping[str, str]
    labels: Mapping[str, Mapping[str, str]]
    accent_colour: str = "#1f4e79"
    text_colour: str = "#222222"
    columns: tuple[Column, ...] = ("index", "description", "quantity", "unit_price", "amount")
    paper: Paper = "A4"
    font_size: float = 9
    show_logo: bool = True
    show_amount_in_words: bool = True
    show_signature: bool = False
    style: Style = "classic"

    def __post_init__(self) -> None:
        _check(self)
        # Freeze what callers handed in: later edits to their dicts or lists must not leak in.
        object.__setattr__(self, "columns", tuple(self.columns))
        object.__setattr__(self, "title", dict(self.title))
        object.__setattr__(self, "labels", {k: dict(v) for k, v in self.labels.items()})
        object.__setattr__(self, "accent_colour", self.accent_colour.lower())
        object.__setattr__(self, "text_colour", self.text_colour.lower())

    def label(self, language: str, key: str) -> str:
        """The text of ``key`` in ``language``."""
        return self.labels[language][key]


def _fail(spec_name: object, problem: str) -> TemplateError:
    return TemplateError(f"Template “{spec_name}”: {problem}.", template=str(spec_name))


def _check(spec: TemplateSpec) -> None:
    """Raise :class:`TemplateError` for the first value of ``spec`` that cannot be used."""
    name = spec.name
    if not isinstance(name, str) or not name.strip():
        raise TemplateError("A template needs a name.", template="")
    if spec.kind not in ("quote", "contract"):
        raise _fail(name, f"the kind must be “quote” or “contract”, not “{spec.kind}”")
    for field_name in ("accent_colour", "text_colour"):
        value = getattr(spec, field_name)
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            raise _fail(name, f"{field_name} must be a colour like #1f4e79, not “{value}”")
    if spec.paper not in PAPERS:
        raise _fail(name, f"the paper must be A4 or Letter, not “{spec.paper}”")
    if spec.style not in STYLES:
        raise _fail(name, f"the style must be one of {', '.join(STYLES)}, not “{spec.style}”")
    size = spec.font_size
    if isinstance(size, bool) or not isinstance(size, int | float):
        raise _fail(name, f"the font size must be a number, not “{size}”")
    if not FONT_SIZES[0] <= size <= FONT_SIZES[1]:
        raise _fail(name, f"the font size must be between 8 and 14 points, not {size}")
    for flag in ("show_logo", "show_amount_in_words", "show_signature"):
        if not isinstance(getattr(spec, flag), bool):
            raise _fail(name, f"{flag} must be true or false")
    _check_columns(name, spec.columns)
    _check_texts(spec)


def _check_columns(name: str, columns: object) -> None:
    if not isinstance(columns, list | tuple) or not columns:
        raise _fail(name, "the columns must be a list of column names")
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise _fail(name, f"“{unknown[0]}” is not a column (known: {', '.join(COLUMNS)})")
    if len(set(columns)) != len(columns):
        raise _fail(name, "a column is listed twice")
    if "description" not in columns:
        raise _fail(name, "the columns must include “description”")


def _check_texts(spec: TemplateSpec) -> None:
    name = spec.name
    if not isinstance(spec.title, Mapping) or not isinstance(spec.labels, Mapping):
        raise _fail(name, "the title and labels must be objects keyed by language")
    required = LABEL_KEYS + (CONTRACT_LABEL_KEYS if spec.kind == "contract" else ())
    known = set(LABEL_KEYS + CONTRACT_LABEL_KEYS)
    for language in LANGUAGES:
        if not isinstance(spec.title.get(language), str):
            raise _fail(name, f"the title has no “{language}” text")
        labels = spec.labels.get(language)
        if not isinstance(labels, Mapping):
            raise _fail(name, f"the labels have no “{language}” texts")
        missing = [k for k in required if k not in labels]
        if missing:
            raise _fail(name, f"the “{language}” labels lack “{missing[0]}”")
        for key, text in labels.items():
            if key not in known:
                raise _fail(name, f"“{key}” in the “{language}” labels is not a known label")
            if not isinstance(text, str):
                raise _fail(name, f"the “{language}” label “{key}” must be text")
            lacking = [p for p in PLACEHOLDERS.get(key, ()) if p not in text]
            if lacking:
                raise _fail(name, f"the “{language}” label “{key}” must contain {lacking[0]}")


def template_from_json(text: str) -> TemplateSpec:
    """The template a JSON text describes.

    Raises:
        TemplateError: The text is not JSON, or a field is missing, unknown or invalid.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TemplateError(
            f"The template is not valid JSON (line {error.lineno}: {error.msg}).", template=""
        ) from None
    if not isinstance(data, dict):
        raise TemplateError("The template must be a JSON object.", template="")
    name = data.get("name", "")
    version = data.pop("format", FORMAT)
    if version != FORMAT:
        raise _fail(name, f"format {version} is not one this version reads (it reads {FORMAT})")
    names = {f.name for f in fields(TemplateSpec)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise _fail(name, f"“{unknown[0]}” is not a template field")
    for required in ("name", "kind", "title", "labels"):
        if required not in data:
            raise _fail(name, f"the field “{required}” is missing")
    if isinstance(data.get("columns"), list):
        data["columns"] = tuple(data["columns"])
    try:
        return TemplateSpec(**data)
    except TemplateError:
        raise
    except (TypeError, AttributeError, ValueError) as error:  # values of the wrong JSON type
        raise _fail(name, f"a value has the wrong type ({error})") from None


def template_to_json(spec: TemplateSpec) -> str:
    """``spec`` as the JSON text :func:`template_from_json` reads back."""
    data: dict[str, Any] = {"format": FORMAT, **asdict(spec)}
    data["columns"] = list(spec.columns)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_template(name_or_path: str | Path) -> TemplateSpec:
    """A shipped template by name (``quote-classic``), or a template file by path.

    Raises:
        TemplateError: No such template or file, or the file is not a valid template.
    """
    path = Path(name_or_path)
    if not (path.suffix == ".json" or path.is_file()):
        path = SHIPPED_TEMPLATES / f"{name_or_path}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"There is no template “{name_or_path}”.", template=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(
            f"The template file {path} cannot be read ({error}).", template=str(path)
        ) from None
    return template_from_json(text)


def shipped_templates() -> list[TemplateSpec]:
    """The templates that come with the app, by file name."""
    return [load_template(p) for p in sorted(SHIPPED_TEMPLATES.glob("*.json"))]


def duplicate(spec: TemplateSpec, new_name: str) -> TemplateSpec:
    """A copy of ``spec`` named ``new_name``, sharing nothing mutable with it."""
    return replace(
        spec,
        name=new_name,
        title=copy.deepcopy(dict(spec.title)),
        labels=copy.deepcopy(spec.labels),
    )


def with_changes(spec: TemplateSpec, **changes: Any) -> TemplateSpec:
    """``spec`` with some fields changed; ``labels`` given per language are merged in.

    ``with_changes(spec, labels={"en": {"total": "Grand total"}})`` changes one label and keeps
    the others.

    Raises:
        TemplateError: A field does not exist or a new value is invalid.
    """
    unknown = sorted(set(changes) - {f.name for f in fields(TemplateSpec)})
    if unknown:
        raise _fail(spec.name, f"“{unknown[0]}” is not a template field")
    if "labels" in changes:
        merged = {lang: dict(texts) for lang, texts in spec.labels.items()}
        for language, texts in cast(Mapping[str, Mapping[str, str]], changes["labels"]).items():
            merged.setdefault(language, {}).update(texts)
        changes["labels"] = merged
    if "title" in changes:
        changes["title"] = {**spec.title, **changes["title"]}
    return replace(spec, **changes)

"""What the printing services take and return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from desktop_crm.documents.document_data import CompanyProfile
from desktop_crm.documents.document_data import DocumentKind as DocumentKind
from desktop_crm.documents.templates import TemplateSpec as TemplateSpec

# ``TemplateSpec`` and ``DocumentKind`` are re-exported: the UI names them from here, since it
# may not import ``desktop_crm.documents``. (``RenderInfo`` is not: importing ``documents.pdf``
# loads reportlab, which the UI's start must not wait for.)

Destination = Literal["pdf", "printer"]
"""Where a document went: saved as a PDF file, or sent to a printer."""

DEFAULT_TEMPLATES: dict[DocumentKind, str] = {
    "quote": "quote-classic",
    "contract": "contract-standard",
}
"""The shipped template each kind prints with when nothing else is chosen."""


@dataclass(frozen=True)
class CompanyProfileData:
    """Our own company as the workspace stores it (the ``company.profile`` setting).

    Attributes:
        name: The company's legal name.
        logo: A PNG or JPEG image (stored base64 in the setting's JSON).
        address_lines: The postal address, one printed line each.
        tax_id: Tax number (纳税人识别号).
        bank_name: The bank payments go to (开户行).
        bank_account: The account number there.
        contact: The person customers speak to.
        phone: A phone number.
        email: An email address.
        website: A web address.
        header_text: A line printed under the company's name.
        footer_text: Printed at the foot of every page.
        default_terms: Terms printed when a document has none of its own.
        quote_template: The template quotes print with unless they name another.
        contract_template: The template contracts print with unless they name another.
    """

    name: str = ""
    logo: bytes | None = None
    address_lines: tuple[str, ...] = ()
    tax_id: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    header_text: str = ""
    footer_text: str = ""
    default_terms: str = ""
    quote_template: str | None = None
    contract_template: str | None = None

    def for_documents(self) -> CompanyProfile:
        """The profile as the PDF renderer takes it."""
        return CompanyProfile(
            name=self.name,
            logo=self.logo,
            address_lines=self.address_lines,
            tax_id=self.tax_id,
            bank_name=self.bank_name,
            bank_account=self.bank_account,
            contact=self.contact,
            phone=self.phone,
            email=self.email,
            website=self.website,
            header_text=self.header_text,
            footer_text=self.footer_text,
            default_terms=self.default_terms,
        )

    def default_template(self, kind: DocumentKind) -> str:
        """The template ``kind`` documents print with when they name none."""
        chosen = self.quote_template if kind == "quote" else self.contract_template
        return chosen or DEFAULT_TEMPLATES[kind]


@dataclass(frozen=True)
class TemplateInfo:
    """A template users can pick.

    Attributes:
        name: What users call it (unique, ignoring case).
        kind: ``quote`` or ``contract``.
        shipped: Whether it comes with the app (read-only: duplicate it to change it).
        spec: The design itself.
    """

    name: str
    kind: DocumentKind
    shipped: bool
    spec: TemplateSpec


@dataclass(frozen=True)
class PrintLogEntry:
    """A document printed or saved as PDF.

    Attributes:
        id: The entry's id.
        kind: ``quote`` or ``contract``.
        record_id: The quote's or contract's id.
        revision: Which revision was printed.
        template: The template's name.
        language: The document's language.
        paper: ``A4`` or ``Letter``.
        destination: ``pdf`` or ``printer``.
        at: When (UTC).
        actor: Who printed it (the user's name), if known.
    """

    id: str
    kind: DocumentKind
    record_id: str
    revision: int
    template: str
    language: str
    paper: str
    destination: Destination
    at: datetime
    actor: str | None


@dataclass(frozen=True)
class PrintResult:
    """What printing a document produced.

    Attributes:
        path: The PDF written.
        pages: How many pages it has.
        template: The template it was laid out with.
        language: The language it was printed in.
        paper: ``A4`` or ``Letter``.
        revision: The revision printed.
        font_source: Where the font came from: ``shipped``, ``system`` or ``cid``.
    """

    path: str
    pages: int
    template: str
    language: str
    paper: str
    revision: int
    font_source: str

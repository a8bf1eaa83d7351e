"""The settings dialog: language (this computer) and workspace settings (shared)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.team.team_settings import TeamTab
from ui.workspace_settings.company_profile import CompanyProfilePage, QuotesPage
from ui.workspace_settings.followup_tab import FollowUpsTab
from ui.workspace_settings.pipelines_tab import PipelinesTab

if TYPE_CHECKING:
    from desktop_crm.services.printing.dto import TemplateInfo

LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))  # each in its own language


class SettingsDialog(QDialog):
    """Edits a copy of the settings; :meth:`workspace_values` and :meth:`language` read it.

    Args:
        workspace_settings: Current workspace settings (``SettingsService.all()``).
        language: The language code chosen on this computer ("" for the system's).
        templates: The document templates (``printing.templates()``), for the default ones.
    """

    def __init__(
        self,
        workspace_settings: dict[str, Any],
        language: str,
        parent: QWidget | None = None,
        templates: Sequence[TemplateInfo] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._initial = dict(workspace_settings)
        tabs = QTabWidget()

        general = QWidget()
        form = QFormLayout(general)
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(QLabel(self.tr("A new language applies when Desktop CRM starts again.")))
        self.region = QLineEdit(str(workspace_settings["phone.default_region"]))
        self.region.setMaxLength(2)
        form.addRow(self.tr("Default phone region:"), self.region)
        # Other features add rows of this computer's own here (the reminders' group), as
        # the settings screen's ``dialogOpened`` signal hands them the dialog.
        self.general = form
        tabs.addTab(general, self.tr("General"))

        # Stale days, the morning hour, the lead pool's rules and the calendar file.
        self.followups = FollowUpsTab(workspace_settings)
        followups_scroll = QScrollArea()
        followups_scroll.setWidget(self.followups)
        followups_scroll.setWidgetResizable(True)
        tabs.addTab(followups_scroll, self.tr("Follow-ups"))

        # Pipelines, stages and lost reasons: saved at once, each change undoable on its own.
        self.pipelines = PipelinesTab(workspace_settings)
        tabs.addTab(self.pipelines, self.tr("Pipelines"))

        backups = QWidget()
        form = QFormLayout(backups)
        self.keep: dict[str, QSpinBox] = {}
        for key, label in (
            ("backup.keep_recent", self.tr("Keep the newest backups:")),
            ("backup.keep_daily", self.tr("Keep one a day for (days):")),
            ("backup.keep_weekly", self.tr("Keep one a week for (weeks):")),
        ):
            box = QSpinBox()
            box.setRange(1, 1000)
            box.setValue(int(workspace_settings[key]))
            self.keep[key] = box
            form.addRow(label, box)
        tabs.addTab(backups, self.tr("Backups"))

        numbering = QWidget()
        form = QFormLayout(numbering)
        form.addRow(QLabel(self.tr("Tokens: {yyyy} {yy} {mm} {dd} and {seq:4} (number width).")))
        self.patterns: dict[str, QLineEdit] = {}
        for kind, label in (
            ("customer", self.tr("Customers:")),
            ("deal", self.tr("Deals:")),
            ("quote", self.tr("Quotes:")),
            ("contract", self.tr("Contracts:")),
        ):
            edit = QLineEdit(str(workspace_settings[f"numbering.{kind}"]))
            self.patterns[kind] = edit
            form.addRow(label, edit)
        tabs.addTab(numbering, self.tr("Numbering"))

        # Imported here: the service module loads SQLAlchemy, which the window's start defers.
        from desktop_crm.services.printing.company_profile import profile_from_json

        self._initial_profile = profile_from_json(workspace_settings.get("company.profile"))
        self.company = CompanyProfilePage()
        self.company.set_profile(self._initial_profile)
        company_scroll = QScrollArea()
        company_scroll.setWidget(self.company)
        company_scroll.setWidgetResizable(True)
        tabs.addTab(company_scroll, self.tr("Company"))
        self.quotes = QuotesPage()
        self.quotes.set_values(
            str(workspace_settings.get("quotes.tax_rounding", "per_line")),
            self._initial_profile,
            templates,
        )
        tabs.addTab(self.quotes, self.tr("Quotes"))

        # Team mode: join a hub, see how this workspace syncs (acts at once, as Pipelines).
        self.team = TeamTab()
        tabs.addTab(self.team, self.tr("Team"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        # Room for the Company tab's form and every tab's name without scrolling on most screens.
        self.resize(max(self.sizeHint().width(), 680), max(self.sizeHint().height(), 700))

    def accept(self) -> None:
        """Close with OK, unless a setting must be fixed first (then say which)."""
        problem = self.followups.problem()
        if problem:
            QMessageBox.warning(self, self.tr("Settings"), problem)
            return
        super().accept()

    def language(self) -> str:
        """The chosen language code ("" for the system's)."""
        return str(self.language_box.currentData())

    def workspace_values(self) -> dict[str, Any]:
        """The workspace settings that differ from the ones the dialog opened with."""
        values: dict[str, Any] = {
            "phone.default_region": self.region.text().strip().upper(),
            **{key: box.value() for key, box in self.keep.items()},
            **{f"numbering.{k}": e.text().strip() for k, e in self.patterns.items()},
            "quotes.tax_rounding": self.quotes.rounding_rule(),
        }
        changed = {k: v for k, v in values.items() if self._initial.get(k) != v}
        changed.update(self.followups.values())  # only what changed there too
        # Compared as profiles: the stored JSON may lack keys that are empty on screen.
        profile = self.quotes.with_templates(self.company.profile())
        if profile != self._initial_profile:
            from desktop_crm.services.printing.company_profile import profile_to_json

            changed["company.profile"] = profile_to_json(profile)
        return changed

"""Every screen of the main window, in sidebar order: adding a screen is one line here."""

from __future__ import annotations

from ui.conflicts.conflicts_screen import ConflictsScreen
from ui.contacts.contacts_screen import ContactsScreen
from ui.contracts.contracts_screen import ContractsScreen
from ui.pipeline.pipeline_screen import PipelineScreen
from ui.pool.pool_screen import PoolScreen
from ui.products.products_screen import ProductsScreen
from ui.quotes.quotes_screen import QuotesScreen
from ui.reports.reports_screen import ReportsScreen
from ui.screen import Screen
from ui.today.today_screen import TodayScreen
from ui.workspace_settings.settings_screen import SettingsScreen

SCREENS: tuple[type[Screen], ...] = (
    TodayScreen,
    ContactsScreen,
    PoolScreen,
    PipelineScreen,
    QuotesScreen,
    ContractsScreen,
    ProductsScreen,
    ReportsScreen,
    SettingsScreen,
    ConflictsScreen,
)
SCREEN_KEYS = tuple(screen.key for screen in SCREENS)
"""The screens' keys (``--view``)."""

"""Desktop CRM core: domain rules, store, services and CLI. Never imports Qt."""

__version__ = "0.1.0"

"""A translation context for module-level functions, which have no QObject of their own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


class TranslationContext(QObject):
    """Subclass it to name a context; call ``Subclass.tr(...)`` so lupdate finds the strings.

    (lupdate reads ``Name.tr("text")`` calls, not an alias such as ``_tr = Name.tr``.)
    """

    @classmethod
    def tr(  # a class-level tr: the context is the subclass's name
        cls, text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        """``text`` in the user's language (``n`` chooses a plural form)."""
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)

"""Why the pipeline service refused a change, in the user's language.

The service's validation messages are English sentences with the field they concern
(``ValidationError.params``); the ones a user can meet on the Pipelines tab are translated
here, any other falls back to :func:`ui.messages.error_text`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.errors import NotFoundError, ValidationError
from ui.messages import error_text
from ui.text_fill import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("PipelineProblems", text)


def problem_text(exc: BaseException) -> str:
    """One sentence saying why ``exc`` stopped a change of pipelines, stages or reasons."""
    if isinstance(exc, NotFoundError):
        return _tr("That pipeline or stage no longer exists (changed elsewhere?).")
    if not isinstance(exc, ValidationError):
        return error_text(exc)
    field = exc.params.get("field")
    message = exc.message
    if field == "name" and "name" in exc.params:
        return fill(_tr("Two stages are called “%1”: give each its own name."), exc.params["name"])
    if field == "name" and message.startswith("A stage needs"):
        return _tr("A stage needs a name.")
    if field == "name" and message.startswith("A pipeline needs"):
        return _tr("A pipeline needs a name.")
    if field == "currency":
        return _tr("A currency is a three-letter code such as CNY, or empty for the workspace's.")
    if field == "stages":
        return _tr(
            "A pipeline keeps at least one open stage and exactly one won and one lost stage."
        )
    if field == "target_stage_id":
        return _tr("The stage holds deals: choose another stage of this pipeline for them.")
    if field == "lost_reason":
        return _tr("Say why the deals were lost (at most 200 characters).")
    if field == "probability":
        return _tr("A win probability is a whole percent from 0 to 100.")
    if field == "rotting_days":
        return _tr("Rotting days are from 1 to 3650, or never.")
    if field == "colour":
        return _tr("A colour is written #rrggbb.")
    return error_text(exc)

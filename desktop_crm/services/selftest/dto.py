"""What the self-test reports: one result per step, and the exceptions a step ends with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

StepOutcome = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True)
class StepResult:
    """How one step went.

    Attributes:
        step: The step's name (stable: scripts and CI read it), e.g. ``quote-pdf``.
        outcome: ``ok``, ``failed`` or ``skipped`` (cannot run here, not a failure).
        why: One line for a failed or skipped step ("" when ok).
    """

    step: str
    outcome: StepOutcome
    why: str = ""


@dataclass(frozen=True)
class SelfTestPlace:
    """Where a run works, for steps added by the caller (the UI's).

    Attributes:
        folder: The run's temporary folder (removed after the run).
        workspace: The sample workspace the steps filled (closed when later steps run).
    """

    folder: Path
    workspace: Path


class StepFailed(Exception):
    """A step's check found something wrong; the message is the one-line reason."""


class StepSkipped(Exception):
    """A step cannot run on this machine (no display for Qt); not a failure."""

"""``framing evaluate``: how far each analyzer agrees with human annotation.

One module per task (``framing/evaluate/<task>.py``), each with:

* ``add_arguments(parser)``: task options for the command line;
* ``evaluate(data, **options) -> dict``: reads the annotated data, runs the
  analyzer as shipped, and returns the metrics as a JSON-ready dict whose keys
  follow DESIGN.md (stance: task, n, macro_f1, accuracy, per_class; hedging:
  task, n, precision, recall, f1, cue_f1; sourcing: task, n_docs, precision,
  recall, f1, source_f1, density_r; frames: task, n, micro_f1, macro_f1, per_frame);
* ``format_result(result) -> str``: the same as readable text.

:func:`coding_sheet` draws a blind sample of sentences or mentions for a person to
code, and :func:`agreement` measures framing against that coding (F1 and
Krippendorff's alpha).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ._agreement import agreement, classification_scores, krippendorff_alpha
from ._sheet import coding_sheet

__all__ = ["TASKS", "agreement", "classification_scores", "coding_sheet", "krippendorff_alpha", "task_module"]

TASKS = {
    "stance": "framing.evaluate.stance",
    "hedging": "framing.evaluate.hedging",
    "sourcing": "framing.evaluate.sourcing",
    "frames": "framing.evaluate.frames",
}


def task_module(task: str) -> ModuleType | None:
    """The evaluation module of ``task``, or ``None`` when that analyzer has not landed."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    try:
        return importlib.import_module(TASKS[task])
    except ModuleNotFoundError as exc:
        if exc.name == TASKS[task]:
            return None
        raise

"""framing: how different outlets frame the same issues, with the evidence behind every number.

import framing
a = framing.analyze(framing.load_seeds())
a.documents, a.sentences, a.mentions, a.evidence
a.compare(by="outlet")
a.explain("003_5f65102a985eecf8")
a.report("out/")
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "ActorSet",
    "Analysis",
    "Cleaner",
    "Corpus",
    "Document",
    "IssueSet",
    "Lexicon",
    "TextModel",
    "__version__",
    "analyze",
    "load_corpus",
    "load_lexicon",
    "load_scores",
    "load_seeds",
]

# Names are imported on first use, so `import framing` stays fast and light.
_LAZY = {
    "Analysis": "framing.analysis",
    "ActorSet": "framing.actors",
    "Cleaner": "framing.clean",
    "Corpus": "framing.corpus",
    "Document": "framing.corpus",
    "IssueSet": "framing.issues",
    "Lexicon": "framing.lexicons",
    "TextModel": "framing.text",
    "analyze": "framing.run",
    "load_corpus": "framing.io",
    "load_lexicon": "framing.lexicons",
    "load_scores": "framing.saved",
    "load_seeds": "framing.seeds",
}


#: subpackages reached as attributes (``framing.evaluate.agreement``, ``framing.plots.plot_trend``) without an
#: import of their own, as the README writes them
_SUBMODULES = frozenset({"analyzers", "compare", "evaluate", "features", "periods", "plots", "report", "stats"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"framing.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

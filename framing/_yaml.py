"""Configuration files in YAML: read once, parsed safely once, with the line of each key and item.

Actor, issue and lexicon files share this so that their errors name the file and line the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["item_lines", "key_lines", "parse_yaml", "read_config"]


def read_config(path: str | Path, what: str) -> str:
    """The text of a configuration file (a BOM is dropped); an unreadable file is a :class:`ConfigError`."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read {what} file: {exc.strerror or exc}", path=p) from None


def parse_yaml(text: str, source: str) -> tuple[Any, Any]:
    """``(data, node)`` of a YAML text in one safe parse: the Python data and the node tree whose marks
    give line numbers (``None, None`` for an empty text)."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}", path=source, line=mark.line + 1 if mark else None
        ) from None
    finally:
        loader.dispose()
    return data, node


def key_lines(node: Any) -> dict[str, int]:
    """1-based line of each key of a mapping node."""
    out: dict[str, int] = {}
    try:
        for k, _v in node.value:
            out[str(k.value)] = k.start_mark.line + 1
    except (AttributeError, TypeError):
        pass
    return out


def item_lines(node: Any, key: str) -> list[int]:
    """1-based line of each item of the list under ``key`` of a mapping node."""
    try:
        for k, v in node.value:
            if k.value == key:
                return [item.start_mark.line + 1 for item in v.value]
    except (AttributeError, TypeError):
        pass
    return []

"""Shared fixtures. Tests never need ../shared; those that use it skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def child_env() -> dict[str, str]:
    """Environment for a child Python: finds this checkout's framing whether or not it is installed."""
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("MPLBACKEND", "Agg")
    return env


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test (with the reason) when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not available (../shared is only beside the repository in development and CI)")
    return p


@pytest.fixture
def stop_renaming(monkeypatch):
    """``stop_renaming(path)``: from then on a streamed run fails ("disk went away") when it renames a file onto
    ``path``, as a machine lost between two renames would; ``stop_renaming(None)`` lets renames through again."""
    import os

    replace = os.replace

    def stop(path: Path | None) -> None:
        def failing(src, dst):
            if path is not None and Path(dst) == path:
                raise OSError("disk went away")
            replace(src, dst)

        monkeypatch.setattr("framing.streamed.os.replace", failing)

    return stop


@pytest.fixture(scope="session")
def seeds():
    import framing

    return framing.load_seeds()


@pytest.fixture(scope="session")
def seed_analysis(seeds):
    import framing

    return framing.analyze(seeds)

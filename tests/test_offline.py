"""Nothing touches the network during import, analysis or report."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import child_env


def test_import_analysis_and_report_run_with_the_network_blocked(tmp_path):
    script = textwrap.dedent(
        f"""
        import socket

        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted: " + repr(args))

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import framing
        a = framing.analyze(framing.load_seeds())
        assert len(a.documents) == 5
        assert a.documents["flesch_reading_ease"].notna().all()   # readability works offline
        a.report({str(tmp_path / "rep")!r})
        print("offline ok")
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=child_env()
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "offline ok" in proc.stdout
    assert (tmp_path / "rep" / "report.pdf").exists()

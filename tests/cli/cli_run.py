"""Running the ``nexipos`` command in-process, as the CLI tests do."""

from __future__ import annotations

from nexipos_desktop.cli import main


def nexipos(capsys, *args) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``nexipos ARGS…`` (arguments may be paths or numbers)."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err

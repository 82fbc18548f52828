"""docs/architecture.md's protocol table is the one workers/protocol declares."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("protocol_table", ROOT / "scripts" / "protocol_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_protocol_table_in_the_docs_matches_the_code():
    script = _script()
    documented = script.documented(script.DOC.read_text(encoding="utf-8"))
    assert documented, "docs/architecture.md has no generated protocol table"
    assert documented == script.table(), "run: python scripts/protocol_table.py"


def test_the_table_names_every_message_and_the_failed_command():
    script = _script()
    from workers import protocol

    table = script.table()
    for cls in protocol.messages():
        assert f"| `{cls.__name__}` |" in table
    assert "| `Failed` | title, message, traceback, command, command_id |" in table


def test_a_message_missing_from_the_docs_is_caught():
    script = _script()
    text = script.DOC.read_text(encoding="utf-8")
    broken = text.replace("| `Train` |", "| `Training` |", 1)
    assert script.documented(broken) != script.table()

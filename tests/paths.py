"""Where the test data lives, named once so that tests can move between folders freely."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
GOLD = TESTS / "gold"
EXAMPLES = REPO / "examples"

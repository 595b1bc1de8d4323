#!/usr/bin/env bash
# Set up newsprobe in ./.venv with everything it needs (the spaCy English model included).
# Safe to run again: it only installs what changed. Needs Python >= 3.11 and pip.
set -euo pipefail
cd "$(dirname "$0")"

python=""
for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 \
     && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "setup.sh: newsprobe needs Python 3.11 or newer; install it, or set PYTHON=/path/to/python" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# The batch and serve extras too: their tests (a real local Dask cluster, a real uvicorn
# server) are part of the suite.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,batch,postgres,serve]"
echo "newsprobe is installed in .venv: try .venv/bin/newsprobe --help" >&2

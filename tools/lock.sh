#!/usr/bin/env bash
# Regenerate the two lock files from the top-level pins below (maintainers only).
#   binder/requirements.txt  - what Binder installs and what the course runs on
#   requirements-test.txt    - the test tools, added on top for `make test`
# Usage: bash tools/lock.sh   (needs network access to PyPI; takes a few minutes)
# The set is resolved on Python 3.11 (Binder's) and must install unchanged on 3.12 and 3.13:
# the last step checks that with each of python3.12 / python3.13 it finds (binary wheels only).
# A pin that cannot serve one of them is named in the lock's header and in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNTIME="numpy==2.4.6 matplotlib==3.11.2 jupyterlab==4.6.6 ipywidgets==8.1.9 ipympl==0.10.0 nbgitpuller==1.3.0"
TEST="pytest==9.2.0 nbval==0.11.0 pytest-xdist==3.8.0 pytest-timeout==2.4.0 hypothesis==6.170.17 \
ruff==0.17.6 nbstripout==0.9.1 playwright==1.65.2 jupyter-repo2docker==2026.4.0 jupyterhub==6.1.1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3.11 -m venv "$tmp/rt"
"$tmp/rt/bin/pip" install -q $RUNTIME
{
  echo "# The one pinned package set of the course, resolved on Python 3.11 (Binder's, binder/runtime.txt)"
  echo "# and installing unchanged on CPython 3.12 and 3.13 (every pin has wheels for all three)."
  echo "# Binder installs exactly this; make lab / make test install exactly this. Regenerate with:"
  echo "# bash tools/lock.sh"
  "$tmp/rt/bin/pip" freeze --exclude-editable | LC_ALL=C sort -f
} > binder/requirements.txt
"$tmp/rt/bin/pip" install -q $TEST
{
  echo "# Test tools, installed by make test on top of binder/requirements.txt."
  echo "# Regenerate with: bash tools/lock.sh"
  echo "-r binder/requirements.txt"
  "$tmp/rt/bin/pip" freeze --exclude-editable | LC_ALL=C sort -f | grep -vxF -f <(grep -v '^#' binder/requirements.txt)
} > requirements-test.txt
echo "wrote binder/requirements.txt ($(grep -vc '^#' binder/requirements.txt) pins) and requirements-test.txt"
for py in python3.12 python3.13; do
  if ! "$py" -c "" 2>/dev/null; then echo "!!! $py not found: not checked"; continue; fi
  "$py" -m venv "$tmp/$py"
  "$tmp/$py/bin/pip" install -q --dry-run --only-binary=:all: -r requirements-test.txt
  echo "checked: the pinned set installs on $("$py" --version)"
done

#!/usr/bin/env bash
# The test command: installs what is missing, builds, starts the real servers (as
# CTest fixtures) and runs every test. Extra arguments go to ctest (-L unit, -R name).
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$SECONDS
scripts/setup.sh
t1=$SECONDS
cmake --preset default >/dev/null
cmake --build --preset default
t2=$SECONDS
status=0
ctest --preset default -j2 "$@" || status=$?
t3=$SECONDS
echo "timing: setup $((t1 - t0)) s, build $((t2 - t1)) s, tests $((t3 - t2)) s"
exit $status

#!/usr/bin/env bash
# Runs a libFuzzer target for SECONDS on a working copy of its seed corpus (the copy
# grows; the seeds in the repository stay as they are). Fails on any crash or report.
#   run-fuzzer.sh BINARY SEED_DIR WORK_DIR SECONDS
set -euo pipefail
binary=$1 seeds=$2 work=$3 seconds=$4
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$seeds"/* "$work/corpus/" 2>/dev/null || true
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus"

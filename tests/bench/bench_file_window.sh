#!/usr/bin/env bash
# Benchmark: the file half of the window (issue 9) against pyftpdlib (explicit FTPS) on
# loopback.
#   tests/bench/bench_file_window.sh [BUILD_DIR] [N] [SIZE_MIB] [REPEAT]
# Makes a folder of N entries (default 100,000; tests/bench/make_big_dir.py, the folder
# bench_ftp_list.sh lists) and a file of SIZE_MIB (default 1024), times curl fetching the
# folder's raw MLSD listing (the baseline; median of REPEAT), then runs
# build/tests/bench/bench_file_window (QT_QPA_PLATFORM=offscreen), which measures the
# GUI event loop's stalls during the download against the idle loop, and how soon the
# remote pane paints the folder's first rows (see the program's header).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then build=$root/build; else build=${1:-$root/build}; shift || true; fi
count=${1:-100000}
size_mib=${2:-1024}
repeat=${3:-5}
bench=$build/tests/bench/bench_file_window
PY=/usr/bin/python3
[[ -x "$bench" ]] || { echo "build first: $bench is missing" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed for the baseline" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-filewindow.XXXXXX")
trap '"$root/tests/servers/mlsdftp.sh" stop "$work/mlsdftp" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$root/tests/servers/mlsdftp.sh" start "$work/mlsdftp" >/dev/null
# shellcheck disable=SC1091
source "$work/mlsdftp/env"

echo "making the folder ($count entries) and the file ($size_mib MiB) ..." >&2
"$PY" "$here/make_big_dir.py" "$MLSDFTP_ROOT/big" "$count" 5
# Random bytes, not a sparse file: nothing on the way gets to skip work.
head -c "$((size_mib * 1048576))" /dev/urandom >"$MLSDFTP_ROOT/large.bin"
((EUID == 0)) && chown satchel-test: "$MLSDFTP_ROOT/large.bin" 2>/dev/null || true

# The baseline: curl fetching the raw listing. Over TLS when this curl and pyftpdlib
# agree (see bench_ftp_list.sh: pyftpdlib issue #604), else over plain FTP.
mu=$MLSDFTP_USER mp=$MLSDFTP_PASSWORD
curl_cmd=(curl -sS --ssl-reqd --cacert "$MLSDFTP_CA" -u "$mu:$mp" -X MLSD -o /dev/null -w '%{time_total}\n'
  "ftp://127.0.0.1:$MLSDFTP_TLS_PORT/big/")
how="explicit TLS"
if ! "${curl_cmd[@]}" >/dev/null 2>&1; then
  curl_cmd=(curl -sS -u "$mu:$mp" -X MLSD -o /dev/null -w '%{time_total}\n' "ftp://127.0.0.1:$MLSDFTP_PLAIN_PORT/big/")
  how="plain FTP (this curl cannot list from pyftpdlib over TLS)"
fi
runs=()
for ((i = 0; i < repeat; i++)); do runs+=("$("${curl_cmd[@]}")"); done
curl_ms=$(printf '%s\n' "${runs[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] * 1000}')
echo "curl raw MLSD listing over $how: median $curl_ms ms (${runs[*]} s)" >&2

printf '\nThe file window: %d-entry folder, %d MiB download, pyftpdlib on loopback (explicit FTPS)\n\n' "$count" "$size_mib"
QT_QPA_PLATFORM=offscreen "$bench" --env "$work/mlsdftp/env" --file /large.bin --big-dir /big \
  --curl-ms "$curl_ms" --repeat "$repeat"

#!/usr/bin/env bash
# Benchmark (issue #6): `satchel-cli ftp URL ls DIR --json` of a directory of N files
# (default 100,000) plus a few subdirectories, on loopback, against the baseline
# measured in the same run: curl fetching the same raw listing (MLSD from the pyftpdlib
# server via `curl -X MLSD`, LIST from vsftpd via curl's default listing). The
# directory is made fresh for each run: names with spaces, doubled spaces and
# non-ASCII letters, varied sizes (sparse files, some over 4 GiB).
# Cases: MLSD over plain FTP and over explicit TLS (pyftpdlib), and LIST over explicit
# TLS (vsftpd, only as root: it logs in a local user). Each client runs REPEAT times
# (default 3), alternating; the median wall time, CPU (user + system) and peak RSS of
# each are reported. Target: Satchel's wall time <= 1.2x curl's.
# Satchel's JSON is checked once per case, outside the timing, against the directory
# itself (every name, type and file size); a wrong listing fails the benchmark.
#   tests/bench/bench_ftp_list.sh [BUILD_DIR] [N] [REPEAT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then build=$root/build; else build=${1:-$root/build}; shift || true; fi
count=${1:-100000}
repeat=${2:-3}
subdirs=5
target=1.2
cli=$build/app/satchel-cli
PY=/usr/bin/python3 # Debian's: pyftpdlib is installed for it
[[ -x "$cli" ]] || { echo "build first: $cli is missing" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time (GNU time) is needed for CPU and RSS" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed for the baseline" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-ftplist.XXXXXX")
cleanup() {
  "$root/tests/servers/mlsdftp.sh" stop "$work/mlsdftp" >/dev/null 2>&1 || true
  "$root/tests/servers/vsftpd.sh" stop "$work/vsftpd" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/tests/servers/mlsdftp.sh" start "$work/mlsdftp" >/dev/null
# shellcheck disable=SC1091
source "$work/mlsdftp/env"
with_vsftpd=0
if ((EUID == 0)); then
  "$root/tests/servers/vsftpd.sh" start "$work/vsftpd" >/dev/null
  # shellcheck disable=SC1091
  source "$work/vsftpd/env"
  with_vsftpd=1
fi

# make_dir ROOT: ROOT/big with N files and the subdirectories, owned by the servers'
# user (as root). Deterministic, so both servers get the same directory.
make_dir() {
  "$PY" "$here/make_big_dir.py" "$1/big" "$count" "$subdirs"
}

# verify JSON DIR LABEL: satchel's listing against the directory: the same names, types
# and (for files) sizes, nothing more, nothing less.
verify() {
  "$PY" - "$1" "$2" "$3" <<'PY' || exit 1
import json, os, stat, sys
path, d, label = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    got = json.load(f)
want = {}
for e in os.scandir(d):
    st = e.stat(follow_symlinks=False)
    want[e.name] = ("dir" if stat.S_ISDIR(st.st_mode) else "file", st.st_size)
problems = []
seen = set()
for r in got:
    name = r.get("name")
    if name in seen:
        problems.append("listed twice: %r" % name)
    seen.add(name)
    if name not in want:
        problems.append("not in the directory: %r" % name)
        continue
    typ, size = want[name]
    if r.get("type") != typ:
        problems.append("%r: type %r, should be %r" % (name, r.get("type"), typ))
    elif typ == "file" and r.get("size") != size:
        problems.append("%r: size %r, should be %d" % (name, r.get("size"), size))
missing = [n for n in want if n not in seen]
if missing:
    problems.append("%d names missing, e.g. %s" % (len(missing), ", ".join(repr(n) for n in missing[:3])))
if len(got) != len(want) or problems:
    print("satchel-cli ls (%s) is wrong: %d entries listed, the directory has %d" % (label, len(got), len(want)), file=sys.stderr)
    for p in problems[:10]:
        print("  " + p, file=sys.stderr)
    if len(problems) > 10:
        print("  ... and %d more" % (len(problems) - 10), file=sys.stderr)
    sys.exit(1)
PY
}

# measure CMD...: prints "wall cpu rss_kib" (CPU = user + system, RSS = peak, of the command).
measure() {
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
    echo "failed: $*" >&2
    cat "$work/err" >&2
    return 1
  fi
  awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4}' "$work/time"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
column_median() { printf '%s\n' "${@:2}" | awk -v c="$1" '{print $c}' | median; }

results=()
# bench LABEL RAWFILE DIR -- CURL_CMD... -- SATCHEL_CMD...: verifies, then times both.
bench() {
  local label=$1 raw=$2 dir=$3 curl_cmd=() sat_cmd=() curl_runs=() sat_runs=() out
  shift 4
  while [[ $1 != -- ]]; do curl_cmd+=("$1"); shift; done
  shift
  sat_cmd=("$@")
  # Untimed first runs (they also warm the server's directory cache): curl's raw
  # listing must have every entry, and satchel's JSON must match the directory.
  "${curl_cmd[@]}" >"$raw" || { echo "curl failed ($label)" >&2; exit 1; }
  local lines
  lines=$(grep -c . "$raw" || true)
  ((lines == count + subdirs)) || { echo "curl's raw listing ($label) has $lines lines, expected $((count + subdirs))" >&2; exit 1; }
  "${sat_cmd[@]}" >"$work/listing.json" 2>"$work/err" || { echo "satchel-cli failed ($label)" >&2; cat "$work/err" >&2; exit 1; }
  verify "$work/listing.json" "$dir" "$label"
  for ((i = 0; i < repeat; i++)); do
    out=$(measure "${curl_cmd[@]}") || exit 1
    curl_runs+=("$out")
    out=$(measure "${sat_cmd[@]}") || exit 1
    sat_runs+=("$out")
  done
  results+=("$label|$(stat -c %s "$raw")|$(column_median 1 "${curl_runs[@]}") $(column_median 2 "${curl_runs[@]}") $(column_median 3 "${curl_runs[@]}")|$(column_median 1 "${sat_runs[@]}") $(column_median 2 "${sat_runs[@]}") $(column_median 3 "${sat_runs[@]}")|$(printf '%s ' "${curl_runs[@]%% *}")|$(printf '%s ' "${sat_runs[@]%% *}")")
}

echo "making the directory: $count files + $subdirs subdirectories ..." >&2
make_dir "$MLSDFTP_ROOT"
((with_vsftpd)) && make_dir "$VSFTPD_ROOT"

mu=$MLSDFTP_USER mp=$MLSDFTP_PASSWORD
export SATCHEL_PASSWORD=$mp
echo "MLSD, plain ..." >&2
bench "MLSD plain (pyftpdlib)" "$work/raw-mlsd-plain" "$MLSDFTP_ROOT/big" \
  -- curl -sS -u "$mu:$mp" -X MLSD "ftp://127.0.0.1:$MLSDFTP_PLAIN_PORT/big/" \
  -- "$cli" --json --insecure-plain ftp "ftp://$mu@127.0.0.1:$MLSDFTP_PLAIN_PORT" ls big

notes=()
# curl >= 7.87 starts the data channel's TLS handshake before it sends the listing
# command, and pyftpdlib 1.5.7 drops a data connection that speaks before the command
# (pyftpdlib issue #604: "Bad PASV/EPSV response: 200"). Probe on the small root listing.
if curl -sS --ssl-reqd --cacert "$MLSDFTP_CA" -u "$mu:$mp" -X MLSD -o /dev/null "ftp://127.0.0.1:$MLSDFTP_TLS_PORT/" 2>"$work/probe"; then
  echo "MLSD, explicit TLS ..." >&2
  bench "MLSD TLS (pyftpdlib)" "$work/raw-mlsd-tls" "$MLSDFTP_ROOT/big" \
    -- curl -sS --ssl-reqd --cacert "$MLSDFTP_CA" -u "$mu:$mp" -X MLSD "ftp://127.0.0.1:$MLSDFTP_TLS_PORT/big/" \
    -- "$cli" --json --ca-file "$MLSDFTP_CA" ftp "ftp://$mu@127.0.0.1:$MLSDFTP_TLS_PORT" ls big
else
  notes+=("MLSD over TLS not compared: curl $(curl --version | awk 'NR==1{print $2}') cannot list from this pyftpdlib over TLS ($(head -1 "$work/probe")): it starts the data-channel TLS handshake before the command, which pyftpdlib (issue #604) drops")
fi

if ((with_vsftpd)); then
  vu=$VSFTPD_USER vp=$VSFTPD_PASSWORD
  echo "LIST, explicit TLS (vsftpd) ..." >&2
  export SATCHEL_PASSWORD=$vp
  bench "LIST TLS (vsftpd)" "$work/raw-list-tls" "$VSFTPD_ROOT/big" \
    -- curl -sS --ssl-reqd --cacert "$VSFTPD_CA" -u "$vu:$vp" "ftp://127.0.0.1:$VSFTPD_PORT/big/" \
    -- "$cli" --json --ca-file "$VSFTPD_CA" ftp "ftp://$vu@127.0.0.1:$VSFTPD_PORT" ls big
else
  notes+=("LIST over TLS (vsftpd) not run: vsftpd needs root")
fi

printf '\nFTP ls of a directory of %d files + %d subdirectories on loopback, median of %d runs (alternating)\n' "$count" "$subdirs" "$repeat"
printf 'target: satchel-cli ls --json wall time <= %sx curl fetching the same raw listing\n\n' "$target"
printf '  %-24s %-8s %9s %8s %8s %10s  %-7s %s\n' case client "wall s" "cpu s" "RSS MiB" "raw MB" ratio result
for r in "${results[@]}"; do
  IFS='|' read -r label bytes c s cruns sruns <<<"$r"
  read -r cw cc cm <<<"$c"
  read -r sw sc sm <<<"$s"
  ratio=$(awk -v a="$sw" -v b="$cw" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
  verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN {print (r <= t ? "PASS" : "MISS")}')
  printf '  %-24s %-8s %9.2f %8.2f %8.1f %10.1f  %-7s %s\n' "$label" curl "$cw" "$cc" "$(awk -v k="$cm" 'BEGIN {print k / 1024}')" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "" "runs: $cruns"
  printf '  %-24s %-8s %9.2f %8.2f %8.1f %10s  %-7s %s\n' "" satchel "$sw" "$sc" "$(awk -v k="$sm" 'BEGIN {print k / 1024}')" "" "${ratio}x" "$verdict  runs: $sruns"
done
for n in "${notes[@]}"; do printf '  note: %s\n' "$n"; done

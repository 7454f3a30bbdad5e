#!/usr/bin/env bash
# Benchmark: IMAP folder sync with `satchel-cli imap URL sync INBOX --cache DIR` against
# a real Dovecot on loopback (imap:// with STARTTLS), each baseline measured in the same
# run against the same server by imap_raw_baseline.py (a raw-socket Python client).
#   tests/bench/bench_imap_sync.sh [BUILD_DIR] [N] [REPEAT]
# A first argument that is a number is N (BUILD_DIR defaults to build/): N messages in
# the INBOX (default 100,000), REPEAT runs of everything timed (default 3), medians.
#
# 1. Full sync, cold cache, of N messages, timed with /usr/bin/time (wall, user, sys,
#    max RSS), against a raw STARTTLS client doing SELECT and
#    UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE) without parsing.
#    Targets: wall <= 1.15x raw; CPU (user + sys) <= 3 us per message; peak RSS <= 150 MB.
# 2. Resync after 10 changes (5 flag changes, 3 expunges, 2 appends, made fresh before
#    every run), timed with bash's `time` (millisecond resolution), against
#    A: the bare QRESYNC exchange (ENABLE QRESYNC, SELECT (QRESYNC (uidvalidity modseq)),
#       UID FETCH uidnext:* of the new messages) with the values from before the changes;
#    B: a full UID FETCH 1:* (FLAGS).
#    Targets: wall <= 1.2x A; CPU <= 20 ms; >= 3x faster than B.
# Every wall time is that of the whole process (start-up included) for satchel and the
# Python baselines alike; the baselines' own connect-to-LOGOUT time is shown beside it.
# SATCHEL_BENCH_BASELINES_ONLY=1 measures only the seeding and the baselines (no CLI).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then build=$root/build; else build=${1:-$root/build}; shift || true; fi
count=${1:-100000}
repeat=${2:-3}
((count >= 1000)) || { echo "N must be at least 1000" >&2; exit 1; }
baselines_only=${SATCHEL_BENCH_BASELINES_ONLY:-0}
cli=$build/app/satchel-cli
[[ -x "$cli" || ! -x "$build/app/cli/satchel-cli" ]] || cli=$build/app/cli/satchel-cli
if [[ "$baselines_only" != 1 ]]; then
  [[ -x "$cli" ]] || { echo "build first: $cli is missing (SATCHEL_BENCH_BASELINES_ONLY=1 measures the baselines alone)" >&2; exit 1; }
  "$cli" --help 2>&1 | grep -w imap >/dev/null || {
    echo "$cli has no imap command (SATCHEL_BENCH_BASELINES_ONLY=1 measures the baselines alone)" >&2
    exit 1
  }
fi
py=/usr/bin/python3
raw=$here/imap_raw_baseline.py
# run_user / as_run_user: the account the test Dovecot runs as (satchel-test when root).
# shellcheck disable=SC1091
source "$root/tests/servers/lib.sh"

rundir=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-imap.XXXXXX")
trap '"$root/tests/servers/dovecot.sh" stop "$rundir/dovecot" >/dev/null || true; rm -rf "$rundir"' EXIT
"$root/tests/servers/dovecot.sh" start "$rundir/dovecot" >/dev/null
# shellcheck disable=SC1091
source "$rundir/dovecot/env"
user=alice
# shellcheck disable=SC2154
pass=$DOVECOT_PASSWORD_alice
port=$DOVECOT_IMAP_PORT
url="imap://$user@127.0.0.1:$port"
export SATCHEL_PASSWORD=$pass
conn=(127.0.0.1 "$port" "$user" "$pass" "$DOVECOT_CA")

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { # field KEY LINE...: the value of KEY=VALUE in the line
  local key=$1
  shift
  tr ' ' '\n' <<<"$*" | sed -n "s/^$key=//p"
}

# --- Seed: N message files written straight into alice's Maildir cur/, as the server's
# user, with Dovecot's own name format (size and virtual size in the name) and flags
# varied; then Dovecot indexes them once (doveadm force-resync), untimed, and keeps
# modseqs from then on (a SELECT with CONDSTORE).
maildir=$DOVECOT_STATE/home/$user/Maildir
t0=$(now)
# The seeding program is fed on stdin, so the server's user needs no access to the checkout.
as_run_user "$py" - "$maildir" "$count" <"$here/seed_maildir.py"
seed_s=$(since "$t0")
bytes=$(du -sb "$maildir/cur" | cut -f1)
t0=$(now)
as_run_user /usr/bin/doveadm -c "$DOVECOT_STATE/dovecot.conf" force-resync -u "$user" INBOX
index_s=$(since "$t0")
# Modseqs from now on: Dovecot keeps none for a mailbox until a client asks, and the
# first change after that would give every message a new modseq.
"$py" "$raw" condstore "${conn[@]}"
# Warm-up: the first fetch parses every message for ENVELOPE and fills Dovecot's cache
# file; after it, baseline and satchel read the same warm index and page cache.
t0=$(now)
warm=$("$py" "$raw" full "${conn[@]}")
warm_s=$(since "$t0")
[[ "$(field exists "$warm")" == "$count" ]] || { echo "INBOX has $(field exists "$warm") messages, not $count" >&2; exit 1; }
printf 'seeded %d messages (%.1f MB) in %s s; doveadm force-resync %s s; warm-up fetch %s s\n' \
  "$count" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "$seed_s" "$index_s" "$warm_s" >&2

# gnu_time OUT CMD...: runs CMD with its output in OUT; leaves "wall user sys maxrss_kb"
# (seconds, KiB) in $rundir/time. Exits the benchmark when CMD fails.
gnu_time() {
  local out=$1
  shift
  /usr/bin/time -o "$rundir/time.gnu" -f '%e %U %S %M' "$@" >"$out" 2>"$rundir/err" || {
    cat "$rundir/err" >&2
    echo "failed: $*" >&2
    exit 1
  }
  tail -n 1 "$rundir/time.gnu" >"$rundir/time"
}
# bash_time OUT CMD...: the same with bash's time, to the millisecond, without RSS:
# "wall user sys" in $rundir/time.
bash_time() {
  local out=$1
  shift
  { TIMEFORMAT='%3R %3U %3S'; time "$@" >"$out" 2>"$rundir/err"; } 2>"$rundir/time" || {
    cat "$rundir/err" >&2
    echo "failed: $*" >&2
    exit 1
  }
}
sync_cmd=("$cli" --ca-file "$DOVECOT_CA" --json imap "$url" sync INBOX --cache)
json_fields() { # the sync document's new changed vanished total seconds full
  "$py" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(*(d[k] for k in ("new", "changed", "vanished", "total", "seconds")), str(d.get("full", "?")).lower())' "$1"
}

# --- 1. Full sync, cold cache, alternating which goes first.
raw_w=() raw_c=() raw_m=() raw_in=() sa_w=() sa_c=() sa_m=() sa_us=()
cache=
run_raw_full() {
  local w u s m
  gnu_time "$rundir/raw.out" "$py" "$raw" full "${conn[@]}"
  read -r w u s m <"$rundir/time"
  raw_w+=("$w") raw_c+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')") raw_m+=("$m")
  raw_in+=("$(field seconds "$(cat "$rundir/raw.out")")")
  fetch_bytes=$(field fetch_bytes "$(cat "$rundir/raw.out")")
}
run_satchel_full() {
  local w u s m i=$1 new changed vanished total secs full
  [[ -z "$cache" ]] || rm -rf "$cache"
  cache=$rundir/cache-$i
  mkdir -p "$cache"
  gnu_time "$rundir/sync.json" "${sync_cmd[@]}" "$cache"
  read -r w u s m <"$rundir/time"
  json_fields "$rundir/sync.json" >"$rundir/fields"
  read -r new changed vanished total secs full <"$rundir/fields"
  echo "  cold sync $i: new=$new changed=$changed vanished=$vanished total=$total full=$full seconds=$secs" >&2
  [[ "$total" == "$count" && "$new" == "$count" ]] || { echo "MISMATCH: cold sync of $count messages reported new=$new total=$total"; exit 1; }
  sa_w+=("$w") sa_c+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')") sa_m+=("$m")
  sa_us+=("$(awk -v u="$u" -v s="$s" -v n="$count" 'BEGIN {print (u + s) / n * 1e6}')")
}
for ((i = 1; i <= repeat; i++)); do
  if [[ "$baselines_only" == 1 ]]; then
    run_raw_full
  elif ((i % 2)); then
    run_raw_full
    run_satchel_full "$i"
  else
    run_satchel_full "$i"
    run_raw_full
  fi
done

# --- 2. Resync after 10 changes. Each round: STATUS (the values a QRESYNC client would
# have kept), 10 changes by another connection, then baseline A and satchel's resync
# (alternating which goes first; neither changes the mailbox), then baseline B.
# Between the changes and the timed runs the mailbox settles, untimed: Dovecot reads the
# whole cur/ directory (100,000 entries: 0.3 s) at every SELECT while the directory's
# mtime is under about 2 s old, and once more after that. Whichever client came first
# would pay it, so it is paid here: wait 2 s, then one SELECT.
a_w=() a_in=() b_w=() b_in=() r_w=() r_c=()
run_a() {
  local w u s
  bash_time "$rundir/a.out" "$py" "$raw" qresync "${conn[@]}" "$uidvalidity" "$modseq" "$uidnext"
  read -r w u s <"$rundir/time"
  a_w+=("$w") a_in+=("$(field seconds "$(cat "$rundir/a.out")")")
  echo "  resync $i, raw QRESYNC: $(field select_fetches "$(cat "$rundir/a.out")") FETCH in the SELECT response," \
    "$(field fetch_bytes "$(cat "$rundir/a.out")") bytes of UID FETCH $uidnext:* ($(cat "$rundir/changes.out"))" >&2
}
run_resync() {
  local w u s new changed vanished total secs full expect=$((messages - 3 + 2))
  bash_time "$rundir/resync.json" "${sync_cmd[@]}" "$cache"
  read -r w u s <"$rundir/time"
  json_fields "$rundir/resync.json" >"$rundir/fields"
  read -r new changed vanished total secs full <"$rundir/fields"
  echo "  resync $i: new=$new changed=$changed vanished=$vanished total=$total full=$full seconds=$secs" >&2
  # "full": satchel's own word that it fell back to a full resync (not QRESYNC).
  if [[ "$new" != 2 || "$vanished" != 3 || "$changed" -lt 5 || "$total" != "$expect" || "$full" == true ]]; then
    echo "MISMATCH: resync $i reported new=$new changed=$changed vanished=$vanished total=$total full=$full;" \
      "expected new=2 changed>=5 vanished=3 total=$expect full=false ($(cat "$rundir/changes.out"))"
    exit 1
  fi
  r_w+=("$w") r_c+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
}
for ((i = 1; i <= repeat; i++)); do
  st=$("$py" "$raw" status "${conn[@]}")
  read -r uidvalidity modseq uidnext messages <<<"$st"
  "$py" "$raw" changes "${conn[@]}" "$((1000 + i))" >"$rundir/changes.out"
  sleep 2
  "$py" "$raw" condstore "${conn[@]}"
  if [[ "$baselines_only" == 1 ]]; then
    run_a
  elif ((i % 2)); then
    run_a
    run_resync
  else
    run_resync
    run_a
  fi
  bash_time "$rundir/b.out" "$py" "$raw" flags "${conn[@]}"
  read -r w _ <"$rundir/time"
  b_w+=("$w") b_in+=("$(field seconds "$(cat "$rundir/b.out")")")
done
py_start=$( { TIMEFORMAT='%3R'; time "$py" -c 'import socket, ssl, imaplib' ; } 2>&1 )

# --- Report.
med() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "inf"}'; }
verdict() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN {ok = (d == "le") ? v <= t : v >= t; print ok ? "PASS" : "MISS"}'; }
row() { printf '  %-40s %12s %12s %8s %10s  %s\n' "$@"; }

rw=$(med "${raw_w[@]}") rc=$(med "${raw_c[@]}") rm_=$(med "${raw_m[@]}") rin=$(med "${raw_in[@]}")
aw=$(med "${a_w[@]}") ain=$(med "${a_in[@]}") bw=$(med "${b_w[@]}") bin=$(med "${b_in[@]}")
echo
printf 'IMAP sync of %d messages (%.1f MB in the Maildir) over STARTTLS from Dovecot %s on loopback, median of %d runs\n' \
  "$count" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "$(/usr/sbin/dovecot --version | cut -d' ' -f1)" "$repeat"
printf '  raw UID FETCH 1:* (baseline):  wall %6.2f s (in-script %.2f s)  cpu %.2f s  rss %.1f MB  fetch %.1f MB   runs: %s\n' \
  "$rw" "$rin" "$rc" "$(awk -v k="$rm_" 'BEGIN {print k * 1024 / 1e6}')" "$(awk -v b="$fetch_bytes" 'BEGIN {print b / 1e6}')" "${raw_w[*]}"
printf '  raw QRESYNC resync (A):        wall %6.3f s (in-script %.3f s)   runs: %s\n' "$aw" "$ain" "${a_w[*]}"
printf '  raw UID FETCH 1:* (FLAGS) (B): wall %6.3f s (in-script %.3f s)   runs: %s\n' "$bw" "$bin" "${b_w[*]}"
printf '  python3 start-up with socket, ssl, imaplib: %s s (in every baseline wall time)\n' "$py_start"
printf '  B / A: %s (the most a QRESYNC client could gain over B here: both pay Dovecot'"'"'s own costs)\n' "$(ratio "$bw" "$aw")"
if [[ "$baselines_only" == 1 ]]; then
  echo "  satchel-cli not measured (SATCHEL_BENCH_BASELINES_ONLY=1)"
  exit 0
fi
sw=$(med "${sa_w[@]}") sc=$(med "${sa_c[@]}") sm=$(med "${sa_m[@]}") sus=$(med "${sa_us[@]}")
smb=$(awk -v k="$sm" 'BEGIN {printf "%.1f", k * 1024 / 1e6}')
xw=$(med "${r_w[@]}") xc=$(med "${r_c[@]}")
xc_ms=$(awk -v c="$xc" 'BEGIN {printf "%.1f", c * 1000}')
printf '  satchel-cli sync, cold cache:  wall %6.2f s  cpu %.2f s  rss %s MB   runs: %s\n' "$sw" "$sc" "$smb" "${sa_w[*]}"
printf '  satchel-cli sync, resync:      wall %6.3f s  cpu %.3f s   runs: %s\n' "$xw" "$xc" "${r_w[*]}"
echo
row target satchel baseline ratio goal result
full_ratio=$(ratio "$sw" "$rw")
row "full sync wall vs raw fetch" "${sw} s" "${rw} s" "${full_ratio}x" "<= 1.15x" "$(verdict "$full_ratio" 1.15 le)"
row "full sync CPU per message" "$(printf '%.2f' "$sus") us" "-" "-" "<= 3 us" "$(verdict "$sus" 3 le)"
row "full sync peak RSS" "$smb MB" "$(awk -v k="$rm_" 'BEGIN {printf "%.1f", k * 1024 / 1e6}') MB" "-" "<= 150 MB" "$(verdict "$smb" 150 le)"
a_ratio=$(ratio "$xw" "$aw")
row "resync wall vs raw QRESYNC (A)" "${xw} s" "${aw} s" "${a_ratio}x" "<= 1.2x" "$(verdict "$a_ratio" 1.2 le)"
# The same against A's exchange alone, without Python's start-up: stricter, for reference.
a_ratio_in=$(ratio "$xw" "$ain")
row "  (vs A's exchange alone, no start-up)" "${xw} s" "$(printf '%.3f' "$ain") s" "${a_ratio_in}x" "<= 1.2x" "$(verdict "$a_ratio_in" 1.2 le)"
row "resync CPU" "${xc_ms} ms" "-" "-" "<= 20 ms" "$(verdict "$xc_ms" 20 le)"
b_speedup=$(ratio "$bw" "$xw")
row "resync speed-up vs raw FLAGS fetch (B)" "${xw} s" "${bw} s" "${b_speedup}x" ">= 3x" "$(verdict "$b_speedup" 3 ge)"

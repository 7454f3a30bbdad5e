#!/usr/bin/env bash
# Benchmark: the mail window's message list (issue 8) with a real Dovecot on loopback.
#   tests/bench/bench_mail_window.sh [BUILD_DIR] [N] [OPTION...]
# A first argument that is a number is N (BUILD_DIR defaults to build/): N messages in
# the INBOX (default 100,000). Further arguments go to the program (--repeat 7,
# --no-watch, --idle-ms 5000, --imaps; see tests/bench/bench_mail_window.cpp).
#
# Seeds N messages with seed_maildir.py (the messages bench_imap_sync.sh seeds), lets
# Dovecot index them and warms its cache (untimed, as bench_imap_sync.sh does), then runs
# build/tests/bench/bench_mail_window (QT_QPA_PLATFORM=offscreen), which measures, each
# against its baseline in the same run:
#  a) the GUI thread's event-loop stalls (gaps of a 1 ms timer) during a full sync of the
#     folder into an empty cache by the account engine on its thread, against the same
#     timer idle. Targets: no stall over 16 ms; p99 <= 8 ms;
#  b) opening the folder from the warm cache until its first rows are painted (median of
#     5), against a raw SQL query of the first 50 rows. Target: <= 150 ms;
#  c) bytes per message the list model holds: its own count and the growth of the
#     process's RSS, after reading every row. Target: <= 350 bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then build=$root/build; else build=${1:-$root/build}; shift || true; fi
count=${1:-100000}
shift || true
((count >= 1000)) || { echo "N must be at least 1000" >&2; exit 1; }
bench=$build/tests/bench/bench_mail_window
[[ -x "$bench" ]] || { echo "build first: $bench is missing" >&2; exit 1; }
py=/usr/bin/python3
raw=$here/imap_raw_baseline.py
# run_user / as_run_user: the account the test Dovecot runs as (satchel-test when root).
# shellcheck disable=SC1091
source "$root/tests/servers/lib.sh"

rundir=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-window.XXXXXX")
trap '"$root/tests/servers/dovecot.sh" stop "$rundir/dovecot" >/dev/null || true; rm -rf "$rundir"' EXIT
"$root/tests/servers/dovecot.sh" start "$rundir/dovecot" >/dev/null
# shellcheck disable=SC1091
source "$rundir/dovecot/env"
user=alice
# shellcheck disable=SC2154
conn=(127.0.0.1 "$DOVECOT_IMAP_PORT" "$user" "$DOVECOT_PASSWORD_alice" "$DOVECOT_CA")

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
field() { # field KEY LINE...: the value of KEY=VALUE in the line
  local key=$1
  shift
  tr ' ' '\n' <<<"$*" | sed -n "s/^$key=//p"
}

# --- Seed (untimed): the script is read from stdin, so the server's user need not be
# able to read this checkout.
maildir=$DOVECOT_STATE/home/$user/Maildir
t0=$(now)
as_run_user "$py" - "$maildir" "$count" <"$here/seed_maildir.py"
seed_s=$(since "$t0")
t0=$(now)
as_run_user /usr/bin/doveadm -c "$DOVECOT_STATE/dovecot.conf" force-resync -u "$user" INBOX
index_s=$(since "$t0")
# Modseqs from now on (see bench_imap_sync.sh): the engine's resyncs use QRESYNC.
"$py" "$raw" condstore "${conn[@]}"
# Warm-up: the first fetch fills Dovecot's cache file; the sync then reads a warm index.
t0=$(now)
warm=$("$py" "$raw" full "${conn[@]}")
warm_s=$(since "$t0")
[[ "$(field exists "$warm")" == "$count" ]] || { echo "INBOX has $(field exists "$warm") messages, not $count" >&2; exit 1; }
printf 'seeded %d messages in %s s; doveadm force-resync %s s; warm-up fetch %s s\n' \
  "$count" "$seed_s" "$index_s" "$warm_s" >&2

# --- The benchmark, in one process: sync, open, bytes.
printf 'Dovecot %s on loopback, imap:// with STARTTLS, %s\n' "$(/usr/sbin/dovecot --version | cut -d' ' -f1)" \
  "$(nproc) cores"
QT_QPA_PLATFORM=offscreen "$bench" "$rundir/dovecot/env" "$rundir/cache" INBOX --expect "$count" "$@"

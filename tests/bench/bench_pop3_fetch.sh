#!/usr/bin/env bash
# Benchmark: download N messages (default 10,000) over POP3 with TLS from a real
# Dovecot on loopback into a Maildir with `satchel-cli pop3 fetch`, against the
# baseline measured in the same run: a Python poplib RETR loop writing files
# (pop3_poplib_baseline.py). Each is run REPEAT times (default 3), alternating; the
# median wall time of each is reported, and the ratio. Target: Satchel >= 1.5x faster.
#   tests/bench/bench_pop3_fetch.sh [BUILD_DIR] [N] [REPEAT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
count=${2:-10000}
repeat=${3:-3}
cli=$build/app/satchel-cli
[[ -x "$cli" ]] || { echo "build first: $cli is missing" >&2; exit 1; }

rundir=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-pop3.XXXXXX")
trap '"$root/tests/servers/dovecot.sh" stop "$rundir/dovecot" >/dev/null || true; rm -rf "$rundir"' EXIT
"$root/tests/servers/dovecot.sh" start "$rundir/dovecot" >/dev/null
# shellcheck disable=SC1091
source "$rundir/dovecot/env"

# N messages of about 4 KB (headers plus a text body), written straight into dave's
# Maildir: Dovecot picks them up like delivered mail.
maildir="$DOVECOT_STATE/home/dave/Maildir"
/usr/bin/python3 - "$maildir" "$count" <<'PY'
import os, sys, random
root, n = sys.argv[1], int(sys.argv[2])
for sub in ("tmp", "new", "cur"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
rnd = random.Random(42)
words = "the quick brown fox jumps over a lazy dog mail server client folder message".split()
for i in range(n):
    body = "\n".join(" ".join(rnd.choice(words) for _ in range(12)) for _ in range(60))
    msg = ("From: Sender %d <s%d@example.org>\nTo: dave@example.org\nSubject: message %d\n"
           "Date: Mon, 23 Nov 2026 09:15:00 +0100\nMessage-ID: <%d@bench>\n\n%s\n.leading dot line\n" % (i, i, i, i, body))
    with open(os.path.join(root, "new", "%d.bench:2," % i), "w") as f:
        f.write(msg)
PY
if ((EUID == 0)); then chown -R satchel-test "$DOVECOT_STATE/home"; fi
bytes=$(du -sb "$maildir/new" | cut -f1)

measure() { # prints seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

satchel_times=() python_times=()
for ((i = 1; i <= repeat; i++)); do
  rm -rf "$rundir/py" "$rundir/md"
  python_times+=("$(measure /usr/bin/python3 "$here/pop3_poplib_baseline.py" 127.0.0.1 "$DOVECOT_POP3S_PORT" dave "$DOVECOT_PASSWORD_dave" "$DOVECOT_CA" "$rundir/py")")
  satchel_times+=("$(SATCHEL_PASSWORD=$DOVECOT_PASSWORD_dave measure "$cli" --ca-file "$DOVECOT_CA" pop3 "pop3s://dave@127.0.0.1:$DOVECOT_POP3S_PORT" fetch --maildir "$rundir/md")")
  got=$(ls "$rundir/md/new" | wc -l)
  [[ "$got" == "$count" ]] || { echo "satchel saved $got of $count messages" >&2; exit 1; }
done
py=$(printf '%s\n' "${python_times[@]}" | median)
sa=$(printf '%s\n' "${satchel_times[@]}" | median)
printf 'POP3 fetch of %d messages (%.1f MB) over TLS from Dovecot on loopback, median of %d runs\n' "$count" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "$repeat"
printf '  python poplib RETR loop (baseline): %6.2f s   runs: %s\n' "$py" "${python_times[*]}"
printf '  satchel-cli pop3 fetch --maildir:   %6.2f s   runs: %s\n' "$sa" "${satchel_times[*]}"
printf '  speed-up: %.2fx (target >= 1.5x)\n' "$(awk -v p="$py" -v s="$sa" 'BEGIN {print p / s}')"

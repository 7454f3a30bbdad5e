#!/usr/bin/env bash
# Benchmark: FTP transfers on loopback against vsftpd (explicit FTPS with
# require_ssl_reuse, and plain), Satchel against curl (and lftp for many small files),
# measured in the same run. Reports wall time and the client's CPU (user + system),
# median of REPEAT runs. Needs root (vsftpd logs in a local user) and lftp for the
# small-files case (skipped with a note when absent: it is a baseline, not a test).
#   tests/bench/bench_ftp_transfer.sh [BUILD_DIR] [SIZE_MIB] [REPEAT] [SMALL_FILES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
size_mib=${2:-1024}
repeat=${3:-3}
small=${4:-10000}
cli=$build/app/satchel-cli
[[ -x "$cli" ]] || { echo "build first: $cli is missing" >&2; exit 1; }
((EUID == 0)) || { echo "run as root: vsftpd logs in a local user" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/satchel-bench-ftp.XXXXXX")
cleanup() {
  "$root/tests/servers/vsftpd.sh" stop "$work/vsftpd" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A plain vsftpd as well as the FTPS one: same binary, TLS switched off.
"$root/tests/servers/vsftpd.sh" start "$work/vsftpd" >/dev/null
# shellcheck disable=SC1091
source "$work/vsftpd/env"
plain_conf="$VSFTPD_STATE/plain.conf"
plain_port=$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
sed -e "s/^listen_port=.*/listen_port=$plain_port/" -e 's/^ssl_enable=YES/ssl_enable=NO/' \
  -e '/^force_local/d' -e '/^require_ssl_reuse/d' "$VSFTPD_STATE/vsftpd.conf" >"$plain_conf"
setsid /usr/sbin/vsftpd "$plain_conf" >/dev/null 2>&1 </dev/null &
echo $! >>"$work/vsftpd/pids"
sleep 1

user=$VSFTPD_USER pass=$VSFTPD_PASSWORD
export SATCHEL_PASSWORD=$pass
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/big.bin"
cp "$work/big.bin" "$VSFTPD_ROOT/big.bin"
chown "$user" "$VSFTPD_ROOT/big.bin"

# measure CMD...: prints "wall cpu" in seconds (CPU = user + system of the command).
measure() {
  local out
  out=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$work/err"; } 2>&1 ) || { cat "$work/err" >&2; return 1; }
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<<"$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Before every run: no destination left from the run before (freeing a 1 GiB file would
# be charged to whoever replaces it) and no dirty pages of it still being written back.
# The page cache is emptied and only the two sources read back into it: with the cache
# full of earlier runs' files, the kernel reclaims pages while a run writes, charged to
# whichever client is running, and single runs then took 2-4x their usual CPU.
fresh() {
  rm -f "$work/curl.bin" "$work/sat.bin" "$VSFTPD_ROOT/up-curl.bin" "$VSFTPD_ROOT/up-sat.bin"
  sync
  echo 1 >/proc/sys/vm/drop_caches
  cat "$work/big.bin" "$VSFTPD_ROOT/big.bin" >/dev/null
}

# pair NAME_A FUNC_A NAME_B FUNC_B: the two run alternately, REPEAT times each, so
# both meet the same state of the machine (page cache, write-back); medians printed.
pair() {
  local an=$1 a=$2 bn=$3 b=$4 aw=() ac=() bw=() bc=() w c
  for ((i = 0; i < repeat; i++)); do
    fresh
    read -r w c < <(measure "$a")
    aw+=("$w") ac+=("$c")
    fresh
    read -r w c < <(measure "$b")
    bw+=("$w") bc+=("$c")
    [[ -z ${BENCH_VERBOSE:-} ]] || echo "    run $i: $an ${aw[-1]} s / ${ac[-1]} s, $bn $w s / $c s" >&2
  done
  printf '  %-34s wall %7.3f s   cpu %7.3f s\n' "$an" "$(printf '%s\n' "${aw[@]}" | median)" "$(printf '%s\n' "${ac[@]}" | median)"
  printf '  %-34s wall %7.3f s   cpu %7.3f s\n' "$bn" "$(printf '%s\n' "${bw[@]}" | median)" "$(printf '%s\n' "${bc[@]}" | median)"
}

tls_url="ftp://$user@127.0.0.1:$VSFTPD_PORT"
plain_url="ftp://$user@127.0.0.1:$plain_port"
curl_get() { curl -s -S "${curl_tls[@]}" -u "$user:$pass" -o "$work/curl.bin" "${url/ftp:\/\/$user@/ftp://}/big.bin"; }
sat_get() { "$cli" "${sat[@]}" ftp "$url" get big.bin "$work/sat.bin"; }
curl_put() { curl -s -S "${curl_tls[@]}" -u "$user:$pass" -T "$work/big.bin" "${url/ftp:\/\/$user@/ftp://}/up-curl.bin"; }
sat_put() { "$cli" "${sat[@]}" ftp "$url" put "$work/big.bin" up-sat.bin; }
echo "FTP on loopback, vsftpd 3.0.3, ${size_mib} MiB file, median of $repeat runs, curl and satchel alternating"
for mode in ${BENCH_MODES:-plain tls}; do
  if [[ $mode == tls ]]; then
    url=$tls_url curl_tls=(--ssl-reqd --cacert "$VSFTPD_CA") sat=(--ca-file "$VSFTPD_CA")
  else
    url=$plain_url curl_tls=() sat=(--insecure-plain)
  fi
  echo " get ($mode)"
  pair "curl" curl_get "satchel-cli" sat_get
  cmp -s "$work/big.bin" "$work/sat.bin" || { echo "satchel download differs" >&2; exit 1; }
  echo " put ($mode)"
  pair "curl" curl_put "satchel-cli" sat_put
  cmp -s "$work/big.bin" "$VSFTPD_ROOT/up-sat.bin" || { echo "satchel upload differs" >&2; exit 1; }
done

# Many small files, 4 connections each (TLS).
if ((small > 0)) && command -v lftp >/dev/null; then
  mkdir -p "$work/small"
  /usr/bin/python3 - "$work/small" "$small" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "d%02d" % (i % 50))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%05d.txt" % i), "wb") as f:
        f.write(os.urandom(512 + (i % 7) * 300))
PY
  echo " $small small files, put with 4 connections (TLS)"
  cat >"$work/lftp.rc" <<RC
set ssl:ca-file $VSFTPD_CA
set ftp:ssl-force true
set ftp:ssl-protect-data true
set ssl:check-hostname true
RC
  # Each run uploads into a new folder, so no run finds the files already there.
  lftp_put() { lftp -e "source $work/lftp.rc; mirror -R --parallel=4 $work/small small-lftp-$RANDOM$RANDOM; quit" -u "$user,$pass" "127.0.0.1:$VSFTPD_PORT"; }
  sat_put_tree() { "$cli" --ca-file "$VSFTPD_CA" ftp "$tls_url" put -r "$work/small" "small-sat-$RANDOM$RANDOM" --parallel 4; }
  pair "lftp mirror -R --parallel=4" lftp_put "satchel-cli put -r --parallel 4" sat_put_tree
else
  echo " (no small-files comparison: lftp is not installed, or SMALL_FILES is 0)"
fi

#!/usr/bin/env bash
# The MLSD FTP server (pyftpdlib) for tests and the demo: plain FTP, explicit FTPS and
# implicit FTPS on 127.0.0.1, one virtual user, runs unprivileged.
#
#   mlsdftp.sh start RUNDIR     start; writes RUNDIR/env
#   mlsdftp.sh stop RUNDIR      stop exactly the server started for RUNDIR
source "$(dirname "$0")/lib.sh"

[[ $# -eq 2 ]] || die "usage: $0 start|stop RUNDIR"
cmd=$1 rundir=$2
FTP_USER=satchel
FTP_PASSWORD=satchel-ftp-pw-5Tz

start() {
  "$PY" -c 'import pyftpdlib, OpenSSL' 2>/dev/null ||
    die "pyftpdlib or python3-openssl is not installed (run scripts/setup.sh)"
  mkdir -p "$rundir"
  if [[ -f "$rundir/env" ]]; then "$0" stop "$rundir"; fi
  ensure_test_unix_user
  local state plain tls implicit
  state=$(make_state_dir mlsdftp)
  read -r plain tls implicit < <(free_ports 3)
  make_certs "$state"
  mkdir -p "$state/root"
  printf '%s\n' "$FTP_PASSWORD" >"$state/password"
  chmod 600 "$state/password"
  if ((EUID == 0)); then chown -R "$(run_user)" "$state"; fi
  setsid "${RUN_AS[@]}" "$PY" "$SERVERS_DIR/mlsd_ftpd.py" --root "$state/root" --user "$FTP_USER" \
    --password-file "$state/password" --cert "$state/server.pem" --key "$state/server.key" \
    --plain-port "$plain" --tls-port "$tls" --implicit-port "$implicit" --log "$state/ftpd.log" >"$state/stderr.log" 2>&1 </dev/null &
  echo $! >"$rundir/pids"
  if ! wait_for_port "$plain" 15 || ! wait_for_port "$tls" 15 || ! wait_for_port "$implicit" 15; then
    cat "$state/stderr.log" >&2
    "$0" stop "$rundir" || true
    die "the MLSD FTP server did not start"
  fi
  cat >"$rundir/env" <<ENV
MLSDFTP_STATE=$state
MLSDFTP_HOST=127.0.0.1
MLSDFTP_PLAIN_PORT=$plain
MLSDFTP_TLS_PORT=$tls
MLSDFTP_IMPLICIT_PORT=$implicit
MLSDFTP_CA=$state/ca.pem
MLSDFTP_ROOT=$state/root
MLSDFTP_USER=$FTP_USER
MLSDFTP_PASSWORD=$FTP_PASSWORD
ENV
  echo "mlsdftp: plain $plain, tls $tls, implicit tls $implicit (state $state, pid $(cat "$rundir/pids"))"
}

stop() {
  stop_server "$rundir" mlsdftp MLSDFTP_STATE
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop RUNDIR" ;;
esac

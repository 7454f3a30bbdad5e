#!/usr/bin/env bash
# Real vsftpd for tests: explicit FTPS (AUTH TLS) required for login and data,
# require_ssl_reuse=YES (the data channel must resume the control channel's TLS
# session), passive mode on 127.0.0.1. vsftpd logs in local Unix users through PAM,
# so it needs root: it logs in the satchel-test account, whose FTP root is a
# temporary directory.
#
#   vsftpd.sh start RUNDIR      start; writes RUNDIR/env
#   vsftpd.sh stop RUNDIR       stop exactly the vsftpd started for RUNDIR
source "$(dirname "$0")/lib.sh"

[[ $# -eq 2 ]] || die "usage: $0 start|stop RUNDIR"
cmd=$1 rundir=$2

start() {
  [[ -x /usr/sbin/vsftpd ]] || die "vsftpd is not installed (run scripts/setup.sh)"
  ((EUID == 0)) || die "vsftpd logs in local Unix users and must be started as root (CI runs as root; use sudo)"
  mkdir -p "$rundir"
  if [[ -f "$rundir/env" ]]; then "$0" stop "$rundir"; fi
  ensure_test_unix_user
  local state port
  state=$(make_state_dir vsftpd)
  read -r port < <(free_ports 1)
  make_certs "$state"
  mkdir -p "$state/empty" "$state/root"
  chown "$TEST_UNIX_USER" "$state/root"
  cat >"$state/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$port
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$state/root
userlist_enable=NO
chroot_local_user=YES
allow_writeable_chroot=YES
pam_service_name=vsftpd
secure_chroot_dir=$state/empty
seccomp_sandbox=NO
utf8_filesystem=YES
pasv_enable=YES
pasv_address=127.0.0.1
ssl_enable=YES
allow_anon_ssl=NO
force_local_logins_ssl=YES
force_local_data_ssl=YES
require_ssl_reuse=YES
ssl_ciphers=HIGH
rsa_cert_file=$state/server.pem
rsa_private_key_file=$state/server.key
xferlog_enable=YES
log_ftp_protocol=YES
vsftpd_log_file=$state/vsftpd.log
CONF
  setsid /usr/sbin/vsftpd "$state/vsftpd.conf" >"$state/stderr.log" 2>&1 </dev/null &
  echo $! >"$rundir/pids"
  wait_for_port "$port" 15 || { cat "$state/stderr.log" >&2; "$0" stop "$rundir" || true; die "vsftpd is not listening on $port"; }
  cat >"$rundir/env" <<ENV
VSFTPD_STATE=$state
VSFTPD_HOST=127.0.0.1
VSFTPD_PORT=$port
VSFTPD_CA=$state/ca.pem
VSFTPD_ROOT=$state/root
VSFTPD_USER=$TEST_UNIX_USER
VSFTPD_PASSWORD=$TEST_UNIX_PASSWORD
ENV
  echo "vsftpd: port $port (state $state, pid $(cat "$rundir/pids"))"
}

stop() {
  stop_server "$rundir" vsftpd VSFTPD_STATE
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop RUNDIR" ;;
esac

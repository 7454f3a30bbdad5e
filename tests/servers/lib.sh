# Shared helpers for the test-server scripts. Sourced, not run.
# Every server keeps all of its state in a fresh temporary directory and writes an
# env file (KEY=VALUE lines) into the run directory it was given; tests read that file.

set -euo pipefail

SERVERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Debian's python3, not whatever python3 comes first on PATH: pyftpdlib and
# python3-openssl are installed for it.
PY=/usr/bin/python3

# The unprivileged account the servers run as when the scripts are started by root
# (CI). vsftpd logs it in as a local user, so it also gets a password.
TEST_UNIX_USER=satchel-test
TEST_UNIX_PASSWORD=satchel-test-ftp-pw

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# free_ports N: prints N distinct TCP ports that were free on 127.0.0.1 a moment ago.
# They are drawn below Linux's ephemeral range (ip_local_port_range, 32768 and up by
# default), where the tests' own listeners (port 0) and outgoing connections get theirs:
# between this check and the daemon's bind, none of those can take the port.
free_ports() {
  "$PY" - "$1" <<'PYEOF'
import random, socket, sys
try:
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except (OSError, ValueError, IndexError):
    low = 32768
top = min(low, 32768)
bottom = max(top - 12000, 1024)
socks = []
while len(socks) < int(sys.argv[1]):
    s = socket.socket()
    try:
        # A machine whose ephemeral range starts low leaves no room below it: any free port.
        s.bind(("127.0.0.1", random.randrange(bottom, top) if top - bottom >= 1000 else 0))
    except OSError:
        s.close()
        continue
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PYEOF
}

# wait_for_port PORT SECONDS: waits until something accepts on 127.0.0.1:PORT.
wait_for_port() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    if "$PY" -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "$port" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# make_state_dir NAME: a new temporary directory the servers' user can use.
make_state_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/satchel-$1.XXXXXX")
  chmod 755 "$dir"
  echo "$dir"
}

# run_user: the account servers run as (the caller, or TEST_UNIX_USER when root).
run_user() {
  if ((EUID == 0)); then echo "$TEST_UNIX_USER"; else id -un; fi
}

# ensure_test_unix_user: as root, creates the unprivileged test account once.
ensure_test_unix_user() {
  ((EUID == 0)) || return 0
  # vsftpd changes into the home directory at login, before local_root, so it must exist.
  local home=/var/lib/$TEST_UNIX_USER
  if ! getent passwd "$TEST_UNIX_USER" >/dev/null; then
    useradd --system --shell /bin/bash --home-dir "$home" "$TEST_UNIX_USER"
  fi
  mkdir -p "$home"
  chown "$TEST_UNIX_USER" "$home"
  [[ "$(getent passwd "$TEST_UNIX_USER" | cut -d: -f6)" == "$home" ]] || usermod --home "$home" "$TEST_UNIX_USER"
  echo "$TEST_UNIX_USER:$TEST_UNIX_PASSWORD" | chpasswd
}

# RUN_AS: the command prefix that runs a program as run_user. setpriv execs in place
# (no intermediate process), so $! of a background "${RUN_AS[@]}" server is its own PID.
if ((EUID == 0)); then
  RUN_AS=(setpriv --reuid="$TEST_UNIX_USER" --regid="$TEST_UNIX_USER" --init-groups
    env HOME="/var/lib/$TEST_UNIX_USER")
else
  RUN_AS=()
fi

# as_run_user CMD...: runs CMD as run_user.
as_run_user() { "${RUN_AS[@]}" "$@"; }

# make_certs DIR: a CA and a server certificate for 127.0.0.1 and localhost, made new
# for each run. Reuses DIR/ca.pem when SATCHEL_CERT_DIR points at an existing set
# (the demo starts several servers under one CA).
make_certs() {
  local dir=$1
  if [[ -n "${SATCHEL_CERT_DIR:-}" && -f "$SATCHEL_CERT_DIR/ca.pem" ]]; then
    cp "$SATCHEL_CERT_DIR"/{ca.pem,server.pem,server.key} "$dir/"
    return 0
  fi
  (
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -sha256 \
      -subj "/O=Satchel Test/CN=Satchel Test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout ca.key -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=Satchel Test/CN=localhost" \
      -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -sha256 \
      -extfile server.ext -out server.pem 2>/dev/null
    rm -f server.csr server.ext ca.srl
    chmod 644 server.key
  )
  if [[ -n "${SATCHEL_CERT_DIR:-}" ]]; then
    mkdir -p "$SATCHEL_CERT_DIR"
    cp "$dir"/{ca.pem,server.pem,server.key} "$SATCHEL_CERT_DIR/"
  fi
}

# stop_pids PIDFILE: kills exactly the PIDs listed and waits until they are gone.
stop_pids() {
  local pidfile=$1 pid i
  [[ -f "$pidfile" ]] || return 0
  for pid in $(cat "$pidfile"); do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $(cat "$pidfile"); do
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$pidfile"
}

# stop_server RUNDIR NAME STATE_VARIABLE: stops the PIDs recorded in RUNDIR, removes the
# state directory named in RUNDIR/env by STATE_VARIABLE, and the env file.
stop_server() {
  local rundir=$1 name=$2 statevar=$3
  [[ -f "$rundir/pids" ]] || return 0
  stop_pids "$rundir/pids"
  if [[ -f "$rundir/env" ]]; then
    local state
    state=$(sed -n "s/^$statevar=//p" "$rundir/env")
    [[ -n "$state" && "$state" == "${TMPDIR:-/tmp}"/satchel-* ]] && rm -rf "$state"
    rm -f "$rundir/env"
  fi
  echo "$name: stopped"
}

#!/usr/bin/env bash
# The demo command: installs what is missing, builds, starts local servers (Dovecot
# for IMAP/POP3, the pyftpdlib FTP server) with sample mail and files, and opens
# Satchel. Everything runs on 127.0.0.1 and is stopped when Satchel closes.
# Without a display (a server, CI), Satchel runs under Xvfb and a screenshot is saved.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh --with-demo
cmake --preset default >/dev/null
cmake --build --preset default

rundir=$(mktemp -d "${TMPDIR:-/tmp}/satchel-demo.XXXXXX")
export SATCHEL_CERT_DIR="$rundir/certs"   # one CA for every demo server
cleanup() {
  tests/servers/mlsdftp.sh stop "$rundir/mlsdftp" || true
  tests/servers/dovecot.sh stop "$rundir/dovecot" || true
}
trap cleanup EXIT

tests/servers/dovecot.sh start "$rundir/dovecot"
tests/servers/mlsdftp.sh start "$rundir/mlsdftp"

# Sample mail for alice: a few messages in INBOX, a reply in Sent, nested folders.
tests/servers/dovecot.sh seed "$rundir/dovecot" alice INBOX tests/data/demo/mail/*.eml
tests/servers/dovecot.sh seed "$rundir/dovecot" alice Sent tests/data/demo/mail/01-welcome.eml
tests/servers/dovecot.sh mkfolder "$rundir/dovecot" alice "Projects/Satchel"
tests/servers/dovecot.sh mkfolder "$rundir/dovecot" alice "Reisen/Köln"
tests/servers/dovecot.sh seed "$rundir/dovecot" bob INBOX tests/data/demo/mail/02-travel.eml

# Sample files on the FTP server.
# shellcheck disable=SC1091
source "$rundir/mlsdftp/env"
cp -r tests/data/demo/files/. "$MLSDFTP_ROOT/"
mkdir -p "$MLSDFTP_ROOT/Photos 2026"
head -c 1048576 /dev/urandom >"$MLSDFTP_ROOT/Photos 2026/holiday.jpg.bin"
chmod -R a+rwX "$MLSDFTP_ROOT"
# shellcheck disable=SC1091
source "$rundir/dovecot/env"

cat <<INFO

Satchel demo servers (all on 127.0.0.1; CA certificate: $SATCHEL_CERT_DIR/ca.pem)
  IMAP  imaps://alice@127.0.0.1:$DOVECOT_IMAPS_PORT   STARTTLS: imap://alice@127.0.0.1:$DOVECOT_IMAP_PORT
  POP3  pop3s://bob@127.0.0.1:$DOVECOT_POP3S_PORT     STLS:     pop3://bob@127.0.0.1:$DOVECOT_POP3_PORT
        passwords: alice $DOVECOT_PASSWORD_alice, bob $DOVECOT_PASSWORD_bob
  FTP   ftp://$MLSDFTP_USER@127.0.0.1:$MLSDFTP_TLS_PORT (AUTH TLS), password $MLSDFTP_PASSWORD
        in the window: type ftp://127.0.0.1:$MLSDFTP_TLS_PORT, the user and the password in the
        quick-connect bar (or save it with File > Site Manager...), then trust the demo key

INFO

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  "$root/build/app/satchel"
else
  shot="$rundir/satchel-demo.png"
  echo "No display: running Satchel under Xvfb for 5 seconds; screenshot: $shot"
  xvfb-run -a -s "-screen 0 1280x860x24" bash -c '
    "$1" & pid=$!
    sleep 4
    import -window root "$2"
    kill $pid' _ "$root/build/app/satchel" "$shot"
  cp "$shot" "$root/build/satchel-demo.png"
  echo "screenshot: $root/build/satchel-demo.png"
fi

#!/usr/bin/python3
"""Baselines and helpers for bench_imap_sync.sh. Standard library only.

Every mode connects to HOST:PORT (the STARTTLS port), upgrades with STARTTLS using
CAFILE, as satchel-cli's imap:// does, and logs in. The three baselines talk to the
server over a raw socket and parse nothing but the few numbers they need; each prints
one line of key=value pairs, with seconds measured from connect to the end of LOGOUT.

  imap_raw_baseline.py full    HOST PORT USER PASSWORD CAFILE
      SELECT INBOX, UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)
  imap_raw_baseline.py flags   HOST PORT USER PASSWORD CAFILE
      SELECT INBOX, UID FETCH 1:* (FLAGS)                        (resync baseline B)
  imap_raw_baseline.py qresync HOST PORT USER PASSWORD CAFILE UIDVALIDITY MODSEQ UIDNEXT
      ENABLE QRESYNC, SELECT INBOX (QRESYNC (UIDVALIDITY MODSEQ)),
      UID FETCH UIDNEXT:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)  (baseline A)

Helpers, with imaplib (not timed by the benchmark):
  imap_raw_baseline.py condstore HOST PORT USER PASSWORD CAFILE
      SELECT INBOX (CONDSTORE): Dovecot starts keeping modseqs for the mailbox. Until a
      client asks for them it keeps none, and the first change after that gives every
      message the new modseq (a QRESYNC resync would then see all of them changed).
  imap_raw_baseline.py status  HOST PORT USER PASSWORD CAFILE
      prints "UIDVALIDITY HIGHESTMODSEQ UIDNEXT MESSAGES" of INBOX
  imap_raw_baseline.py changes HOST PORT USER PASSWORD CAFILE SEED
      5 flag changes (+FLAGS \\Flagged on messages without it), 3 expunges
      (\\Deleted + UID EXPUNGE) and 2 appends, on messages picked with SEED
"""
import imaplib
import random
import re
import socket
import ssl
import sys
import time

CHUNK = 1 << 20
# The tagged completion line is short; this much of the stream's end is enough to find it.
TAIL = 1024


class Raw:
    """A raw IMAP connection: writes commands, reads until their tagged response."""

    def __init__(self, host, port, cafile):
        self.sock = socket.create_connection((host, int(port)))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.received = 0
        self.count = 0
        self.greeting = self._read_line()
        self.command(b"STARTTLS")
        ctx = ssl.create_default_context(cafile=cafile)
        self.sock = ctx.wrap_socket(self.sock, server_hostname=host)

    def _read_line(self):
        data = b""
        while not data.endswith(b"\r\n"):
            more = self.sock.recv(4096)
            if not more:
                raise SystemExit("connection closed before the greeting")
            data += more
        self.received += len(data)
        return data

    def command(self, text, keep=True):
        """Sends one command; reads until its tagged response. Returns everything read
        when keep is true (small responses), else b"". Raises on NO or BAD."""
        self.count += 1
        tag = b"B%d" % self.count
        self.sock.sendall(tag + b" " + text + b"\r\n")
        marker = b"\r\n" + tag + b" "
        kept = []
        # Starts as if a line had just ended, so a tagged line first in the stream matches.
        tail = b"\r\n"
        recv = self.sock.recv
        while True:
            data = recv(CHUNK)
            if not data:
                raise SystemExit("connection closed during: %s" % text.decode())
            self.received += len(data)
            if keep:
                kept.append(data)
            tail = (tail + data[-TAIL:])[-TAIL:]
            # The tagged line is the last thing the server sends for this command: only
            # a buffer that ends a line can end with it. (A literal that ends with such
            # text would be followed by more data, and tags here are not words a mail
            # header would hold.)
            if not tail.endswith(b"\r\n"):
                continue
            start = tail.rfind(marker, 0, len(tail) - 2)
            if start < 0 or tail.find(b"\r\n", start + 2) != len(tail) - 2:
                continue
            status = tail[start + len(marker):]
            if not status.startswith(b"OK"):
                raise SystemExit("%s failed: %s" % (text.decode(), status.decode(errors="replace").strip()))
            return b"".join(kept)

    def login(self, user, password):
        self.command(b'LOGIN "%s" "%s"' % (user.encode(), password.encode()))

    def logout(self):
        self.command(b"LOGOUT")
        self.sock.close()


def number(pattern, text):
    m = re.search(pattern, text)
    return int(m.group(1)) if m else -1


def raw_session(args, select, fetch, enable=None):
    host, port, user, password, cafile = args[:5]
    start = time.perf_counter()
    conn = Raw(host, port, cafile)
    conn.login(user, password)
    if enable:
        conn.command(enable)
    selected = conn.command(select)
    before = conn.received
    conn.command(fetch, keep=False)
    fetched = conn.received - before
    conn.logout()
    seconds = time.perf_counter() - start
    # With QRESYNC the SELECT response carries the flag changes; their count (taken after
    # the clock stopped) shows that the exchange was the small one it should be.
    print("exists=%d select_fetches=%d fetch_bytes=%d bytes=%d seconds=%.4f"
          % (number(rb"\* (\d+) EXISTS", selected), selected.count(b" FETCH ("), fetched,
             conn.received, seconds))


def imaplib_login(args):
    host, port, user, password, cafile = args[:5]
    box = imaplib.IMAP4(host, int(port))
    box.starttls(ssl.create_default_context(cafile=cafile))
    box.login(user, password)
    return box


def condstore(args):
    box = imaplib_login(args)
    typ, data = box._simple_command("SELECT", "INBOX", "(CONDSTORE)")
    if typ != "OK":
        raise SystemExit("SELECT (CONDSTORE) failed: %r" % data)
    box.logout()


def status(args):
    box = imaplib_login(args)
    typ, data = box.status("INBOX", "(UIDVALIDITY HIGHESTMODSEQ UIDNEXT MESSAGES)")
    if typ != "OK":
        raise SystemExit("STATUS failed: %r" % data)
    text = data[0]
    print(" ".join(str(number(rb"%s (\d+)" % key, text))
                   for key in (b"UIDVALIDITY", b"HIGHESTMODSEQ", b"UIDNEXT", b"MESSAGES")))
    box.logout()


def check(result, what):
    typ, data = result
    if typ != "OK":
        raise SystemExit("%s failed: %r" % (what, data))
    return data


APPENDED = """\
Date: {date}\r
From: Bench Appender <appender@example.org>\r
To: alice@example.org\r
Subject: appended during resync round {seed}, message {i}\r
Message-ID: <append-{seed}-{i}@bench.example.org>\r
MIME-Version: 1.0\r
Content-Type: text/plain; charset=utf-8\r
\r
A message appended between two syncs, for the resync benchmark.\r
"""


def changes(args):
    seed = int(args[5])
    rnd = random.Random(seed)
    box = imaplib_login(args)
    exists = int(check(box.select("INBOX"), "SELECT")[0])
    if exists < 100:
        raise SystemExit("INBOX has only %d messages" % exists)
    # Candidates by sequence number; their UIDs and flags tell which to use.
    seqs = rnd.sample(range(1, exists + 1), 40)
    data = check(box.fetch(",".join(map(str, seqs)), "(UID FLAGS)"), "FETCH")
    unflagged, others = [], []
    for item in data:
        line = item if isinstance(item, bytes) else item[0]
        uid = number(rb"UID (\d+)", line)
        flags = re.search(rb"FLAGS \(([^)]*)\)", line).group(1)
        (others if b"\\Flagged" in flags or b"\\Deleted" in flags else unflagged).append(uid)
    if len(unflagged) < 8:
        raise SystemExit("not enough unflagged messages among the candidates")
    flag, expunge = unflagged[:5], unflagged[5:8]
    check(box.uid("STORE", ",".join(map(str, flag)), "+FLAGS.SILENT", r"(\Flagged)"), "UID STORE +FLAGS")
    check(box.uid("STORE", ",".join(map(str, expunge)), "+FLAGS.SILENT", r"(\Deleted)"), "UID STORE \\Deleted")
    check(box.uid("EXPUNGE", ",".join(map(str, expunge))), "UID EXPUNGE")
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    for i in (1, 2):
        msg = APPENDED.format(date=date, seed=seed, i=i).encode()
        check(box.append("INBOX", None, imaplib.Time2Internaldate(time.time()), msg), "APPEND")
    box.logout()
    print("flagged=%s expunged=%s appended=2" % (",".join(map(str, flag)), ",".join(map(str, expunge))))


def main():
    if len(sys.argv) < 7:
        raise SystemExit(__doc__)
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "full":
        raw_session(args, b"SELECT INBOX", b"UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)")
    elif mode == "flags":
        raw_session(args, b"SELECT INBOX", b"UID FETCH 1:* (FLAGS)")
    elif mode == "qresync":
        uidvalidity, modseq, uidnext = (int(x) for x in args[5:8])
        raw_session(args, b"SELECT INBOX (QRESYNC (%d %d))" % (uidvalidity, modseq),
                    b"UID FETCH %d:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)" % uidnext,
                    enable=b"ENABLE QRESYNC")
    elif mode == "condstore":
        condstore(args)
    elif mode == "status":
        status(args)
    elif mode == "changes":
        changes(args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()

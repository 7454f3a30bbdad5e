#!/usr/bin/python3
"""Baseline for bench_pop3_fetch.sh: the Python poplib loop the issue names — log in
over TLS, RETR every message, write each to its own file. No UIDL bookkeeping, no
fsync: the simplest thing that downloads a mailbox."""
import os
import poplib
import ssl
import sys

host, port, user, password, cafile, outdir = sys.argv[1:7]
ctx = ssl.create_default_context(cafile=cafile)
box = poplib.POP3_SSL(host, int(port), context=ctx)
box.user(user)
box.pass_(password)
count, _ = box.stat()
os.makedirs(outdir, exist_ok=True)
for n in range(1, count + 1):
    _, lines, _ = box.retr(n)
    with open(os.path.join(outdir, "%d.eml" % n), "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
box.quit()
print(count)

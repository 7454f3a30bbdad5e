#!/usr/bin/python3
"""Seeds a Maildir for the IMAP benchmarks: N message files written straight into
MAILDIR/cur/, with Dovecot's own name format (size and virtual size in the name),
flags varied, 1-2 KB bodies from a pool, a fifth of subjects and names in RFC 2047.
The same messages as bench_imap_sync.sh's seeding (its heredoc, copied here unchanged).

  seed_maildir.py MAILDIR N

Run it as the server's user (as_run_user in tests/servers/lib.sh), then let Dovecot
index the files (doveadm force-resync). Standard library only.
"""
import os, random, sys, time, base64
root, n = sys.argv[1], int(sys.argv[2])
for sub in ("tmp", "new", "cur"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
cur = os.path.join(root, "cur")
rnd = random.Random(7)
words = ("the quick brown fox jumps over a lazy dog mail server client folder message "
         "meeting budget report quarterly review draft attached please find notes "
         "tomorrow schedule project update release build test deploy invoice").split()
firsts = "Anna Ben Chloé Dmitri Eva François Grace Hiro Inès Jürgen Kai Lena Mateo Nora Øystein Priya".split()
lasts = "Smith Müller García Kowalski Nakamura Rossi Dubois Ivanova O'Brien Jensen Novák Silva".split()

def enc_b(text):
    return "=?UTF-8?B?%s?=" % base64.b64encode(text.encode()).decode()

def enc_q(text):
    out = []
    for ch in text.encode("iso-8859-1", "replace"):
        c = chr(ch)
        out.append("_" if c == " " else c if c.isalnum() and ch < 128 else "=%02X" % ch)
    return "=?ISO-8859-1?Q?%s?=" % "".join(out)

def person(i):
    first, last = firsts[i % len(firsts)], lasts[(i // 7) % len(lasts)]
    name = "%s %s" % (first, last)
    addr = "%s.%s@example%d.org" % (first.encode("ascii", "ignore").decode().lower(),
                                    last.encode("ascii", "ignore").decode().lower().replace("'", ""), i % 5)
    if name.isascii():
        shown = '"%s"' % name if "'" in name else name
    else:
        shown = enc_b(name) if i % 2 else enc_q(name)
    return "%s <%s>" % (shown, addr)

# Bodies of 1-2 KB: a pool, picked from per message (random text for each of 100,000
# messages would make seeding slow).
bodies = []
for b in range(64):
    lines = []
    for _ in range(rnd.randint(14, 28)):
        lines.append(" ".join(rnd.choice(words) for _ in range(rnd.randint(8, 12))))
    bodies.append("\n".join(lines) + "\n")
flag_sets = ["S"] * 12 + ["FS"] * 2 + ["RS"] * 2 + ["F"] + [""] * 3
end = int(time.time()) - 86400
span = 3 * 365 * 86400
step = span / n
mode = os.O_WRONLY | os.O_CREAT | os.O_EXCL
for i in range(n):
    t = int(end - span + i * step)
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t))
    subj_words = " ".join(rnd.choice(words) for _ in range(rnd.choice((2, 4, 6, 10, 16))))
    r = rnd.random()
    if r < 0.1:
        subject = enc_b("Ré: %s — überprüft" % subj_words)
    elif r < 0.2:
        subject = enc_q("Réunion: %s" % subj_words)
    else:
        subject = subj_words.capitalize()
    head = ["Return-Path: <sender%d@example.org>" % (i % 97),
            "Date: %s" % date,
            "From: %s" % person(i),
            "To: Alice Example <alice@example.org>"]
    if rnd.random() < 0.3:
        head.append("Cc: %s, %s" % (person(i + 3), person(i + 11)))
    head.append("Subject: %s" % subject)
    head.append("Message-ID: <%d.%x@bench.example.org>" % (i, t))
    if i and rnd.random() < 0.3:
        parent = rnd.randrange(max(0, i - 500), i)
        head.append("In-Reply-To: <%d.%x@bench.example.org>" % (parent, int(end - span + parent * step)))
        head.append("References: <%d.%x@bench.example.org>" % (parent, int(end - span + parent * step)))
    head += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
             "Content-Transfer-Encoding: 8bit"]
    data = ("\n".join(head) + "\n\n" + bodies[i % len(bodies)]).encode()
    size, vsize = len(data), len(data) + data.count(b"\n")
    name = "%d.M%dP1.bench,S=%d,W=%d:2,%s" % (t, i, size, vsize, rnd.choice(flag_sets))
    path = os.path.join(cur, name)
    fd = os.open(path, mode, 0o600)
    os.write(fd, data)
    os.close(fd)
    os.utime(path, (t, t))

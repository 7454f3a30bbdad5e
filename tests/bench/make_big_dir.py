#!/usr/bin/env python3
"""Makes DIR with N files and SUBDIRS subdirectories for the FTP listing benchmarks
(bench_ftp_list.sh, bench_file_window.sh): names with spaces, doubled spaces and
non-ASCII letters, varied sizes (sparse files, some over 4 GiB). Owned by the test
servers' user when run as root. Deterministic, so every server gets the same folder.
    make_big_dir.py DIR N SUBDIRS
"""
import os, pwd, sys
d, n, subdirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
uid = gid = -1
if os.geteuid() == 0:
    pw = pwd.getpwnam("satchel-test")
    uid, gid = pw.pw_uid, pw.pw_gid
os.mkdir(d)
os.chown(d, uid, gid)
for s in range(subdirs):
    sub = os.path.join(d, "sub dir %d" % s)
    os.mkdir(sub)
    os.chown(sub, uid, gid)
patterns = ["file%06d.dat", "report %06d final.txt", "two  spaces %06d.log",
            "Ünïcödé fïlé %06d — ñ.txt", "日本語のファイル %06d.txt", "photo %06d 😀.jpg",
            "Ärger-%06d.tar.gz", "data_%06d.csv"]
for i in range(n):
    name = patterns[i % len(patterns)] % i
    if i % 997 == 0:
        size = 5 * 1024**3 + i           # over 4 GiB: 64-bit sizes
    elif i % 13 == 0:
        size = 0
    else:
        size = (i * 7919) % 50_000_000  # up to ~50 MB
    fd = os.open(os.path.join(d, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    if size:
        os.ftruncate(fd, size)           # sparse: no blocks written
    if uid >= 0:
        os.fchown(fd, uid, gid)
    os.close(fd)

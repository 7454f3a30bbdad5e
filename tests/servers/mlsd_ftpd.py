#!/usr/bin/python3
"""The second, different FTP server for tests and the demo: pyftpdlib, which offers
MLSD (RFC 3659) where vsftpd offers only LIST. One process serves three listeners on
127.0.0.1: plain FTP, explicit FTPS (AUTH TLS required for login and data), and
implicit FTPS (TLS from the first byte, as on port 990).
It logs in one virtual user, so it runs unprivileged."""

import argparse
import logging

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
from pyftpdlib.ioloop import IOLoop
from pyftpdlib.servers import FTPServer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--plain-port", type=int, required=True)
    ap.add_argument("--tls-port", type=int, required=True)
    ap.add_argument("--implicit-port", type=int, required=True)
    ap.add_argument("--log", required=True)
    args = ap.parse_args()

    logging.basicConfig(filename=args.log, level=logging.INFO,
                        format="%(asctime)s %(message)s")
    with open(args.password_file, encoding="utf-8") as f:
        password = f.read().strip()

    authorizer = DummyAuthorizer()
    # e l r a d f m w M T: every read and write permission, including MFMT.
    authorizer.add_user(args.user, password, args.root, perm="elradfmwMT")

    class PlainHandler(FTPHandler):
        pass

    class TlsHandler(TLS_FTPHandler):
        pass

    class ImplicitTlsHandler(TLS_FTPHandler):
        # Implicit FTPS: the handshake comes first, the 220 greeting after it.
        def handle(self):
            self.secure_connection(self.ssl_context)

        def handle_ssl_established(self):
            FTPHandler.handle(self)

    for handler in (PlainHandler, TlsHandler, ImplicitTlsHandler):
        handler.authorizer = authorizer
        handler.use_encoding = "utf8"
        handler.banner = "Satchel test FTP (pyftpdlib) ready."
    for handler in (TlsHandler, ImplicitTlsHandler):
        handler.certfile = args.cert
        handler.keyfile = args.key
        handler.tls_control_required = True
        handler.tls_data_required = True

    ioloop = IOLoop()
    FTPServer(("127.0.0.1", args.plain_port), PlainHandler, ioloop=ioloop)
    FTPServer(("127.0.0.1", args.tls_port), TlsHandler, ioloop=ioloop)
    FTPServer(("127.0.0.1", args.implicit_port), ImplicitTlsHandler, ioloop=ioloop)
    ioloop.loop()


if __name__ == "__main__":
    main()

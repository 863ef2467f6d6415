"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd).

usage: smtp_sink.py PORT FOLDER [USER PASSWORD]
With USER and PASSWORD the server requires AUTH (PLAIN or LOGIN, allowed without TLS on loopback).
Every accepted message is written to FOLDER/<uuid>.eml, preceded by one X-Envelope-To header per
envelope recipient. Prints READY once listening; stops when stdin closes.
"""
import os
import sys
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as message:
            for recipient in envelope.rcpt_tos:
                message.write(f"X-Envelope-To: {recipient}\r\n".encode("utf-8"))
            message.write(envelope.original_content or envelope.content)
        # Rename last, so a reader never sees half a message.
        os.replace(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"


def only(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        # handled=False: let aiosmtpd answer 535 itself on a wrong password.
        return AuthResult(success=ok, handled=False)
    return authenticate


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    auth = {}
    if len(sys.argv) > 4:
        auth = dict(authenticator=only(sys.argv[3], sys.argv[4]), auth_required=True, auth_require_tls=False)
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port, **auth)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()

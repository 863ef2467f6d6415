"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd).

usage: smtp_sink.py PORT FOLDER
Every accepted message is written to FOLDER/<uuid>.eml, preceded by one X-Envelope-To header per
envelope recipient. Prints READY once listening; stops when stdin closes.
"""
import os
import sys
import uuid

from aiosmtpd.controller import Controller


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


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()

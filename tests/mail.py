"""A real SMTP server on loopback (aiosmtpd) for the tests that send mail.

Django's in-memory outbox would not show what an SMTP server receives: the envelope, the encoded headers
(RFC 2047 subjects, List-Unsubscribe) and the MIME parts. Tests read what arrived as parsed messages.
"""

import email
import socket
import threading
import time
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

# Mail is sent inside the request or job under test, so it has arrived once the call returns; a little
# slack covers the server thread handing the message over.
ARRIVAL_TIMEOUT = 5.0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """The aiosmtpd handler: keeps every message delivered to it, with its envelope recipients."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=default_policy)
        message.envelope_recipients = list(envelope.rcpt_tos)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=ARRIVAL_TIMEOUT):
        """The first `count` messages, waiting briefly for the server thread; fails if fewer came."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.messages) < count and time.monotonic() < deadline:
                self.arrived.wait(deadline - time.monotonic())
            assert len(self.messages) >= count, f"expected {count} messages, the SMTP server received {len(self.messages)}"
            return self.messages[:count]

    def to(self, address):
        return [message for message in self.messages if address in message.envelope_recipients]


class SMTPServer:
    """aiosmtpd on 127.0.0.1 in a thread, for as long as the `with` block runs."""

    def __init__(self):
        self.mailbox = Mailbox()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=free_port())

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()

    @property
    def port(self):
        return self.controller.port

"""Sending email over SMTP with the MAIL_* settings (stdlib smtplib and email.message)."""

from __future__ import annotations

import contextlib
import email.policy
import re
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

# One address, no display name, no spaces or line breaks: what a person types in a form.
ADDRESS = re.compile(r"[^@\s<>\"',;]{1,64}@[A-Za-z0-9.-]{1,189}\.[A-Za-z]{2,24}")
TIMEOUT_SECONDS = 30
# Headers fold at spaces; an unsubscribe URL has none, and the default 78 columns would
# encode it (RFC 2047) where mail clients no longer read it as a link. 998 is SMTP's limit.
POLICY = email.policy.SMTP.clone(max_line_length=998)


class MailError(RuntimeError):
    """Mail could not be sent; the message says why, for the operator."""


def valid_address(text: str) -> bool:
    return len(text) <= 254 and ADDRESS.fullmatch(text) is not None


@dataclass(frozen=True)
class MailSettings:
    server: str
    port: int
    sender: str
    use_tls: bool = False
    use_ssl: bool = False
    username: str | None = None
    password: str | None = None


def settings_from(config) -> MailSettings | None:
    """The SMTP settings, or None when MAIL_SERVER is empty (no email is sent)."""
    if not config.get("MAIL_SERVER"):
        return None
    if not config.get("MAIL_FROM"):
        raise MailError("MAIL_SERVER is set but MAIL_FROM is empty: set the address alerts "
                        "are sent from.")
    return MailSettings(server=config["MAIL_SERVER"], port=int(config.get("MAIL_PORT") or 25),
                        sender=config["MAIL_FROM"], use_tls=bool(config.get("MAIL_USE_TLS")),
                        use_ssl=bool(config.get("MAIL_USE_SSL")),
                        username=config.get("MAIL_USERNAME") or None,
                        password=config.get("MAIL_PASSWORD") or None)


def build_message(*, sender: str, to: str, subject: str, text: str,
                  headers: dict[str, str] | None = None) -> EmailMessage:
    message = EmailMessage(policy=POLICY)
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip(">") or None)
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    return message


class Mailer:
    """One SMTP connection for a batch of messages: `with Mailer(settings) as m: m.send(msg)`."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        s = self.settings
        try:
            if s.use_ssl:
                self.smtp = smtplib.SMTP_SSL(s.server, s.port, timeout=TIMEOUT_SECONDS,
                                             context=ssl.create_default_context())
            else:
                self.smtp = smtplib.SMTP(s.server, s.port, timeout=TIMEOUT_SECONDS)
                if s.use_tls:
                    self.smtp.starttls(context=ssl.create_default_context())
            if s.username:
                self.smtp.login(s.username, s.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"cannot reach the mail server {s.server}:{s.port}: {exc}") from None
        return self

    def send(self, message: EmailMessage) -> None:
        try:
            self.smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"the mail server refused a message to {message['To']}: "
                            f"{exc}") from None

    def __exit__(self, *exc) -> None:
        if self.smtp is not None:
            # the messages were accepted; a rude goodbye changes nothing
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.smtp.quit()

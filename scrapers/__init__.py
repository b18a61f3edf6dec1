"""Fetch and parse UN pages. Parsers are pure: text in, plain records out.

This package never imports `tracker`, Flask or the database; `tracker` decides how
records are stored.
"""


class ScraperError(Exception):
    """Base of every error a scraper raises on purpose; the message is for people."""

    def __init__(self, message: str, *, location: str | None = None):
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class LayoutChanged(ScraperError):
    """The page no longer has the structure the parser was written against."""


class SourceBlocked(ScraperError):
    """The site refused an automated client; the message says what to download by hand."""


class RobotsDisallowed(ScraperError):
    """robots.txt forbids this URL for our user agent."""


class RedirectRefused(ScraperError):
    """A redirect led off the allowed hosts, to another scheme, or round too many hops."""


class ResponseTooLarge(ScraperError):
    """The body passed the size cap; nothing of it was kept."""


class DeadlineExceeded(ScraperError):
    """The request, from connect to the last byte, took longer than its deadline."""


class UnexpectedContentType(ScraperError):
    """The server sent a type of document the caller did not ask for."""


class OfflineMiss(ScraperError):
    """Offline mode was asked for a URL that is not among the saved responses."""


class BadInput(ScraperError):
    """A file or record is malformed; the message names the file and line."""

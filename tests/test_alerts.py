"""Alerts: a saved search's news by email (to a local SMTP server) and in its feed, once."""

import socket
from datetime import date
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import Session, select

from scrapers.records import CommunicationRecord, ReplyRecord
from tracker.db import get_engine
from tracker.ingest import Tally, store_communications
from tracker.models import (
    AlertItem,
    Draft,
    Resolution,
    SavedSearch,
    SponsorshipEvent,
)
from tracker.search import update_index

from .conftest import sign_in

SITE = "http://tracker.example.org"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox(app):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, BASE_URL=SITE,
                      MAIL_FROM="Geneva Tracker <alerts@example.org>",
                      TRUSTED_HOSTS=[*app.config["TRUSTED_HOSTS"], "tracker.example.org"])
    yield handler
    controller.stop()


def _comm(code, number, summary, replies=()):
    return CommunicationRecord(type="AL", addressee_code=code, number=number, year=2025,
                               date=date(2025, 3, number), addressee_name=code,
                               mandates=["human rights defenders"], summary=summary,
                               replies=list(replies), location="test")


def _store(app, *records):
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        tally = Tally()
        store_communications(s, list(records), tally)
        s.commit()
        update_index(app.config["SEARCH_INDEX_DIR"], s,
                     communication_ids=tally.changed_communications)


def _send(app, *args):
    result = app.test_cli_runner().invoke(args=["alerts", "send", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _body(message: Message) -> str:
    return message.get_payload(decode=True).decode()


def _save(client, query, digest="immediate", email="ana@example.org"):
    response = client.post("/alerts/", data={"query": query, "digest": digest, "email": email})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]


def test_alerts_new_matching_communication_emailed_once_then_replies(app, inbox):
    _store(app, _comm("HND", 1, "Quarry defender arrested before the alert existed."))
    client = sign_in(app, "ana", "viewer")
    _save(client, "q=quarry&state=HND&page=3&sort=-date")
    _send(app)
    assert inbox.messages == []  # what was there before the alert is not news
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened."),
           _comm("FRA", 3, "A quarry protest in France."),
           _comm("HND", 4, "A journalist detained."))
    assert "1 emails sent with 1 items" in _send(app)
    (mail,) = inbox.messages
    body = _body(mail)
    assert mail["To"] == "ana@example.org" and "1 new" in mail["Subject"]
    assert "AL HND 2/2025" in body and "FRA 3/2025" not in body and "HND 4/2025" not in body
    assert f"{SITE}/communications/" in body
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    _send(app)
    assert len(inbox.messages) == 1  # a second send has nothing new
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened.",
                      [ReplyRecord(date(2025, 5, 2), "https://example.org/reply-2")]))
    _send(app)
    assert len(inbox.messages) == 2
    body = _body(inbox.messages[1])
    assert "Reply to AL HND 2/2025 (2025-05-02)" in body
    assert "New replies to communications matching the search (1)" in body
    assert "New communications" not in body  # the communication is not sent again


def test_alerts_unsubscribe_link_stops_emails_and_the_feed_goes_on(app, inbox):
    client = sign_in(app, "ana", "viewer")
    _save(client, "q=quarry")
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened."))
    _send(app)
    (mail,) = inbox.messages
    link = mail["List-Unsubscribe"].strip("<>")
    path = link.removeprefix(SITE)
    anonymous = app.test_client()
    page = anonymous.get(path)  # a link checker's visit changes nothing
    assert page.status_code == 200 and "Unsubscribe" in page.get_data(as_text=True)
    # the alert's name in typographic quotes, which French keeps on the name's line
    assert "the alert “" in page.get_data(as_text=True) and "”?" in page.get_data(as_text=True)
    french = anonymous.get(path + "?lang=fr").get_data(as_text=True)
    assert "l'alerte «\u00a0" in french and "\u00a0»\u00a0?" in french
    app.config["WTF_CSRF_ENABLED"] = True  # as in production: a mail client sends no token
    assert anonymous.post(path).status_code == 200  # one click, no sign-in, no form token
    app.config["WTF_CSRF_ENABLED"] = False
    _store(app, _comm("HND", 5, "Another quarry defender."))
    _send(app)
    assert len(inbox.messages) == 1
    with app.app_context(), Session(get_engine()) as s:
        alert = s.exec(select(SavedSearch)).one()
        token = alert.feed_token
        assert not alert.subscribed
    feed = anonymous.get(f"/alerts/feed/{token}.atom")
    text = feed.get_data(as_text=True)
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml"
    assert "AL HND 2/2025" in text and "AL HND 5/2025" in text
    assert anonymous.get("/alerts/unsubscribe/forged-token").status_code == 404
    # renewing the feed address retires the old feed and the old unsubscribe links
    client.post(f"/alerts/{alert.id}/feed-token")
    assert anonymous.get(f"/alerts/feed/{token}.atom").status_code == 404
    assert anonymous.get(path).status_code == 404


def test_alerts_weekly_digest_groups_items_and_waits_for_its_week(app, inbox):
    with app.app_context(), Session(get_engine()) as s:
        resolution = Resolution(body="HRC", symbol="A/HRC/RES/99/1", title="Defenders")
        s.add(resolution)
        s.flush()
        s.add(Draft(symbol="A/HRC/99/L.5", family="A/HRC/99/L.5", resolution_id=resolution.id))
        s.commit()
    client = sign_in(app, "ana", "viewer")
    _save(client, "q=quarry", digest="weekly")
    with app.app_context(), Session(get_engine()) as s:
        alert_id = s.exec(select(SavedSearch.id)).one()
    client.post(f"/alerts/{alert_id}/follow", data={"symbol": "A/HRC/RES/99/1"})
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened."),
           _comm("GTM", 6, "A quarry in Guatemala.",
                 [ReplyRecord(date(2025, 4, 1), "https://example.org/reply-6")]))
    with app.app_context(), Session(get_engine()) as s:
        s.add(SponsorshipEvent(family="A/HRC/99/L.5", sponsor_key="CHL", action="join",
                               role="additional", date=date(2025, 4, 3), raw_name="Chile",
                               source_document="A/HRC/99/2"))
        s.commit()
    _send(app)  # a week has not passed: the feed has the items, email waits
    assert inbox.messages == []
    with app.app_context(), Session(get_engine()) as s:
        assert len(s.exec(select(AlertItem)).all()) == 4
    _send(app, "--digest", "weekly")
    (mail,) = inbox.messages
    body = _body(mail)
    assert "4 new" in mail["Subject"]
    assert "New communications matching the search (2)" in body
    assert "New replies to communications matching the search (1)" in body
    assert "Chile joined the sponsors of A/HRC/RES/99/1" in body
    assert body.index("New communications") < body.index("New replies") < body.index("Chile")
    _send(app, "--digest", "weekly")
    assert len(inbox.messages) == 1


def test_alerts_are_their_owners_alone(app):
    owner = sign_in(app, "ana", "viewer")
    _save(owner, "q=quarry")
    with app.app_context(), Session(get_engine()) as s:
        alert_id = s.exec(select(SavedSearch.id)).one()
    other = sign_in(app, "ben", "viewer")
    assert other.post(f"/alerts/{alert_id}/delete").status_code == 404
    assert other.post(f"/alerts/{alert_id}", data={"digest": "daily"}).status_code == 404
    assert "quarry" not in other.get("/alerts/").get_data(as_text=True)
    assert "quarry" in owner.get("/alerts/").get_data(as_text=True)
    bad = owner.post("/alerts/", data={"query": "q=x", "digest": "daily",
                                       "email": "ana@example.org\nBcc: all@example.org"})
    assert bad.status_code == 400
    assert owner.post(f"/alerts/{alert_id}/delete").status_code == 302
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(SavedSearch)).all() == []


def test_alerts_search_page_offers_saving_to_signed_in_people(app):
    assert "Save this search as an alert" not in app.test_client().get("/?q=quarry").get_data(
        as_text=True)
    client = sign_in(app, "ana", "viewer")
    page = client.get("/?q=quarry&state=HND").get_data(as_text=True)
    assert "Save this search as an alert" in page and 'value="q=quarry&amp;state=HND"' in page


def test_alerts_without_mail_server_fill_the_feed_and_keep_email_for_later(app):
    client = sign_in(app, "ana", "viewer")
    _save(client, "q=quarry")
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened."))
    output = app.test_cli_runner().invoke(args=["alerts", "send"]).output
    assert "MAIL_SERVER is not set" in output
    with app.app_context(), Session(get_engine()) as s:
        (item,) = s.exec(select(AlertItem)).all()
        assert item.sent_at is None  # emailed once a server is configured


def test_alerts_send_one_at_a_time_across_nodes(app, inbox):
    from datetime import UTC, datetime, timedelta

    from tracker.cli_alerts import LOCK_NAME
    from tracker.models import ScheduleLock

    client = sign_in(app, "ana", "viewer")
    _save(client, "q=quarry")
    _store(app, _comm("HND", 2, "A quarry protest leader was threatened."))
    now = datetime.now(UTC)
    with app.app_context(), Session(get_engine()) as s:
        s.add(ScheduleLock(name=LOCK_NAME, token="node-2", host="node-2", pid=99,  # noqa: S106
                           acquired_at=now, heartbeat_at=now,
                           expires_at=now + timedelta(minutes=5)))
        s.commit()
    busy = app.test_cli_runner().invoke(args=["alerts", "send"])
    assert busy.exit_code == 75 and "being sent already: process 99 on node-2" in busy.output
    assert inbox.messages == []
    with app.app_context(), Session(get_engine()) as s:
        s.delete(s.get(ScheduleLock, LOCK_NAME))
        s.commit()
    _send(app)
    assert len(inbox.messages) == 1


def test_alerts_follow_from_the_resolution_page(app):
    with app.app_context(), Session(get_engine()) as s:
        s.add(Resolution(body="HRC", symbol="A/HRC/RES/99/1", title="Defenders"))
        s.commit()
    client = sign_in(app, "ana", "viewer")
    page = client.get("/resolutions/A/HRC/RES/99/1").get_data(as_text=True)
    assert "Follow this resolution’s sponsors" in page
    client.post("/alerts/", data={"symbol": "A/HRC/RES/99/1", "digest": "weekly"})
    listing = client.get("/alerts/").get_data(as_text=True)
    assert "A/HRC/RES/99/1" in listing and "No emails: the feed only." in listing
    assert client.post("/alerts/", data={"symbol": "A/HRC/RES/0/0",
                                         "digest": "weekly"}).status_code == 400

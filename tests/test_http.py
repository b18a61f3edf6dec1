import threading
import time

import pytest
from werkzeug import Response

from scrapers import (
    DeadlineExceeded,
    OfflineMiss,
    RedirectRefused,
    ResponseTooLarge,
    RobotsDisallowed,
    SourceBlocked,
    UnexpectedContentType,
)
from scrapers.http import HttpClient, save_response


class FakeTime:
    """A clock that only moves when the client sleeps, so throttling is checked exactly."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def server(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private\n", content_type="text/plain")
    return httpserver


@pytest.fixture
def no_backoff(monkeypatch):
    """Record urllib3's retry sleeps instead of sleeping."""
    slept = []
    monkeypatch.setattr("urllib3.util.retry.time.sleep", slept.append)
    return slept


def _client(tmp_path, **kw):
    kw.setdefault("min_interval", 0)
    return HttpClient(cache_dir=tmp_path / "cache", **kw)


def _requests_to(server, path):
    return [r for r, _ in server.log if r.path == path]


def test_http_sends_identifying_user_agent(server, tmp_path):
    server.expect_request("/page").respond_with_data("<html>ok</html>")
    page = _client(tmp_path).get(server.url_for("/page"), expect="text")
    assert page.status == 200 and page.text == "<html>ok</html>"
    (request,) = _requests_to(server, "/page")
    assert request.headers["User-Agent"].startswith("GenevaTracker/")
    assert "+https://" in request.headers["User-Agent"]


def _sequence(*responses):
    """A handler answering each request with the next response, the last one for ever."""
    queue = list(responses)

    def handler(_request):
        return queue.pop(0) if len(queue) > 1 else queue[0]
    return handler


def test_http_retries_5xx_then_succeeds(server, tmp_path, no_backoff):
    server.expect_request("/flaky").respond_with_handler(_sequence(
        Response("busy", status=502), Response("busy", status=503), Response("fine")))
    assert _client(tmp_path).get(server.url_for("/flaky"), expect="text").text == "fine"
    assert len(_requests_to(server, "/flaky")) == 3


def test_http_honours_retry_after(server, tmp_path, no_backoff):
    server.expect_request("/limited").respond_with_handler(_sequence(
        Response("slow down", status=429, headers={"Retry-After": "7"}), Response("fine")))
    assert _client(tmp_path).get(server.url_for("/limited"), expect="text").text == "fine"
    assert 7 in no_backoff


def test_http_gives_up_after_retries_with_clear_error(server, tmp_path, no_backoff):
    server.expect_request("/down").respond_with_data("no", status=500)
    with pytest.raises(SourceBlocked, match="HTTP 500 after retries"):
        _client(tmp_path, retries=2).get(server.url_for("/down"), expect="text")
    assert len(_requests_to(server, "/down")) == 3


def test_http_throttles_per_host(server, tmp_path):
    server.expect_request("/a").respond_with_data("a")
    server.expect_request("/b").respond_with_data("b")
    fake = FakeTime()
    client = HttpClient(cache_dir=tmp_path / "cache", min_interval=3.0, sleep=fake.sleep,
                        clock=fake.clock)
    client.get(server.url_for("/a"), expect="text")
    client.get(server.url_for("/b"), expect="text")
    # robots.txt, /a and /b: each waits out the 3 s after the one before
    assert fake.sleeps == [3.0, 3.0]


def test_http_respects_robots(server, tmp_path):
    with pytest.raises(RobotsDisallowed, match="robots.txt forbids"):
        _client(tmp_path).get(server.url_for("/private/page"), expect="html")
    assert _requests_to(server, "/private/page") == []


def test_http_cache_rereads_without_fetching(server, tmp_path):
    server.expect_request("/cached").respond_with_data("first")
    client = _client(tmp_path)
    assert client.get(server.url_for("/cached"), expect="text").from_cache is False
    again = _client(tmp_path).get(server.url_for("/cached"), expect="text")
    assert (again.text, again.from_cache) == ("first", True)
    assert len(_requests_to(server, "/cached")) == 1
    _client(tmp_path).get(server.url_for("/cached"), expect="text", refresh=True)
    assert len(_requests_to(server, "/cached")) == 2


def test_http_202_empty_is_a_block_and_not_cached(server, tmp_path):
    server.expect_request("/search").respond_with_data("", status=202)
    client = _client(tmp_path)
    with pytest.raises(SourceBlocked, match="202 with an empty body.*tracker import FILE"):
        client.get(server.url_for("/search"), expect="html")
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_403_challenge_is_a_block(server, tmp_path):
    server.expect_request("/challenge").respond_with_data("Just a moment...", status=403)
    with pytest.raises(SourceBlocked, match="HTTP 403"):
        _client(tmp_path).get(server.url_for("/challenge"), expect="html")


def test_http_offline_reads_only_saved_responses(tmp_path):
    url = "https://spcommreports.ohchr.org/LatestReports/CommunicationSent?page=1"
    save_response(tmp_path / "saved", url, 200, b"<table></table>", "text/html")
    client = HttpClient(offline_dir=tmp_path / "saved")
    assert client.get(url, expect="html").text == "<table></table>"
    with pytest.raises(OfflineMiss, match="no saved response"):
        client.get(url.replace("page=1", "page=2"), expect="html")
    assert client.requests_made == 0


# --- hostile servers: each of these was followed, read or waited for before ---------------


@pytest.fixture
def other_server():
    """A second local server under another host name (127.0.0.1, the first is localhost)."""
    from pytest_httpserver import HTTPServer

    other = HTTPServer(host="127.0.0.1")
    other.start()
    yield other
    other.clear()
    other.stop()


def test_http_redirect_to_another_host_refused(server, other_server, tmp_path):
    other_server.expect_request("/elsewhere").respond_with_data("<html>theirs</html>",
                                                                content_type="text/html")
    server.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": other_server.url_for("/elsewhere")})
    with pytest.raises(RedirectRefused, match=r"another host \(http://127\.0\.0\.1:\d+/"):
        _client(tmp_path).get(server.url_for("/moved"), expect="html")
    assert other_server.log == []
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_redirect_to_allowed_host_followed(server, other_server, tmp_path):
    other_server.expect_request("/robots.txt").respond_with_data("")
    other_server.expect_request("/doc").respond_with_data("<html>doc</html>",
                                                          content_type="text/html")
    server.expect_request("/symbol").respond_with_data(
        "", status=301, headers={"Location": other_server.url_for("/doc")})
    client = _client(tmp_path, redirect_hosts={"127.0.0.1"})
    page = client.get(server.url_for("/symbol"), expect="html")
    assert page.text == "<html>doc</html>" and page.url == server.url_for("/symbol")


def test_http_redirect_into_robots_disallowed_path_refused(server, tmp_path):
    server.expect_request("/open").respond_with_data(
        "", status=302, headers={"Location": "/private/page"})
    with pytest.raises(RobotsDisallowed, match="redirected to .*/private/page"):
        _client(tmp_path).get(server.url_for("/open"), expect="html")
    assert _requests_to(server, "/private/page") == []


def test_http_redirect_loop_throttled_and_capped(server, tmp_path):
    server.expect_request("/loop").respond_with_data("", status=302,
                                                     headers={"Location": "/loop"})
    fake = FakeTime()
    client = _client(tmp_path, min_interval=2.0, sleep=fake.sleep, clock=fake.clock)
    with pytest.raises(RedirectRefused, match="more than 5 redirects"):
        client.get(server.url_for("/loop"), expect="html")
    # the first request and 5 hops, each 2 s after the one before (robots.txt came first)
    assert len(_requests_to(server, "/loop")) == 6
    assert fake.sleeps == [2.0] * 6


def test_http_redirect_to_other_scheme_refused(server, tmp_path):
    server.expect_request("/odd").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(RedirectRefused, match="only http and https"):
        _client(tmp_path).get(server.url_for("/odd"), expect="html")


def test_http_announced_oversized_body_refused_and_not_cached(server, tmp_path):
    server.expect_request("/big").respond_with_data("x" * 50_000, content_type="text/html")
    with pytest.raises(ResponseTooLarge,
                       match="announced 50000 bytes, over the limit of 10000 bytes"):
        _client(tmp_path, max_bytes=10_000).get(server.url_for("/big"), expect="html")
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_streamed_oversized_body_refused_and_not_cached(server, tmp_path):
    def endless(_request):  # no Content-Length: only counting the bytes can stop it
        return Response((b"<p>" + b"x" * 997 for _ in range(1000)), content_type="text/html")
    server.expect_request("/stream").respond_with_handler(endless)
    with pytest.raises(ResponseTooLarge, match="body grew past the limit of 10000 bytes"):
        _client(tmp_path, max_bytes=10_000).get(server.url_for("/stream"), expect="html")
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_dripping_server_stopped_by_deadline(server, tmp_path):
    done = threading.Event()  # ends the handler with the test, not 10 s later

    def drip(_request):  # 40 bytes every 50 ms, well inside the read timeout, for 10 s
        def body():
            for _ in range(200):
                if done.is_set():
                    return
                yield b"x" * 40
                done.wait(0.05)
        return Response(body(), content_type="text/html")
    server.expect_request("/drip").respond_with_handler(drip)
    start = time.monotonic()
    try:
        with pytest.raises(DeadlineExceeded, match=r"within 1 s \(HTTP_DEADLINE_SECONDS\)"):
            _client(tmp_path, timeout=0.5, deadline=1.0).get(server.url_for("/drip"),
                                                             expect="html")
        assert time.monotonic() - start < 2.0
    finally:
        done.set()
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_retry_after_past_deadline_gives_up_without_waiting(server, tmp_path):
    server.expect_request("/later").respond_with_data(
        "busy", status=503, headers={"Retry-After": "86400"})
    fake = FakeTime()
    with pytest.raises(DeadlineExceeded, match="a retry would wait 86400 s"):
        _client(tmp_path, sleep=fake.sleep, clock=fake.clock).get(server.url_for("/later"),
                                                                  expect="html")
    assert fake.sleeps == [] and len(_requests_to(server, "/later")) == 1


def test_http_unexpected_content_type_refused(server, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    server.expect_request("/chart").respond_with_data(png, content_type="image/png")
    with pytest.raises(UnexpectedContentType, match="expected html, but the server sent "
                                                     "'image/png'"):
        _client(tmp_path).get(server.url_for("/chart"), expect="html")
    assert not any((tmp_path / "cache").rglob("*.body"))


def test_http_expected_types_accept_parameters_and_suffixes(server, tmp_path):
    server.expect_request("/marc").respond_with_data(
        "<record/>", content_type="application/marcxml+xml; charset=UTF-8")
    server.expect_request("/report").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    client = _client(tmp_path)
    assert client.get(server.url_for("/marc"), expect="xml").text == "<record/>"
    assert client.get(server.url_for("/report"), expect=("pdf", "text")).content == b"%PDF-1.7"


def test_http_cached_copy_of_another_type_fetched_again(server, tmp_path):
    url = server.url_for("/listing")
    save_response(tmp_path / "cache", url, 200, b"\x89PNG", "image/png")  # an older run's
    server.expect_request("/listing").respond_with_data("<html>rows</html>",
                                                        content_type="text/html")
    page = _client(tmp_path).get(url, expect="html")
    assert (page.text, page.from_cache) == ("<html>rows</html>", False)

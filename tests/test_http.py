import pytest
from werkzeug import Response

from scrapers import OfflineMiss, RobotsDisallowed, SourceBlocked
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

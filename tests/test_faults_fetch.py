"""A hostile feed server on loopback: fetches must not reach private networks.

The "public" server is 127.0.0.2, allowed explicitly through ``allowed_networks`` (as an
operator would allow one intranet host); the "secret" server listens on 127.0.0.1, the
address ``localhost`` resolves to, which nobody allowed. Every way a feed can point at the
secret server (a link, a redirect hop, a host name that resolves to loopback) must be
refused before a single request reaches it; with ``allow_private_hosts`` the same setup
does reach it, which shows the test would catch a leak.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from localserver import DATA, LocalServer, Route, serve

from generator.ingest.feeds import ingest_feeds
from generator.ingest.fetch import FetchError, fetch
from generator.settings import FeedSettings, load_settings

pytestmark = pytest.mark.network

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ("127.0.0.2/32",)
SECRET_TEXT = "Совершенно секретно: пароль администратора внутренней сети — hunter2."
SECRET_PAGE = (
    "<html><head><title>Внутренний документ</title></head><body><article>"
    f"<h1>Внутренний документ</h1><p>{SECRET_TEXT}</p><p>{SECRET_TEXT}</p>"
    "</article></body></html>"
).encode()


@pytest.fixture
def secret() -> Iterator[LocalServer]:
    with serve({"/secret.html": Route(body=SECRET_PAGE)}, host="127.0.0.1") as srv:
        yield srv


@pytest.fixture
def public(secret: LocalServer) -> Iterator[LocalServer]:
    page = (DATA / "pages" / "article_uk.html").read_bytes()
    with serve({}, host="127.0.0.2") as srv:
        links = {
            "ok": srv.url("/news/article_uk.html"),
            "direct": secret.url("/secret.html"),
            "by-name": f"http://localhost:{secret.port}/secret.html",
            "redirect": srv.url("/go"),
            "metadata": srv.url("/cloud"),
        }
        items = "".join(
            f"<item><title>{name}</title><link>{url}</link></item>" for name, url in links.items()
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
        srv.routes.update(
            {
                "/feed.xml": Route(
                    body=(feed + "</channel></rss>").encode(), content_type="application/rss+xml"
                ),
                "/news/article_uk.html": Route(body=page),
                "/go": Route(redirect=secret.url("/secret.html")),
                "/cloud": Route(redirect="http://169.254.169.254/latest/meta-data/"),
                "/to-name": Route(redirect=f"http://localhost:{secret.port}/secret.html"),
            }
        )
        srv.links = links  # type: ignore[attr-defined]
        yield srv


def test_loopback_server_is_refused_by_default_before_any_request(public: LocalServer) -> None:
    url = public.url("/news/article_uk.html")
    with pytest.raises(FetchError) as err:
        fetch(url, timeout=1, retries=0)
    assert "refused: 127.0.0.2, a loopback address" in str(err.value)
    assert "--allow-private-hosts" in str(err.value)
    assert public.hits == {}


def test_a_host_name_is_checked_after_dns_resolution(secret: LocalServer) -> None:
    url = f"http://localhost:{secret.port}/secret.html"
    with pytest.raises(FetchError) as err:
        fetch(url, timeout=1, retries=0, allowed_networks=PUBLIC)
    assert "refused: localhost resolves to" in str(err.value)
    assert "loopback address" in str(err.value)
    assert secret.hits == {}


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("[::1]", "loopback"),
        ("[fe80::1]", "link-local"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("[fc00::1]", "private"),
    ],
)
def test_private_addresses_are_refused_without_connecting(host: str, kind: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch(f"http://{host}/latest/", timeout=0.5, retries=0)
    assert f"a {kind} address" in str(err.value)


def test_every_redirect_hop_is_checked(public: LocalServer, secret: LocalServer) -> None:
    for path, kind in (("/go", "loopback"), ("/cloud", "link-local"), ("/to-name", "loopback")):
        with pytest.raises(FetchError) as err:
            fetch(public.url(path), timeout=1, retries=0, allowed_networks=PUBLIC)
        assert f"a {kind} address" in str(err.value), path
    assert public.hits == {"/go": 1, "/cloud": 1, "/to-name": 1}
    assert secret.hits == {}


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(
    secret: LocalServer,
) -> None:
    url = f"http://localhost:{secret.port}/secret.html"
    got = fetch(url, timeout=2, retries=0, allowed_networks=("127.0.0.0/8", "::1/128"))
    assert got.data == SECRET_PAGE and got.final_url == url
    assert secret.host_headers == [f"localhost:{secret.port}"]


def _ingest(public: LocalServer, into: Path, **kw) -> tuple[object, str]:
    from generator.ingest import load_ingest_context

    settings = load_settings(ROOT / "digest.yml")
    feed = FeedSettings(name="hostile", url=public.url("/feed.xml"), language="uk")
    report = ingest_feeds([feed], into, load_ingest_context(settings), timeout=1, retries=0, **kw)
    text = "".join(p.read_text(encoding="utf-8") for p in into.glob("*.md"))
    return report, text


def test_a_hostile_feed_cannot_make_ingest_read_a_private_host(
    public: LocalServer, secret: LocalServer, tmp_path: Path
) -> None:
    report, text = _ingest(public, tmp_path / "seeds", allowed_networks=PUBLIC)
    links = public.links  # type: ignore[attr-defined]
    assert report.added == (links["ok"],)
    reasons = {p.path: p.message for p in report.problems if p.severity == "error"}
    for name in ("direct", "by-name", "redirect", "metadata"):
        assert "refused:" in reasons[links[name]], (name, reasons)
    assert secret.hits == {}
    assert "hunter2" not in text


def test_the_same_feed_with_private_hosts_allowed_does_reach_the_secret(
    public: LocalServer, secret: LocalServer, tmp_path: Path
) -> None:
    """The control experiment: without the guard the secret would be published."""
    report, text = _ingest(public, tmp_path / "seeds", allow_private_hosts=True)
    assert secret.hits.get("/secret.html", 0) >= 1
    assert "hunter2" in text
    assert public.links["direct"] in report.added  # type: ignore[attr-defined]


def test_cli_refuses_a_loopback_feed_unless_allowed(
    public: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    base = ["--config", str(ROOT / "digest.yml"), "ingest", "--into", str(tmp_path / "s")]
    base += ["--feed", public.url("/feed.xml"), "--timeout", "1"]
    assert main(base) == 1
    err = capsys.readouterr().err
    assert "refused: 127.0.0.2, a loopback address" in err and "--allow-private-hosts" in err
    assert public.hits == {}
    cfg = tmp_path / "digest.yml"
    cfg.write_text(
        (ROOT / "digest.yml").read_text(encoding="utf-8")
        + "fetch:\n  allowed_networks: [127.0.0.2/32]\n",
        encoding="utf-8",
    )
    main(["--config", str(cfg), *base[2:]])
    assert public.hits.get("/feed.xml") == 1


def test_a_bad_allowed_network_is_a_config_error(tmp_path: Path) -> None:
    from generator.cli import main

    cfg = tmp_path / "digest.yml"
    cfg.write_text("fetch:\n  allowed_networks: [intranet]\n", encoding="utf-8")
    assert main(["--config", str(cfg), "ingest", "--feed", "http://example.org/"]) == 2

"""The room over real loopback sockets: many phones at once, secrecy, limits, shutdown.

Every request goes to 127.0.0.1 only. The phones are aiohttp clients, each with its own
cookie jar, exactly as the phone page talks to the server.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import urllib.error
import urllib.request

import pytest

from alignment_workshop.room.handlers import CSP, PHONE_COOKIE
from alignment_workshop.room.limits import RoomLimits
from alignment_workshop.room.rounds import Option
from alignment_workshop.room.server import RoomServer
from tests.support.phones import Phone, raw_request, refuses_connections, served_room

OPTIONS = [Option(f"g{i}", f"Goal {i}", "goal") for i in range(6)] + [
    Option("c1", "Enterprise deals ⟷ Self-serve growth", "conflict")
]


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    """(status, headers without Date, body) of one request; errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    return status, {k: v for k, v in head.items() if k != "Date"}, body


def post_json(url: str, body: object, **headers: str):
    data = json.dumps(body).encode()
    return fetch(url, data, {"Content-Type": "application/json", **headers})


def test_fifty_phones_join_and_vote_at_once_and_the_totals_add_up() -> None:
    chooser = random.Random(16)
    ballots = [{f"g{chooser.randrange(6)}": 2, "c1": 1} for _ in range(50)]
    with served_room() as server:
        room = server.room
        room.start_round(OPTIONS, votes=3, per_option=3)

        async def one_phone(ballot: dict[str, int]) -> dict:
            phone = Phone(server.url())
            try:
                status, reply = await phone.join()
                assert status == 200 and reply["view"]["joined"]
                status, reply = await phone.vote(1, ballot)
                assert status == 200, reply
                return await phone.state()
            finally:
                await phone.close()

        async def everyone() -> list[dict]:
            return await asyncio.gather(*(one_phone(b) for b in ballots))

        views = asyncio.run(everyone())
        assert [v["round"]["mine"] for v in views] == ballots
        assert all(v["round"]["results"] is None for v in views)  # hidden until the reveal
        status = room.status()
        assert (status.phones, status.ballots) == (50, 50)
        assert room.results() is None
        expected = {o.id: sum(b.get(o.id, 0) for b in ballots) for o in OPTIONS}
        assert {t.option.id: t.votes for t in room.reveal()} == expected
        assert expected["c1"] == 50


def test_votes_are_hidden_from_every_phone_until_the_reveal() -> None:
    with served_room() as server:
        server.room.start_round(OPTIONS, votes=3, per_option=3)

        async def scenario() -> tuple[list[str], dict]:
            alice, bob = Phone(server.url()), Phone(server.url())
            try:
                await alice.join()
                await bob.join()
                await alice.vote(1, {"g1": 3})
                before = [json.dumps(await p.state()) for p in (alice, bob)]
                server.room.close_round()
                before += [json.dumps(await p.state()) for p in (alice, bob)]
                server.room.reveal()
                return before, await bob.state()
            finally:
                await alice.close()
                await bob.close()

        before, after = asyncio.run(scenario())
        assert all('"results": null' in text for text in before)
        assert '"g1": 3' in before[0] and '"g1"' not in before[1].split('"mine"')[1]
        assert after["round"]["results"][0] == {"id": "g1", "votes": 3}


def test_the_per_phone_limit_holds_over_http() -> None:
    with served_room() as server:
        server.room.start_round(OPTIONS, votes=2, per_option=1)

        async def scenario() -> list[tuple[int, str | None]]:
            phone = Phone(server.url())
            try:
                await phone.join()
                answers = []
                for ballot in ({"g1": 2}, {"g1": 1, "g2": 1, "g3": 1}, {"zz": 1}, {"g1": -1},
                               {"g1": 1, "g2": 1}):  # fmt: skip
                    status, reply = await phone.vote(1, ballot)
                    answers.append((status, reply.get("error")))
                return answers
            finally:
                await phone.close()

        answers = asyncio.run(scenario())
        assert answers == [(409, "too-many-on-one"), (409, "too-many-votes"),
                           (409, "unknown-option"), (409, "bad-ballot"), (200, None)]  # fmt: skip
        assert server.room.status().ballots == 1


def test_a_phone_that_joins_again_keeps_its_one_ballot() -> None:
    with served_room() as server:
        url = server.url()

        async def scenario() -> list[str]:
            phone = Phone(url)
            try:
                await phone.join()
                await phone.join()
                await phone.join()
                return [str(c) for c in phone.session.cookie_jar]
            finally:
                await phone.close()

        cookies = asyncio.run(scenario())
        assert server.room.status().phones == 1
        _, headers, _ = post_json(url + "api/join", {})
        cookie = headers["Set-Cookie"]
        assert cookie.startswith(f"{PHONE_COOKIE}=") and "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie and f"Path=/r/{server.room.token}/" in cookie
        assert len(cookies) == 1


def test_a_wrong_or_missing_secret_gets_exactly_what_an_unknown_address_gets() -> None:
    with served_room() as server:
        token = server.room.token
        base = f"http://127.0.0.1:{server.port}"
        unknown = fetch(base + "/no/such/page")
        assert unknown[0] == 404
        wrong_tokens = ("", "x" * 20, token[:-1], token + "a", token.upper(), "%00", "..")
        paths = ("", "app.js", "strings.json", "api/state")
        for wrong in wrong_tokens:
            for path in paths:
                assert fetch(f"{base}/r/{wrong}/{path}") == unknown, (wrong, path)
            assert post_json(f"{base}/r/{wrong}/api/join", {}) == unknown
            assert post_json(f"{base}/r/{wrong}/api/ballot", {"round": 1, "votes": {}}) == unknown
        for path in ("/", "/r", "/r/", "/favicon.ico", f"/{token}/", f"/x/{token}/"):
            assert fetch(base + path) == unknown, path
        assert server.room.status().phones == 0
        assert fetch(f"{base}/r/{token}/")[0] == 200


def test_oversized_and_malformed_requests_are_refused() -> None:
    with served_room() as server:
        url = server.url()
        server.room.start_round(OPTIONS, votes=3, per_option=3)
        cases = [
            (b"{" + b" " * 5000 + b"}", "application/json", 413),
            (b"not json", "application/json", 400),
            (b"[1, 2]", "application/json", 400),
            (b"[" * 3000 + b"]" * 3000, "application/json", 413),
            (b"[" * 1500 + b"]" * 1500, "application/json", 400),
            (b'{"name": NaN}', "application/json", 400),
            (b'{"name": "x"}', "text/plain", 400),
            (b'{"name": "x"}', "application/x-www-form-urlencoded", 400),
            (b"\xff\xfe{}", "application/json", 400),
        ]
        for body, kind, expected in cases:
            status, headers, reply = fetch(url + "api/join", body, {"Content-Type": kind})
            assert status == expected, (body[:20], kind, reply)
            assert headers["Content-Security-Policy"] == CSP
        status, _, _ = post_json(url + "api/join", {}, Origin="http://evil.example")
        assert status == 400
        assert server.room.status().phones == 0
        status, _, reply = post_json(url + "api/ballot", {"round": 1, "votes": [1]})
        assert status == 403 and json.loads(reply)["error"] == "not-joined"


def test_oversized_headers_and_bodies_sent_raw_are_refused() -> None:
    with served_room() as server:
        path = f"/r/{server.room.token}/api/join"
        long_header = f"GET {path} HTTP/1.1\r\nHost: x\r\nX-Big: {'a' * 5000}\r\n\r\n"
        assert raw_request(server.port, long_header.encode()).split(b" ")[1] in (b"400", b"431")
        long_line = f"GET {path}?{'a' * 3000} HTTP/1.1\r\nHost: x\r\n\r\n"
        assert raw_request(server.port, long_line.encode()).split(b" ")[1] in (b"400", b"414")
        chunked = (
            (
                f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            ).encode()
            + b"".join(b"400\r\n" + b" " * 1024 + b"\r\n" for _ in range(6))
            + b"0\r\n\r\n"
        )
        assert raw_request(server.port, chunked).split(b" ")[1] == b"413"
        assert raw_request(server.port, b"\x16\x03\x01garbage\r\n\r\n").split(b" ")[1] == b"400"
        assert server.room.status().phones == 0


def test_every_answer_carries_the_strict_headers() -> None:
    with served_room() as server:
        url = server.url()
        answers = [fetch(url + p) for p in ("", "app.js", "app.css", "strings.json", "api/state")]
        answers += [fetch(url + "nothing"), post_json(url + "api/state", {}), fetch(url[:-1])]
        answers += [post_json(url + "api/join", {"name": 3})]
        for status, headers, _ in answers:
            assert headers["Content-Security-Policy"] == CSP, status
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "no-referrer"
            assert headers["Cache-Control"] == "no-store"
            assert headers["X-Frame-Options"] == "DENY"
        assert [a[0] for a in answers] == [200, 200, 200, 200, 200, 404, 405, 200, 200]
        path = f"/r/{server.room.token}"
        ask = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        redirect = raw_request(server.port, ask.encode())
        assert (
            redirect.startswith(b"HTTP/1.1 302") and f"Location: {path}/\r\n".encode() in redirect
        )
        for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'",
                          "connect-src 'self'", "img-src 'self' data:",
                          "frame-ancestors 'none'", "form-action 'self'"):  # fmt: skip
            assert directive in CSP
        assert answers[1][1]["Content-Type"].startswith("text/javascript")


def test_rate_limits_hold_per_phone_per_address_and_for_joins() -> None:
    limits = RoomLimits(phone_rate=0.01, phone_burst=4, join_rate=0.01, join_burst=2)
    with served_room(limits) as server:

        async def scenario() -> tuple[list[int], list[int]]:
            phones = [Phone(server.url()) for _ in range(3)]
            try:
                joins = [(await p.join())[0] for p in phones]
                polls = [(await phones[0].call("GET", "api/state"))[0] for _ in range(5)]
                return joins, polls
            finally:
                for phone in phones:
                    await phone.close()

        joins, polls = asyncio.run(scenario())
        assert joins == [200, 200, 429]
        assert polls == [200, 200, 200, 200, 429]  # a join is counted per address, not per phone
    with served_room(RoomLimits(address_rate=0.01, address_burst=5)) as server:
        statuses = [fetch(f"http://127.0.0.1:{server.port}/r/wrong/")[0] for _ in range(7)]
        assert statuses == [404] * 5 + [429] * 2
        assert fetch(server.url())[1]["Retry-After"] == "2"


def test_the_server_is_gone_after_close_and_its_token_with_it() -> None:
    with served_room() as server:
        url, port = server.url(), server.port
        assert fetch(url)[0] == 200
    assert refuses_connections(port)
    assert server.room.closed and not server.running
    again = RoomServer(server.room.__class__(), "127.0.0.1", port)  # the port is free again
    again.start()
    try:
        assert fetch(url)[0] == 404  # a new room: the old token means nothing
    finally:
        again.stop()


def test_a_bad_address_fails_in_one_sentence() -> None:
    from alignment_workshop.room.server import RoomServerError
    from alignment_workshop.room.state import Room

    for host, words in (("not-an-ip", "not a network address"),
                        ("192.0.2.254", "not an address of this computer")):  # fmt: skip
        with pytest.raises(RoomServerError, match=words) as caught:
            RoomServer(Room(), host, 0).start()
        assert "\n" not in str(caught.value)


def test_the_page_loads_nothing_from_outside_and_builds_no_markup_from_text() -> None:
    from alignment_workshop.room.assets import load_assets

    assets = load_assets()
    page, script, style = (assets[n].body.decode() for n in ("", "app.js", "app.css"))
    for text in (page, script, style):
        assert not re.search(r"https?:|//[a-z0-9]|@import|url\(", text, re.IGNORECASE)
    assert not re.search(r"<script>|<style|\sstyle=|\son[a-z]+=", page)
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                  "new Function", "setAttribute(\"on"):  # fmt: skip
        assert risky not in script
    assert '<script src="app.js" defer></script>' in page

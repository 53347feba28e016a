"""The room's HTTP side: one aiohttp application that answers phones, and nothing else.

Every address lives under `/r/<room token>/`. A request whose token is missing or wrong
gets exactly the answer of an address that does not exist (404, same body, same
headers), so the server says nothing to someone without the secret; tokens are compared
in constant time. Inside the room there are four things to fetch (the page, its script,
its style, its words) and four API calls:

    GET  api/state      what this phone may see now
    POST api/join       join (named mode: {"name": …}); sets the phone's cookie
    POST api/ballot     {"round": n, "votes": {option id: dots}}; recast at will
    POST api/proposal   {"title": …, "why": …, "team": id or null}
    POST api/answer     {"question": id, "text": …}

Every answer carries a strict Content-Security-Policy and no-store, no-referrer and
nosniff headers. Each network address and each phone has a rate limit, bodies and
header lines a size limit, and POSTs must be JSON from the page's own origin. A refusal
is `{"ok": false, "error": code}`; the page words the code.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from alignment_workshop.i18n import _

from .assets import Asset
from .errors import RoomError
from .limits import RateLimiter
from .state import Room
from .tokens import same_secret

#: The policy every answer carries: the page may load its own script and style, talk
#: to its own server, and nothing else; no framing, no inline code, no outside form.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Server": "alignment-workshop-room",
}
PHONE_COOKIE = "aw_phone"
_PHONE_ID_MAX = 64
#: How long a phone's cookie lasts: a long workshop day.
COOKIE_SECONDS = 12 * 3600
#: The HTTP status for each refusal code; any other code is 409 Conflict.
STATUS_OF = {
    "not-joined": 403,
    "bad-request": 400,
    "too-large": 413,
    "slow-down": 429,
    "room-full": 503,
}

Handler = Callable[[web.Request, str | None], Awaitable[web.StreamResponse]]


def _secured(response: web.StreamResponse) -> web.StreamResponse:
    response.headers.update(SECURITY_HEADERS)
    return response


def not_found() -> web.StreamResponse:
    """The one answer for a wrong token, a missing token and an address that is not there."""
    return _secured(web.Response(status=404, text=_("Not found."), content_type="text/plain"))


def refusal(code: str) -> web.StreamResponse:
    response = web.json_response({"ok": False, "error": code}, status=STATUS_OF.get(code, 409))
    if code == "slow-down":
        response.headers["Retry-After"] = "2"
    return _secured(response)


class PhoneApi:
    """The handlers of one room, with its assets in memory and its rate limiters."""

    def __init__(self, room: Room, assets: dict[str, Asset]) -> None:
        self.room, self.assets = room, assets
        lim = room.limits
        self.per_address = RateLimiter(lim.address_rate, lim.address_burst)
        self.joins = RateLimiter(lim.join_rate, lim.join_burst)
        self.per_phone = RateLimiter(lim.phone_rate, lim.phone_burst)
        self.prefix = f"/r/{room.token}/"
        self.routes: dict[tuple[str, str], Handler] = {
            ("GET", "api/state"): self.state,
            ("POST", "api/join"): self.join,
            ("POST", "api/ballot"): self.ballot,
            ("POST", "api/proposal"): self.proposal,
            ("POST", "api/answer"): self.answer,
        }

    def application(self) -> web.Application:
        """The aiohttp application: every address goes through `dispatch`."""
        app = web.Application(client_max_size=self.room.limits.max_body)
        app.router.add_route("*", "/{tail:.*}", self.dispatch)
        return app

    def _inside(self, path: str) -> str | None:
        """The part of `path` after `/r/<token>/`, or None when the token is not the room's."""
        if not path.startswith("/r/"):
            return None
        token, slash, rest = path[3:].partition("/")
        if not same_secret(token, self.room.token):
            return None
        return rest if slash else "/"

    async def dispatch(self, request: web.Request) -> web.StreamResponse:
        """Rate-limit by address, check the token, then route inside the room."""
        if not self.per_address.allow(request.remote or "?"):
            return refusal("slow-down")
        rest = self._inside(request.path)
        if rest is None or self.room.closed:
            return not_found()
        if rest == "/":  # the address without its last slash: the page's links need it
            return _secured(web.Response(status=302, headers={"Location": self.prefix}))
        if request.method == "GET" and rest in self.assets:
            asset = self.assets[rest]
            response = web.Response(body=asset.body, content_type=asset.content_type)
            response.charset = "utf-8"
            return _secured(response)
        handler = self.routes.get((request.method, rest))
        if handler is None:
            known = rest in self.assets or any(rest == path for _, path in self.routes)
            if not known:
                return not_found()
            return _secured(web.Response(status=405, text=_("Method not allowed.")))
        phone = self._phone(request)
        if phone is not None and not self.per_phone.allow(phone):
            return refusal("slow-down")
        try:
            return await handler(request, phone)
        except RoomError as refused:
            return not_found() if refused.code == "room-closed" else refusal(refused.code)

    def _phone(self, request: web.Request) -> str | None:
        """The id in the phone's cookie, if the room knows it."""
        phone = request.cookies.get(PHONE_COOKIE, "")
        if not phone or len(phone) > _PHONE_ID_MAX or not self.room.knows(phone):
            return None
        return phone

    def _view(self, phone: str | None) -> web.StreamResponse:
        return _secured(web.json_response({"ok": True, "view": self.room.phone_view(phone)}))

    # ------------------------------------------------------------------ API calls

    async def state(self, request: web.Request, phone: str | None) -> web.StreamResponse:
        return self._view(phone)

    async def join(self, request: web.Request, phone: str | None) -> web.StreamResponse:
        body = await _json_body(request, self.room.limits.max_body)
        if phone is not None:  # joined already: the same phone, the same ballot
            return self._view(phone)
        if not self.joins.allow(request.remote or "?"):
            raise RoomError("slow-down")
        phone = self.room.join(body.get("name", ""))
        response = self._view(phone)
        response.set_cookie(
            PHONE_COOKIE, phone, path=self.prefix, max_age=COOKIE_SECONDS,
            httponly=True, samesite="Strict",
        )  # fmt: skip
        return response

    async def ballot(self, request: web.Request, phone: str | None) -> web.StreamResponse:
        body = await _json_body(request, self.room.limits.max_body)
        votes = body.get("votes")
        joined = _joined(phone)
        if not isinstance(votes, dict):
            raise RoomError("bad-ballot")
        self.room.cast(joined, body.get("round"), votes)
        return self._view(phone)

    async def proposal(self, request: web.Request, phone: str | None) -> web.StreamResponse:
        body = await _json_body(request, self.room.limits.max_body)
        self.room.propose(_joined(phone), body.get("title"), body.get("why", ""), body.get("team"))
        return self._view(phone)

    async def answer(self, request: web.Request, phone: str | None) -> web.StreamResponse:
        body = await _json_body(request, self.room.limits.max_body)
        self.room.answer(_joined(phone), body.get("question"), body.get("text"))
        return self._view(phone)


def _joined(phone: str | None) -> str:
    if phone is None:
        raise RoomError("not-joined")
    return phone


def _same_origin(request: web.Request) -> bool:
    """Whether a POST comes from the room's own page (browsers send Origin on fetch POSTs)."""
    origin = request.headers.get("Origin")
    return origin is None or origin == f"{request.scheme}://{request.host}"


async def _json_body(request: web.Request, limit: int) -> dict[str, Any]:
    """The request's JSON object; refuses other types, other origins, big or bad bodies."""
    if request.content_type != "application/json" or not _same_origin(request):
        raise RoomError("bad-request")
    if (request.content_length or 0) > limit:
        raise RoomError("too-large")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise RoomError("too-large") from None
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise RoomError("bad-request") from None
    if not isinstance(body, dict):
        raise RoomError("bad-request")
    return body


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")

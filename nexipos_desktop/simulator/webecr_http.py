"""What the WebECR simulator's HTTP modules share: the app's host key, JSON replies and bodies."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_requests import RequestError

HOST: web.AppKey[WebEcrHost] = web.AppKey("host", WebEcrHost)


def json_reply(data: Any, status: int = 200) -> web.Response:
    """A JSON response (UTF-8, Greek kept readable)."""
    return web.json_response(data, status=status, dumps=lambda value: json.dumps(value, ensure_ascii=False))


async def read_body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object (empty when there is no body); 400 for anything else."""
    if not request.body_exists:
        return {}
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise RequestError("JSON parse error.") from None
    if not isinstance(body, dict):
        raise RequestError({"non_field_errors": ["Invalid data. Expected a dictionary."]})
    return body

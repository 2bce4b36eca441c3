"""Faults the WebECR simulator can inject into its API responses (never into its ``/_sim/`` control routes).

==================  ==================================================================================
 fault               effect on a matching request
==================  ==================================================================================
 server_error        answered at once with HTTP ``status`` (default 500) and a plain-text body; not handled
 slow                handled after ``seconds`` (default 5, not scaled)
 drop_response       handled, then the connection is closed without a response
 drop_after_charge   every approval is booked, and the response that would carry it is dropped (like 13.13 €)
 malformed_json      handled, but the JSON body is cut in half
==================  ==================================================================================

A rule can be limited to ``times`` requests and to paths containing ``route`` (e.g. ``txninit``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Fault(StrEnum):
    SERVER_ERROR = "server_error"
    SLOW = "slow"
    DROP_RESPONSE = "drop_response"
    DROP_AFTER_CHARGE = "drop_after_charge"
    MALFORMED_JSON = "malformed_json"


@dataclass
class FaultRule:
    fault: Fault
    times: int | None = None  # None: until cleared
    route: str | None = None
    seconds: float = 5.0
    status: int = 500

    def to_json(self) -> dict[str, Any]:
        return {key.capitalize(): value for key, value in asdict(self).items()}


class Faults:
    """The active fault rules; :meth:`take` uses one up."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(self, fault: Fault | str, *, times: int | None = None, route: str | None = None,
            seconds: float = 5.0, status: int = 500) -> FaultRule:
        if times is not None and times < 1:
            raise ValueError("times must be at least 1")
        if not 500 <= status <= 599:
            raise ValueError("status must be a 5xx code")
        rule = FaultRule(Fault(fault), times, route, seconds, status)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def take(self, fault: Fault, path: str) -> FaultRule | None:
        """The first rule of ``fault`` matching ``path`` (used up once), or None."""
        for rule in self.rules:
            if rule.fault is fault and (rule.route is None or rule.route in path):
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times == 0:
                        self.rules.remove(rule)
                return rule
        return None

    def active(self, fault: Fault, path: str = "") -> bool:
        """Whether a rule of ``fault`` would match ``path`` (without using it up)."""
        return any(r.fault is fault and (r.route is None or r.route in path) for r in self.rules)

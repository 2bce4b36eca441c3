"""Drivers by name: configuration says ``terminal.driver = "ecr_socket"`` and the registry builds it."""

from __future__ import annotations

from collections.abc import Callable

from nexipos_desktop.payments.contract import TerminalConfig, TerminalDriver

DriverFactory = Callable[[TerminalConfig], TerminalDriver]
_DRIVERS: dict[str, DriverFactory] = {}


def register_driver(name: str) -> Callable[[DriverFactory], DriverFactory]:
    """Class or factory decorator: ``@register_driver("ecr_socket")``."""

    def add(factory: DriverFactory) -> DriverFactory:
        _DRIVERS[name] = factory
        return factory

    return add


def driver_names() -> list[str]:
    _load_builtin_drivers()
    return sorted(_DRIVERS)


def create_driver(config: TerminalConfig) -> TerminalDriver:
    """Build the driver named in ``config.driver``; unknown names fail with a Greek message."""
    _load_builtin_drivers()
    try:
        factory = _DRIVERS[config.driver]
    except KeyError:
        raise ValueError(f"Άγνωστος οδηγός τερματικού «{config.driver}» (διαθέσιμοι: {', '.join(sorted(_DRIVERS))})") from None
    return factory(config)


def _load_builtin_drivers() -> None:
    import nexipos_desktop.payments.drivers  # noqa: F401  (each driver module registers itself)

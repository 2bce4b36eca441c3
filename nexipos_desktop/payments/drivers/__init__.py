"""Built-in terminal drivers; importing this package registers them by name."""

from nexipos_desktop.payments.drivers import ecr_socket  # noqa: F401
from nexipos_desktop.payments.drivers import webecr  # noqa: F401

"""A NEXI terminal simulator for tests, demos and certification rehearsals (Qt-free).

:mod:`~nexipos_desktop.simulator.terminal_model` is the protocol-independent terminal (TID, batch, sessions,
magic amounts, A.1155 proof checks, ledger); :mod:`~nexipos_desktop.simulator.socket_server` serves it over the
ECR–POS socket protocol and :mod:`~nexipos_desktop.simulator.webecr_server` over the WebECR cloud REST API
(state in :mod:`~nexipos_desktop.simulator.webecr_host`). ``nexipos simulator --socket`` / ``--webecr`` run them
from the command line; :mod:`~nexipos_desktop.simulator.embedded` starts one inside the till (``make run``).
"""

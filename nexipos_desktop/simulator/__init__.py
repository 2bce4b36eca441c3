"""A NEXI terminal simulator for tests, demos and certification rehearsals (Qt-free).

:mod:`~nexipos_desktop.simulator.terminal_model` is the protocol-independent terminal (TID, batch, sessions,
magic amounts, A.1155 proof checks, ledger); :mod:`~nexipos_desktop.simulator.socket_server` serves it over the
ECR–POS socket protocol. ``nexipos simulator --socket`` runs it from the command line.
"""

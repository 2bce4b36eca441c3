"""Page 6: everything that Finish will save, in one place (secrets by name only)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from nexipos_desktop.admin.terminals import PROTOCOL_NAMES
from nexipos_desktop.ui.wizard.common import SetupState, note_label, problem_label


class SummaryPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Σύνοψη"))
        self.setSubTitle(self.tr("Με «Ολοκλήρωση» αποθηκεύονται όλα μαζί· με «Άκυρο» δεν αλλάζει τίποτα."))
        self.text = QLabel(objectName="summaryText", wordWrap=True)
        self.problem = problem_label("summaryProblem")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch()
        layout.addWidget(note_label(self.tr("Τα μυστικά (κλειδιά, κωδικοί) πάνε στον ασφαλή χώρο κλειδιών του συστήματος, ποτέ στη βάση ή στα αρχεία καταγραφής.")))
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        plan, values = self.state.plan, {**self.state.values, **self.state.plan.settings}
        rows = [
            (self.tr("Επιχείρηση"), f"{values.get('shop.name', '')} · ΑΦΜ {values.get('shop.vat', '')} · "
                                    f"ΔΟΥ {values.get('shop.tax_office', '')}"),
            (self.tr("Διεύθυνση"), f"{values.get('shop.address', '')} · {self.tr('εγκατάσταση')} {values.get('shop.branch', 0)}"),
            (self.tr("Σειρές"), " · ".join(f"{code}: {values.get(f'series.{code}', '')}" for code in ("11.1", "11.2", "11.4"))),
            (self.tr("Φορολογική διαδρομή"), self.tr("πάροχος {0}").format(values.get("fiscal.provider_id", ""))
             if values.get("fiscal.route") == "provider" else self.tr("ΦΗΜΑΣ {0}").format(values.get("fiscal.ecr_id", ""))),
        ]
        terminal = plan.terminal
        if terminal is not None:
            where = f"{terminal.host}:{terminal.port}" if terminal.protocol == "tcp" else terminal.base_url
            rows.append((self.tr("Τερματικό"), f"{terminal.name} · {terminal.kind} · {PROTOCOL_NAMES[terminal.protocol]} "
                                               f"· {where} · TID {terminal.tid}"))
        printer = values.get("printing.printer") or self.tr("προεπιλεγμένος")
        rows.append((self.tr("Εκτύπωση"), f"{'PDF' if printer == 'pdf' else printer} · {values.get('printing.paper', '')}"))
        if plan.users:
            rows.append((self.tr("Χρήστες"), " · ".join(f"{u.name} ({u.role.value})" for u in plan.users)))
        if plan.secrets:
            rows.append((self.tr("Στο keyring"), ", ".join(sorted(plan.secrets))))
        self.text.setText("<table cellpadding='3'>" + "".join(
            f"<tr><td><b>{escape(label)}</b></td><td>{escape(str(value))}</td></tr>" for label, value in rows)
            + "</table>")

"""The setup wizard: from "installed" to "first card sale" (business, fiscal route, terminal, printer, users)."""

from nexipos_desktop.ui.wizard.wizard import SetupWizard

__all__ = ["SetupWizard"]

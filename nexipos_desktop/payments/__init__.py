"""Card payments: terminal protocols and drivers (plain Python, no Qt)."""

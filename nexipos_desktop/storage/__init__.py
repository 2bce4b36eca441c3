"""SQLite storage: schema, migrations, catalogue, numbering, receipts and the audit log."""

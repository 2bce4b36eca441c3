"""Built-in terminal drivers; importing this package registers them by name."""

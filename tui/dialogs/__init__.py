"""Modal dialogs; each returns a typed result (or None when the clerk cancels)."""

"""The desk's screens; each asks the app's service for what it shows."""

"""Reusable widgets: they get data passed down and post messages up; none calls a service."""

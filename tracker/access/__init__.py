"""Who may do what: accounts with argon2 password hashes, roles, and the rules of each role.

On a server database every clerk logs in; a file database belongs to the clerk who has it
and keeps working without accounts (its principal may do everything).
"""
from tracker.access.models import Action, Principal, Role, User
from tracker.access.policy import check, may

__all__ = ["Action", "Principal", "Role", "User", "check", "may"]

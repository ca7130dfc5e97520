"""Accounts, roles and the principal a service acts for."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "администратор"  # users and settings, and everything a controller does
    CONTROLLER = "контролёр"  # all acts and orders
    EXECUTOR = "исполнитель"  # the orders addressed to one organisation: sees them, files reports
    OBSERVER = "наблюдатель"  # reads everything, changes nothing


class Action(StrEnum):
    READ = "просмотр"
    REPORT = "отчёт об исполнении"
    COMMENT = "комментарий"
    CONTROL = "решения по поручениям"  # accept, return, extend, withdraw, set dates, create orders
    IMPORT = "загрузка актов"
    REGISTRY = "ведение реестра"
    DRAFT = "подготовка проектов документов"
    SETTINGS = "настройки"
    USERS = "учётные записи"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who the services act for: a login, its role and, for an executor, its organisation."""

    login: str
    role: Role
    executor_id: str | None = None  # the organisation an исполнитель answers for
    name: str | None = None  # as shown: «Иванова А.П.»

    @classmethod
    def file_owner(cls, login: str) -> Principal:
        """The clerk of a file database: no accounts there, every right."""
        return cls(login=login, role=Role.ADMIN)

    @property
    def shown(self) -> str:
        return self.name or self.login


@dataclass(slots=True)
class User:
    """A stored account (the password only as its argon2 hash)."""

    login: str
    role: Role
    password_hash: str
    name: str | None = None
    executor_id: str | None = None
    disabled: bool = False
    created: str | None = None  # ISO timestamp
    last_login: str | None = None  # ISO timestamp of the last successful login
    failed_logins: int = 0  # wrong passwords in a row since then
    last_failed_login: str | None = None  # ISO timestamp of the last of them

    def principal(self) -> Principal:
        return Principal(self.login, self.role, self.executor_id, self.name)

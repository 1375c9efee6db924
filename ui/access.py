"""Who may use the web app: logins for Gradio's auth, admins who may change the index, and
whether an address reaches beyond this machine."""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


class UsersError(ValueError):
    """A login given to ``serve`` cannot be used; the message names where it came from."""


@dataclass(frozen=True)
class Users:
    """The app's logins, and the admins among them: only admins upload and delete articles.

    Usage::

        users = load_users(["alice:s3cret", "bob:hunter2"], users_file=None, admins=[])
        users.login("alice", "s3cret")  # True; Gradio's auth calls this
        users.may_write("bob")          # False: alice, the first user, is the admin
    """

    passwords: Mapping[str, str]
    admins: frozenset[str]

    def login(self, username: str, password: str) -> bool:
        """Whether ``password`` is ``username``'s (compared in constant time)."""
        known = self.passwords.get(username)
        return known is not None and hmac.compare_digest(known.encode(), password.encode())

    def may_write(self, username: str | None) -> bool:
        """Whether ``username`` (None: not logged in) may upload and delete articles."""
        return username is not None and username in self.admins


def load_users(auth: Iterable[str], users_file: Path | None, admins: Iterable[str]) -> Users | None:
    """The logins from ``--auth user:password`` entries and a users file (one
    ``user:password`` a line; blank lines and ``#`` comments skipped), or None when there are
    none (no auth). ``admins`` names the admins; none named: the first user given is the
    admin. Raises ``UsersError`` naming the entry, file or line that is wrong."""
    entries = [
        (_parse(entry, f"--auth entry {n}"), f"--auth entry {n}")
        for n, entry in enumerate(auth, start=1)
    ]
    if users_file is not None:
        entries += _read_users_file(users_file)
    chosen = [a for a in admins if a]
    if not entries:
        if chosen:
            raise UsersError(
                f"--admin {chosen[0]}: there are no users; add --auth user:password or --users FILE"
            )
        return None
    passwords: dict[str, str] = {}
    where_first: dict[str, str] = {}
    for (name, password), where in entries:
        if name in passwords:
            raise UsersError(
                f"{where}: the user {name!r} is already given by {where_first[name]}; "
                "give each user once"
            )
        passwords[name] = password
        where_first[name] = where
    for admin in chosen:
        if admin not in passwords:
            raise UsersError(
                f"--admin {admin}: no such user; give one of {', '.join(sorted(passwords))}"
            )
    return Users(passwords, frozenset(chosen or [entries[0][0][0]]))


def _read_users_file(path: Path) -> list[tuple[tuple[str, str], str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UsersError(f"{path}: cannot read the users file ({reason})") from error
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            where = f"{path}, line {number}"
            entries.append((_parse(entry, where), where))
    return entries


def _parse(entry: str, where: str) -> tuple[str, str]:
    """``user:password`` split at its first colon; the message never repeats the password."""
    name, colon, password = entry.partition(":")
    name = name.strip()
    if not colon or not name or not password:
        raise UsersError(
            f"{where}: expected user:password, with neither part empty (a user name has no "
            "colon; the password may)"
        )
    return name, password


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` reaches only this machine (127.0.0.0/8, ::1, localhost);
    ``0.0.0.0``, ``::``, a LAN address or a name that resolves elsewhere reaches further."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addresses = {info[4][0] for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)

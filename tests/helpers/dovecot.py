"""A real Dovecot (Debian's dovecot-imapd) on a free loopback port, with a temporary config:
passwd-file users, maildir, Drafts marked \\Drafts and Sent marked \\Sent (RFC 6154), plain IMAP
on one port (STARTTLS offered when a certificate is given) and IMAPS on another.

Unprivileged: run by a normal user, every Dovecot process runs as that user. Run as root (CI),
Dovecot refuses root for its login processes and for mail, so those run as `nobody`, and the
folders they use are made traversable for it."""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from imapclient import IMAPClient

from tests.helpers.mongo_server import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"


def available() -> bool:
    return os.path.exists(DOVECOT)


def make_certificates(folder: Path) -> dict[str, Path]:
    """A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost (openssl)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca, key, csr, cert = (folder / n for n in ("ca.key", "ca.pem", "server.key", "server.csr",
                                                       "server.pem"))
    ext = folder / "san.ext"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n")
    run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca), "-days", "2",
        "-subj", "/CN=pipeline test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", "/CN=127.0.0.1")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial", "-out", str(cert),
        "-days", "2", "-extfile", str(ext))
    return {"ca": ca, "cert": cert, "key": key}


class Dovecot:
    """One Dovecot master process; stop() and start() again keep its port and mail."""

    def __init__(self, tls: dict[str, Path] | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="dovecot-test-"))
        os.chmod(self.root, 0o755)  # the login processes (nobody, under root) reach its sockets
        self.port, self.tls_port = free_port(), free_port()
        self.tls = tls
        self.proc: subprocess.Popen[bytes] | None = None
        self.passwords: dict[str, str] = {}
        self.taken: set[str] = set()
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            self.login_user, self.uid, self.gid = "nobody", nobody.pw_uid, nobody.pw_gid
        else:
            me = pwd.getpwuid(os.geteuid())
            self.login_user, self.uid, self.gid = me.pw_name, me.pw_uid, os.getegid()
        (self.root / "home").mkdir()
        os.chown(self.root / "home", self.uid, self.gid)
        (self.root / "passwd").write_text("")
        self._write_config()

    @property
    def log_file(self) -> Path:
        return self.root / "dovecot.log"

    def _write_config(self) -> None:
        internal = pwd.getpwuid(os.geteuid()).pw_name
        ssl = "no"
        certs = ""
        if self.tls:
            ssl = "yes"
            certs = f"ssl_cert = <{self.tls['cert']}\nssl_key = <{self.tls['key']}\n"
        services = "\n".join(f"service {name} {{\n  chroot =\n}}" for name in ("anvil", "stats", "pop3-login",
                                                                              "submission-login",
                                                                              "imap-urlauth-login"))
        imaps = f"inet_listener imaps {{\n    address = 127.0.0.1\n    port = {self.tls_port}\n    ssl = yes\n  }}" \
            if self.tls else "inet_listener imaps {\n    port = 0\n  }"
        (self.root / "dovecot.conf").write_text(f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.log_file}
protocols = imap
listen = 127.0.0.1
ssl = {ssl}
{certs}
default_login_user = {self.login_user}
default_internal_user = {internal}
default_internal_group = {_group_name(os.getegid())}
first_valid_uid = 0
first_valid_gid = 0
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_max_userip_connections = 100
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid={self.uid} gid={self.gid} home={self.root}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  {imaps}
}}
{services}
""")

    def add_user(self, user: str, password: str) -> None:
        """Users are added before start (Dovecot keeps the passwd-file it read)."""
        self.passwords[user] = password
        (self.root / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self.passwords.items()))

    def next_user(self) -> tuple[str, str]:
        """A user no test has used yet on this server (each test gets a mailbox of its own)."""
        for user, password in self.passwords.items():
            if user not in self.taken:
                self.taken.add(user)
                return user, password
        raise RuntimeError("no unused test user left: add more before start")

    def start(self, timeout: float = 20.0) -> None:
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")],
                                     stdout=subprocess.DEVNULL, stderr=open(self.root / "stderr.log", "ab"))
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"dovecot did not start on port {self.port}: {self._errors()}")

    def _errors(self) -> str:
        found = []
        for name in ("stderr.log", "dovecot.log"):
            path = self.root / name
            if path.exists():
                found.append(path.read_text(errors="replace")[-2000:])
        return "\n".join(found)

    def stop(self) -> None:
        """The server goes away: the master and every session process it started (as a service
        manager stops it; the master alone leaves its sessions running), so a sync in the middle
        sees its connection drop."""
        if self.proc and self.proc.poll() is None:
            sessions = _descendants(self.proc.pid)
            self.proc.terminate()
            for pid in sessions:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # its children may close a moment later; wait until nothing answers on the port
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                time.sleep(0.1)
            except OSError:
                return

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def client(self, user: str) -> IMAPClient:
        """A plain client of the test's own, to put mail in place and look at what the pipeline did."""
        client = IMAPClient("127.0.0.1", self.port, ssl=False, timeout=10)
        client.login(user, self.passwords[user])
        return client

    def doveadm(self, *args: str) -> str:
        done = subprocess.run([DOVEADM, "-c", str(self.root / "dovecot.conf"), *args], capture_output=True, text=True,
                              timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def set_uidvalidity(self, user: str, folder: str, value: int) -> None:
        self.doveadm("mailbox", "update", "-u", user, "--uid-validity", str(value), folder)

    def bytes_sent(self, user: str) -> int:
        """Bytes Dovecot sent to `user`'s sessions so far, from its own log ("out=N" at disconnect)."""
        import re

        total = 0
        for line in self.log_file.read_text(errors="replace").splitlines():
            if f"imap({user})" in line:
                total += sum(int(n) for n in re.findall(r"\bout=(\d+)", line))
        return total


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _group_name(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name

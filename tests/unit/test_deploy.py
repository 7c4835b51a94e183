"""deploy/: the files Docker would use, checked for what serving many viewers needs. There is no
Docker engine here, so they are parsed, not built; HAProxy checks its own configuration, and
tests/e2e/test_replicas.py runs that configuration in front of three replicas."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bench.replicas import haproxy_config
from tests.conftest import REPO

DEPLOY = REPO / "deploy"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


def _instructions(path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per Dockerfile instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", path.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in lines]


def test_the_image_is_slim_runs_as_a_user_and_checks_its_health():
    steps = _instructions(DEPLOY / "Dockerfile")
    base = [args for op, args in steps if op == "FROM"]
    assert len(base) == 1 and re.match(r"python:3\.11[\w.-]*-slim", base[0]), base
    users = [args for op, args in steps if op == "USER"]
    assert users and users[-1] not in ("root", "0"), "the app must not run as root"
    # The user is set before the command runs, and nothing after it switches back.
    assert [op for op, _ in steps].index("USER") < [op for op, _ in steps].index("CMD")
    health = [args for op, args in steps if op == "HEALTHCHECK"]
    assert health and "/_stcore/health" in health[0]
    command = next(args for op, args in steps if op == "CMD")
    # As bin/run starts it: bin/serve.py (streamlit run app.py, the first deep link finds its page).
    assert "bin/serve.py" in command and "8501" in command
    assert "0.0.0.0" in command  # reachable from the load balancer's container
    # Every file the app needs at run time is copied (the code the tests import, its settings).
    copied = " ".join(args for op, args in steps if op == "COPY")
    for needed in ("pyproject.toml", "components", "app.py", "bin/serve.py", "pages", "assets", ".streamlit/config.toml",
                   "data"):
        assert needed in copied, needed
    assert ".streamlit/secrets.toml" not in copied


def test_the_build_context_leaves_out_secrets_and_local_state():
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    for private in (".streamlit/secrets.toml", "deploy/.env", "deploy/secrets.toml", "data/.history", "data/.cache"):
        assert private in ignored, private


def test_compose_runs_replicas_that_share_data_cookie_secret_and_secrets_behind_haproxy():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    replicas = {name: service for name, service in services.items() if "build" in service}
    assert len(replicas) >= 2
    lb = services["lb"]
    assert lb["image"].startswith("haproxy:")
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in lb["volumes"]
    assert set(lb["depends_on"]) == set(replicas)
    mounts, secrets, cookie_secrets = set(), set(), set()
    for name, service in replicas.items():
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert service["environment"]["MOBILITY_DATA_DIR"] == "/app/data"
        cookie_secrets.add(service["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"])
        data = [v for v in service["volumes"] if v["target"] == "/app/data"]
        assert len(data) == 1, name
        mounts.add(data[0]["source"])
        secrets.update(s["source"] for s in service["secrets"])
        assert service["secrets"][0]["target"] == "secrets.toml"  # /run/secrets/secrets.toml, as the CMD reads
        assert not str(service.get("user", "")).startswith(("0", "root"))
    # One data folder, one cookie secret (from deploy/.env, required), one secrets file for all.
    assert len(mounts) == 1 and len(secrets) == 1 and len(cookie_secrets) == 1
    assert cookie_secrets.pop().startswith("${STREAMLIT_COOKIE_SECRET:?")
    assert compose["secrets"][secrets.pop()]["file"] == "./secrets.toml"
    assert "/run/secrets/secrets.toml" in (DEPLOY / "Dockerfile").read_text()


def test_haproxy_has_one_sticky_server_line_per_replica():
    config = (DEPLOY / "haproxy.cfg").read_text()
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    replicas = sorted(name for name, service in compose["services"].items() if "build" in service)
    servers = re.findall(r"^\s*server\s+(\S+)\s+(\S+):8501\b.*\bcookie\s+(\S+)", config, re.M)
    assert sorted(name for name, _, _ in servers) == replicas
    assert all(name == host == cookie for name, host, cookie in servers)
    assert re.search(r"^\s*cookie SERVERID insert indirect nocache\b", config, re.M)
    assert re.search(r"^\s*option httpchk GET /_stcore/health$", config, re.M)
    assert re.search(r"^\s*default-server check\b", config, re.M)
    # Kept on a replica whose check is late (busy), moved only when it cannot be reached (dead).
    assert re.search(r"^\s*option persist\n\s*option redispatch$", config, re.M)
    tunnel = re.search(r"^\s*timeout tunnel (\d+)(h|m|s)$", config, re.M)
    seconds = int(tunnel.group(1)) * {"h": 3600, "m": 60, "s": 1}[tunnel.group(2)]
    assert seconds >= 3600, "a presenter's websocket must outlive an hour-long session"


def test_haproxy_accepts_the_shipped_and_the_loopback_configuration(tmp_path):
    if not Path(HAPROXY).exists():
        pytest.fail(f"{HAPROXY} is missing: install Debian's haproxy (bin/test does this as root)")
    shipped = subprocess.run([HAPROXY, "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True)
    assert shipped.returncode == 0, shipped.stderr  # (warns that app1..3 resolve only inside Docker)
    loopback = tmp_path / "haproxy.cfg"
    loopback.write_text(haproxy_config((DEPLOY / "haproxy.cfg").read_text(), 18080,
                                       [(f"app{n}", f"127.0.0.1:{18080 + n}") for n in range(1, 5)]))
    checked = subprocess.run([HAPROXY, "-c", "-f", str(loopback)], capture_output=True, text=True)
    assert checked.returncode == 0 and "WARNING" not in checked.stderr, checked.stderr


def test_the_loopback_configuration_changes_only_the_bind_and_the_server_addresses():
    template = (DEPLOY / "haproxy.cfg").read_text()
    loopback = haproxy_config(template, 18080, [("app1", "127.0.0.1:1"), ("app2", "127.0.0.1:2"),
                                                ("app3", "127.0.0.1:3")])
    differing = [(a, b) for a, b in zip(template.splitlines(), loopback.splitlines()) if a != b]
    assert len(template.splitlines()) == len(loopback.splitlines())
    assert [a.split()[0] for a, _ in differing] == ["bind", "server", "server", "server"]
    for shipped, tested in differing[1:]:
        assert shipped.split()[3:] == tested.split()[3:]  # same options, cookie included
        assert tested.split()[2].startswith("127.0.0.1:")

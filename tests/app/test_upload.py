"""The optional upload page through AppTest: off without a password, refused when signed out,
and an upload is checked from its content and published like a dropped file."""

from __future__ import annotations

import os
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import admin, contract
from tests.conftest import DATA, REPO
from tests.fixtures.cases import GOOD_FILES

TIMEOUT = 90
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    target = tmp_path_factory.mktemp("upload") / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(contract.HISTORY_DIR))
    # The copy was written a moment ago, so none of it has settled yet (tests/unit/
    # test_half_copied_files.py); here, as in a folder nobody writes to, every file counts as settled.
    settings = {"MOBILITY_DATA_DIR": str(target), "MOBILITY_SETTLE_SECONDS": "0"}
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    yield target
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def fresh_sign_in_backoff(monkeypatch):
    # The backoff is shared by every session of the server, so also by these tests: each starts clean.
    monkeypatch.setattr(admin, "GUARD", admin.SignInGuard())


def _app(password: str | None = PASSWORD) -> AppTest:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    if password is not None:
        app.secrets["admin_password"] = password
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def _sign_in(app: AppTest, password: str) -> AppTest:
    app.switch_page("pages/data/data_sources.py").run()
    field = next(t for t in app.text_input if t.label == "Password")
    field.input(password)
    next(b for b in app.button if b.label == "Sign in").click().run()
    return app


def _upload_page(data_dir) -> AppTest:
    app = _sign_in(_app(), PASSWORD)
    app.switch_page("pages/data/upload.py").run()
    assert app.title[0].value == "Upload a data file"
    return app


def _uploads(data_dir):
    return sorted(p.name for p in (data_dir / "observations").glob("upload-*"))


def test_without_a_password_there_is_no_sign_in_and_no_upload_page(data_dir):
    app = _app(password=None)
    app.switch_page("pages/data/data_sources.py").run()
    assert not [t for t in app.text_input if t.label == "Password"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/data/upload.py")


def test_signed_out_the_page_is_not_in_the_navigation_and_its_address_is_refused(data_dir):
    app = _app()
    assert not app.text_input  # no password box on the pages shown in a presentation
    app.switch_page("pages/data/data_sources.py").run()
    assert [t.label for t in app.text_input] == ["Password"]  # staff sign in here
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/data/upload.py")
    # Opening the page's script directly: it checks the sign-in itself and stops.
    direct = AppTest.from_file(str(REPO / "pages" / "data" / "upload.py"), default_timeout=TIMEOUT)
    direct.secrets["admin_password"] = PASSWORD
    direct.run()
    assert "only for signed-in staff" in direct.error[0].value
    assert not direct.get("file_uploader") and not direct.title


def test_a_wrong_password_is_rejected(data_dir):
    app = _sign_in(_app(), "correct horse battery stapler")
    assert "Wrong password." in [e.value for e in app.error]
    # Signed out, nobody can put an earlier version of a file back either.
    assert not [s for s in app.selectbox if s.key == "rollback_version"]
    assert any("Sign in as staff" in c.value for c in app.caption)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/data/upload.py")


def test_an_oversized_upload_is_rejected_and_nothing_is_stored(data_dir):
    app = _upload_page(data_dir)
    row = b"net_migration,MNE,1950,5\n"
    content = b"indicator,country,year,value\n" + row * (contract.MAX_FILE_BYTES // len(row) + 10)
    app.get("file_uploader")[0].upload("big.csv", content, "text/csv").run()
    assert f"files up to {contract.MAX_FILE_MB} MB" in app.error[0].value
    assert not [b for b in app.button if b.label == "Publish this file"]
    assert _uploads(data_dir) == []


@pytest.mark.parametrize("name", ["../../app.py", "..\\..\\app.py", "../observations/x.csv", ".hidden.csv"])
def test_a_name_with_folder_parts_is_rejected_and_lands_nowhere(data_dir, name):
    app_py = (REPO / "app.py").read_bytes()
    app = _upload_page(data_dir)
    content = (GOOD_FILES / "country_names_every_form.csv").read_bytes()
    app.get("file_uploader")[0].upload(name, content, "text/csv").run()
    assert "contains folder parts" in app.error[0].value
    assert (REPO / "app.py").read_bytes() == app_py and _uploads(data_dir) == []


def test_the_type_is_judged_from_the_content_not_the_name(data_dir):
    app = _upload_page(data_dir)
    app.get("file_uploader")[0].upload("figures.csv", b"\x89PNG\r\n\x1a\n" + bytes(200), "text/csv").run()
    assert "judged from its content" in app.error[0].value
    assert _uploads(data_dir) == []


def test_an_upload_that_fails_the_checks_lists_its_problems_and_is_not_stored(data_dir):
    app = _upload_page(data_dir)
    app.get("file_uploader")[0].upload("bad.csv", b"indicator,country,year,value\nemigrant_stock,Atlantis,2020,5\n",
                                        "text/csv").run()
    assert "cannot be used; nothing was stored" in app.error[0].value
    problems = app.dataframe[-1].value
    assert "unknown-country" in set(problems["Check"]) and _uploads(data_dir) == []


def test_a_valid_upload_is_stored_under_a_name_the_app_makes_and_appears_in_the_app(data_dir):
    app = _upload_page(data_dir)
    content = (GOOD_FILES / "bg_remitances_cp1251.csv").read_bytes()
    app.get("file_uploader")[0].upload("Дознаки 2025.csv", content, "text/csv").run()
    assert "passed the checks" in app.success[0].value
    assert "Windows-1251" in " ".join(c.value for c in app.caption)
    next(b for b in app.button if b.label == "Publish this file").click().run()
    stored = _uploads(data_dir)
    assert len(stored) == 1 and stored[0].endswith(".csv")
    # Stored as what passed the check: a plain UTF-8 CSV of the checked rows, not the upload's bytes.
    text = (data_dir / "observations" / stored[0]).read_text(encoding="utf-8")
    assert text.startswith("indicator,indicator_label,") and ",BGR," in text and "България" not in text
    # Published like a dropped file: listed, loaded, and its figure is in the data.
    app.switch_page("pages/data/data_sources.py").run()
    files = app.dataframe[3].value.set_index("File")
    assert files.loc[stored[0], "Status"] == "loaded"
    assert "UTF-8" in files.loc[stored[0], "Detected"]


def test_an_upload_is_checked_once_however_often_the_page_runs(data_dir, monkeypatch):
    """A check can take seconds (a hostile workbook took 71 s), and choosing where to store the
    file re-runs the page; before, every run checked the file again."""
    from components import uploads

    calls = []
    real = uploads.check_upload
    monkeypatch.setattr(uploads, "check_upload", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    app = _upload_page(data_dir)
    content = (GOOD_FILES / "ro_sezonieri_cp1250.csv").read_bytes()
    app.get("file_uploader")[0].upload("sezonieri.csv", content, "text/csv").run()
    for _ in range(3):  # as any change of a widget on the page does
        app.run()
    assert "passed the checks" in app.success[0].value
    assert calls == ["sezonieri.csv"]


def test_a_broken_replacement_is_announced_and_staff_put_back_the_good_version(data_dir):
    name = "knomad_remittances_apr2020.csv"
    target = data_dir / "observations" / name
    good = target.read_bytes()
    app = _sign_in(_app(), PASSWORD)  # the Data & sources page; every good file is now kept
    target.write_bytes(good[: len(good) // 2])  # copied over a slow network and cut off
    app.run()
    banner = app.warning[0].value
    assert name in banner and "keeps showing their last good version" in banner
    assert "stops in the middle of this row" in banner
    files = app.dataframe[3].value.set_index("File")
    assert files.loc[name, "Status"] == "serving last good version"
    assert files.loc[name, "Served version"].startswith("saved ")
    rollback = app.selectbox(key="rollback_version")
    wanted = next(i for i, label in enumerate(rollback.options) if label.startswith(f"observations/{name}"))
    rollback.select_index(wanted).run()
    app.button(key="rollback").click().run()
    assert target.read_bytes() == good
    assert any(f"{name}: the version" in s.value for s in app.success)
    app.run()
    assert not app.warning
    assert app.dataframe[3].value.set_index("File").loc[name, "Status"] == "loaded"


def test_wrong_passwords_in_one_session_slow_down_every_other_session(data_dir, monkeypatch):
    # As after a few wrong guesses (1, 2, 4 ... s): the next wait outlasts starting another session.
    monkeypatch.setattr(admin, "FIRST_BACKOFF_SECONDS", 30.0)
    attacker = _sign_in(_app(), "guess 1")
    assert "Wrong password." in [e.value for e in attacker.error]
    # Another browser, at once, even with the right password: no password is checked yet.
    other = _sign_in(_app(), PASSWORD)
    assert any("Too many wrong passwords" in e.value for e in other.error)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        other.switch_page("pages/data/upload.py")


def test_changing_the_password_signs_every_session_out(data_dir):
    app = _upload_page(data_dir)
    app.secrets["admin_password"] = "a new password after a colleague left"
    app.switch_page("pages/data/data_sources.py").run()
    assert [t.label for t in app.text_input] == ["Password"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/data/upload.py")


def test_without_a_password_streamlits_upload_endpoint_takes_nothing(data_dir):
    """Anonymous sessions could hold 25 MB each in the server's memory through Streamlit's upload
    endpoint; with no password nothing in the app takes a file, so the endpoint takes none."""
    from streamlit import config

    _app(password=None)
    assert config.get_option("server.maxUploadSize") == 0
    _app()
    assert config.get_option("server.maxUploadSize") == contract.MAX_FILE_MB
    # The limit works at run time only because Streamlit reads it on each upload request.
    import inspect

    from streamlit.web.server.starlette import starlette_routes
    source = inspect.getsource(starlette_routes)
    upload_handler = source[source.index("async def _upload_put"):]
    upload_handler = upload_handler[:upload_handler.index("\n    async def ", 10)]
    assert 'config.get_option("server.maxUploadSize")' in upload_handler

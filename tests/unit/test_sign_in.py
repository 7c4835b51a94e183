"""Guessing the staff password is slowed for the whole server, and logged without the password."""

from __future__ import annotations

import logging
import threading

from components import admin

RIGHT, WRONG = "correct horse battery staple", "hunter2-guess"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_100_wrong_passwords_in_parallel_check_one_and_refuse_the_rest_unchecked(monkeypatch):
    guard = admin.SignInGuard(Clock())
    compared = []
    real = admin.password_matches
    monkeypatch.setattr(admin, "password_matches", lambda g, e: compared.append(g) or real(g, e))
    outcomes = []
    threads = [threading.Thread(target=lambda i=i: outcomes.append(guard.attempt(f"{WRONG}{i}", RIGHT)))
               for i in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Before: every session had its own 1 s delay, so 100 guesses in parallel took 9.4 s.
    assert len(compared) == 1 and outcomes.count(False) == 1
    assert all(isinstance(o, float) and 0 < o <= 1.0 for o in outcomes if o is not False)


def test_the_wait_doubles_up_to_a_minute_and_the_right_password_then_works():
    clock = Clock()
    guard = admin.SignInGuard(clock)
    waits = []
    for _ in range(9):
        assert guard.attempt(WRONG, RIGHT) is False
        waits.append(guard.wait_left())
        assert guard.attempt(RIGHT, RIGHT) == waits[-1]  # not even checked while waiting
        clock.now += waits[-1]
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert guard.attempt(RIGHT, RIGHT) is True and guard.wait_left() == 0
    assert guard.attempt(WRONG, RIGHT) is False and guard.wait_left() == 1  # starts again


def test_a_failed_sign_in_is_logged_without_the_password(caplog):
    guard = admin.SignInGuard(Clock())
    with caplog.at_level(logging.WARNING, logger="components.admin"):
        guard.attempt(WRONG, RIGHT, who="192.0.2.7")
        guard.attempt(WRONG + "x", RIGHT, who="192.0.2.7")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "Failed staff sign-in from 192.0.2.7 (1 in a row)" in text
    assert "refused without checking" in text
    assert WRONG not in text and RIGHT not in text and str(len(WRONG)) not in text


def test_a_session_token_names_the_password_without_holding_it():
    token = admin.password_token(RIGHT)
    assert RIGHT not in token and token == admin.password_token(RIGHT)
    assert token != admin.password_token(RIGHT + " ")

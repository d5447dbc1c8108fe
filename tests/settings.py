"""Settings for the test suite: the project's settings in demo mode (built-in secret key)."""

import os

os.environ.setdefault("SCRUTINYDESK_DEMO", "1")

from scrutinydesk.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users

# Tasks run at once, in the test's own thread and transaction; tests of the queue itself
# build their own Redis queue (tests/core/test_tasks.py).
HUEY = {"huey_class": "huey.MemoryHuey", "name": "scrutinydesk-tests", "immediate": True}

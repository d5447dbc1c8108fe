"""Settings, read from the environment.

``DATABASE_URL``        database (default: SQLite file ``var/scrutinydesk.sqlite3``)
``SCRUTINYDESK_DEMO``   "1" for the demo and tests: a fixed demo secret key is allowed
``SECRET_KEY``          required unless in demo mode
``SCRUTINYDESK_DEBUG``  "1" to show Django's debug pages
``SCRUTINYDESK_VAR``    folder for the SQLite file and uploaded papers (default ``./var``)
``ALLOWED_HOSTS``       comma-separated host names (default: localhost names)
``SCRUTINYDESK_MAX_UPLOAD_MB``  largest paper accepted for import (default 25)
``SCRUTINYDESK_COUNCIL``  the council's name, shown in the header beside the service name
``SCRUTINYDESK_PHASE``  the phase banner's tag (default "Beta"; empty for no banner)
``REDIS_URL``           the task queue in Redis (default: a SQLite queue in the var folder)
``SCRUTINYDESK_TASKS_IMMEDIATE``  "1" to run tasks at once, in the caller (no worker)
``EMAIL_HOST`` …        outgoing mail (password reset); the demo prints mail instead
``DEFAULT_FROM_EMAIL``  the sender of the site's mail
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SCRUTINYDESK_VAR", Path.cwd() / "var")).resolve()

DEMO = _flag("SCRUTINYDESK_DEMO")
DEBUG = _flag("SCRUTINYDESK_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEMO:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string, "
            "or set SCRUTINYDESK_DEMO=1 to run the demo with its built-in key."
        )
    SECRET_KEY = "scrutinydesk-demo-only-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "huey.contrib.djhuey",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "scrutinydesk.core",
    "scrutinydesk.outcomes",
    "scrutinydesk.risks",
    "scrutinydesk.committees",
    "scrutinydesk.actionplans",
    "scrutinydesk.findings",
    "scrutinydesk.ingest",
    "scrutinydesk.search",
    "scrutinydesk.reports",
    "scrutinydesk.api",
    "scrutinydesk.web",
    "scrutinydesk.clerk",
    "scrutinydesk.accounts",  # last: its post_migrate sets up the roles' permissions
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scrutinydesk.urls"
WSGI_APPLICATION = "scrutinydesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scrutinydesk.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'scrutinydesk.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    # Wait for a lock instead of failing at once when an import and a page view overlap.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True

MAX_UPLOAD_BYTES = int(float(os.environ.get("SCRUTINYDESK_MAX_UPLOAD_MB", "25")) * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Sign-in: the site's own pages (accounts app); roles in scrutinydesk.accounts.roles.
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "web:home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Throttle: 5 failed sign-ins for one username from one address lock that pair out for
# 15 minutes (django-axes; `scrutinydesk axes_reset` lifts every lock).
AXES_FAILURE_LIMIT = int(os.environ.get("SCRUTINYDESK_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Mail (password reset). The demo prints messages on the console instead of sending them.
if DEMO and "EMAIL_HOST" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Scrutiny Desk <scrutiny@localhost>")

# Forms in GOV.UK Design System style.
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# What the header and phase banner say.
COUNCIL_NAME = os.environ.get("SCRUTINYDESK_COUNCIL", "")
SERVICE_PHASE = os.environ.get("SCRUTINYDESK_PHASE", "Beta")

# Task queue (huey): Redis when REDIS_URL is set, else a SQLite file beside the database,
# so a fresh machine needs no Redis. `scrutinydesk run_huey` is the worker; `serve` starts
# one beside the server.
REDIS_URL = os.environ.get("REDIS_URL", "")
TASKS_IMMEDIATE = _flag("SCRUTINYDESK_TASKS_IMMEDIATE")
HUEY = {
    "name": os.environ.get("SCRUTINYDESK_QUEUE", "scrutinydesk"),
    "immediate": TASKS_IMMEDIATE,
    "consumer": {"workers": 1, "worker_type": "thread"},
    **({"huey_class": "huey.RedisHuey", "url": REDIS_URL} if REDIS_URL else
       {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "tasks.sqlite3")}),
}

# REST API (api app, docs/api.md): tokens or the site's session, the roles' model
# permissions, everything public readable; the docs page's assets are served locally.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "scrutinydesk.api.renderers.CSVRenderer",
        "scrutinydesk.api.renderers.XLSXRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "scrutinydesk.api.errors.exception_handler",
    "COERCE_DECIMAL_TO_STRING": False,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Scrutiny Desk API",
    "DESCRIPTION": "Outcomes, judgements, risks and committee business of a council's "
    "overview and scrutiny committees. Reading is open to everyone; writing needs a token "
    "or a signed-in session of an officer (outcomes data, risks, action plans) or a clerk "
    "(committee business). See docs/api.md.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "filter": True},
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "scrutinydesk.actionplans.vocab.ActionStatus",
        "RagEnum": "scrutinydesk.core.vocab.RAG_CHOICES",
        "RiskLevelEnum": "scrutinydesk.core.vocab.RISK_LEVEL_CHOICES",
        "PolarityEnum": "scrutinydesk.core.vocab.POLARITY_CHOICES",
    },
}

if not DEBUG and not DEMO:
    SESSION_COOKIE_SECURE = _flag("SCRUTINYDESK_SECURE_COOKIES", "1")
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

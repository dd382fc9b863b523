"""Återkoppla settings: one file, read from the environment (see README "Configuration").

Every value comes through a typed helper in ``aterkoppla.lib.env`` that stops start-up with
a clear message when a variable is malformed.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from aterkoppla.lib.env import (
    ConfigError,
    database_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent
TESTING = "pytest" in sys.modules

DATA_DIR = env_path("ATERKOPPLA_DATA_DIR", Path.cwd() / "data")
# What the product writes (the database, the secret key, sent mail, uploads, the cache) is
# personal data: readable by the service's own user only, whatever umask the process was
# started with, in a folder only that user may enter.
os.umask(0o077)
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
if DATA_DIR.stat().st_uid == os.geteuid():
    DATA_DIR.chmod(0o700)
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data folder."""
    configured = env_str("SECRET_KEY")
    if configured:
        if len(configured) < 32:
            raise ConfigError("SECRET_KEY must be at least 32 characters long.")
        return configured
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000", schemes={"http", "https"})
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "axes",
    "aterkoppla.accounts",
    "aterkoppla.core",
    "aterkoppla.timeline",
    "aterkoppla.language",
    "aterkoppla.organisation",
    "aterkoppla.recruitment",
    "aterkoppla.applications",
    "aterkoppla.assessment",
    "aterkoppla.decisions",
    "aterkoppla.experience",
    "aterkoppla.privacy",
    "aterkoppla.careers",
    "aterkoppla.messaging",
    "aterkoppla.dashboard",
    "aterkoppla.portal",
    "aterkoppla.api",
    # The demo data: builds on every app's services; nothing imports it.
    "aterkoppla.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Body size and the public forms' rate limits, before CSRF reads the body.
    "aterkoppla.core.limits.RequestLimitsMiddleware",
    # Pages and API answers with personal data are never stored by browsers or proxies.
    "aterkoppla.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aterkoppla.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one username,
# or from one address, further attempts are refused for LOGIN_LOCKOUT_MINUTES without
# checking the password (no costly hashing). The staff login and the admin's alike. An
# operator unlocks with `aterkoppla manage axes_reset_username NAME` or `axes_reset_ip ADDRESS`
# (docs/OPERATIONS.md). AxesStandaloneBackend comes first so that a locked-out attempt never
# reaches the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1, maximum=1440)
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "aterkoppla.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "aterkoppla.core.views.client_ip"
# Only failures are recorded, not every successful login.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

ROOT_URLCONF = "aterkoppla.urls"
WSGI_APPLICATION = "aterkoppla.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# Database: SQLite in the data folder unless DATABASE_URL says otherwise.
_default_db_url = f"sqlite:///{DATA_DIR / 'aterkoppla.sqlite3'}"
_db = dj_database_url.parse(
    database_url("DATABASE_URL", _default_db_url), conn_max_age=60, conn_health_checks=True
)
if _db["ENGINE"] == "django.db.backends.sqlite3":
    Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # WAL lets readers and the writer work at once; IMMEDIATE takes the write lock at
        # BEGIN so two writers queue on the busy timeout instead of failing mid-transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    _db["TEST"] = {"NAME": None}
else:
    _db["TEST"] = {"NAME": f"test_{_db['NAME']}"}
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "aterkoppla_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# A cache every process shares (rate limits must hold across gunicorn workers); the table is
# created by `serve` and by the test database set-up.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "aterkoppla_cache",
    }
}
# Where the client's address is read for rate limits: REMOTE_ADDR, or the header a trusted
# reverse proxy sets (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = env_str("CLIENT_IP_HEADER", "REMOTE_ADDR") or "REMOTE_ADDR"
RATELIMIT_VIEW = "aterkoppla.core.views.rate_limited"

# Uploaded documents (CV, cover letter): at most this many megabytes each.
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 10, minimum=1, maximum=100)
UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields without files
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger files go to a temporary file
FILE_UPLOAD_PERMISSIONS = 0o600
# The largest request body accepted at all, checked before anything reads it (a proxy in
# front should have the same limit: docs/DEPLOYMENT.md): two documents and the form's text.
REQUEST_MAX_BYTES = 2 * UPLOAD_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE + 1024 * 1024
# Applications one address may send through the career page per hour.
APPLY_RATE = env_str("APPLY_RATE", "10/h")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = DATA_DIR / "uploads"  # never served by URL; documents go through access checks
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# Served over HTTPS (SITE_URL https://…, behind a TLS proxy: docs/DEPLOYMENT.md): cookies
# only over TLS, plain HTTP redirected, and browsers told to use HTTPS only (HSTS).
HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The header the TLS proxy sets to say the client's request was HTTPS; empty when no proxy
# sets one. Only trust it when nothing but the proxy can reach the app (gunicorn on
# 127.0.0.1 or a private network).
_PROXY_SSL_HEADER = env_str("PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO" if HTTPS else "")
SECURE_PROXY_SSL_HEADER = (_PROXY_SSL_HEADER, "https") if _PROXY_SSL_HEADER else None
SECURE_SSL_REDIRECT = HTTPS and env_bool("SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
# Joining the browsers' preload list is the domain owner's decision (hard to undo), so off by
# default; with it off, `check --deploy` would say so (security.W021): that note is silenced.
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from our own origin
# only, no inline script or style, no framing, forms posted only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The sender when the organisation's settings give none. Not set by default: a no-reply or
# localhost address is never used (messages then wait for the organisation's sender address).
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL or "root@localhost"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ConfigError("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
# Without a mail server configured, messages are written as .eml files to the data folder
# (so that `make run` loses nothing and sends nothing to real people); with EMAIL_HOST set,
# they go out over SMTP.
EMAIL_FILE_PATH = DATA_DIR / "sent-mail"
# Those .eml files are copies kept on disk: the candidate's private link is written with its
# secret taken out, as in the stored message, unless this is on (`serve --demo` turns it on,
# so that the fictional candidates' pages can be opened from their mail).
SENT_MAIL_LIVE_LINKS = env_bool("SENT_MAIL_LIVE_LINKS", False)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "aterkoppla.messaging.worker.EmlFileBackend",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # A 403 or 404 is an answer, not a fault: one line, no traceback.
    "filters": {"no_traceback_below_500": {"()": "aterkoppla.core.logs.NoTracebackBelow500"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_traceback_below_500"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
    # django-axes reports every login at INFO; its warnings (a lock-out) are what matter.
    "loggers": {"axes": {"level": "WARNING"}},
}

# Product rules.
# Working days from receipt to the promised answer when a recruitment has no answer date yet.
DEFAULT_REPLY_WORKING_DAYS = 10
# The shortest notice, in working days, that a promise made at receipt may give.
MIN_REPLY_WORKING_DAYS = 5

"""The account page: the user's API tokens, made (shown once) and revoked there."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from aterkoppla.accounts.models import ApiToken

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")
CREATE = reverse("accounts:token_create")


def _revoke_url(token: ApiToken) -> str:
    return reverse("accounts:token_revoke", args=[token.pk])


def _new_key(response) -> str:
    page = response.content.decode()
    start = page.index('id="new-token-value"')
    value = page.index('value="', start) + len('value="')
    return page[value : page.index('"', value)]


def test_profile_shows_the_user_and_their_tokens(client_for, owner, member):
    ApiToken.issue(user=owner, name="Jobbsajten")
    ApiToken.issue(user=member, name="Someone else's")

    response = client_for(owner).get(PROFILE)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Olivia Ägare" in page
    assert "owner" in page
    assert "Jobbsajten" in page
    assert "Someone else" not in page
    assert f'action="{CREATE}"' in page


def test_create_shows_the_token_once_and_stores_only_its_hash(client_for, owner):
    client = client_for(owner)
    response = client.post(CREATE, {"name": "Jobbsajten"})

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    key = _new_key(response)
    token = ApiToken.objects.get()
    assert (token.user, token.name) == (owner, "Jobbsajten")
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in (token.key_hash, token.prefix)
    # Not in a URL or a message that would show it again.
    assert key not in client.get(PROFILE).content.decode()
    assert token.prefix in client.get(PROFILE).content.decode()
    me = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["id"] == owner.pk


def test_a_token_needs_a_name(client_for, owner):
    response = client_for(owner).post(CREATE, {"name": "  "})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_name"' in page
    assert 'id="new-token-value"' not in page
    assert not ApiToken.objects.exists()


def test_revoke_own_token(client_for, owner):
    token, key = ApiToken.issue(user=owner, name="Jobbsajten")

    response = client_for(owner).post(_revoke_url(token))

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    token.refresh_from_db()
    assert token.is_revoked
    me = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 401
    english = client_for(owner)
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = english.get(PROFILE).content.decode()
    assert "Revoked" in page
    assert f'action="{_revoke_url(token)}"' not in page


def test_someone_elses_token_is_not_found(client_for, owner, member):
    token, _key = ApiToken.issue(user=member, name="Mats token")

    response = client_for(owner).post(_revoke_url(token))

    assert response.status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked


@pytest.mark.parametrize(
    ("url", "method"),
    [(PROFILE, "get"), (CREATE, "post"), ("revoke", "post")],
)
def test_anonymous_is_sent_to_login(client_for, owner, url, method):
    token, _key = ApiToken.issue(user=owner, name="Jobbsajten")
    url = _revoke_url(token) if url == "revoke" else url
    response = getattr(client_for(None), method)(url, {"name": "x"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert ApiToken.objects.get().revoked_at is None
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize("who", ["owner", "member", "outsider", "site_admin"])
def test_every_user_has_their_own_page(request, client_for, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    assert client.get(PROFILE).status_code == 200
    assert client.post(CREATE, {"name": "Mine"}).status_code == 200
    assert list(ApiToken.objects.values_list("user", flat=True)) == [user.pk]


@pytest.mark.parametrize("url", [CREATE, "revoke"])
def test_changes_need_post(client_for, owner, url):
    token, _key = ApiToken.issue(user=owner, name="Jobbsajten")
    url = _revoke_url(token) if url == "revoke" else url
    assert client_for(owner).get(url).status_code == 405
    assert ApiToken.objects.count() == 1
    assert ApiToken.objects.get().revoked_at is None


def test_site_admin_lists_and_revokes_tokens_in_the_admin(client_for, site_admin, owner):
    token, _key = ApiToken.issue(user=owner, name="Jobbsajten")
    client = client_for(site_admin)

    assert client.get(reverse("admin:accounts_apitoken_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    response = client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked

"""`kg token add|list|revoke` through the real CLI: a token is printed once, only its hash is
kept, a revoked or unknown token authenticates nobody."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from kg.submissions import TokenBook
from support import ROOT


def kg(*args: str, tokens) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args, "--tokens-file", str(tokens)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def tokens(tmp_path):
    return tmp_path / "tokens.json"


def test_a_token_is_shown_once_and_kept_as_its_hash(tokens):
    made = kg("token", "add", "leipzig", "--scope", "14713000", tokens=tokens)
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    assert len(secret) >= 40
    kept = tokens.read_text()
    assert secret not in kept
    entry = json.loads(kept)["tokens"][0]
    assert entry["sha256"] == hashlib.sha256(secret.encode()).hexdigest()
    assert entry["scope"] == ["14713000"]
    listed = kg("token", "list", tokens=tokens)
    assert listed.returncode == 0
    assert "leipzig" in listed.stdout and "14713000" in listed.stdout
    assert secret not in listed.stdout and entry["sha256"] not in listed.stdout
    principal = TokenBook(tokens).authenticate(secret)
    assert principal is not None and principal.name == "leipzig"
    assert principal.covers("14713000") and not principal.covers("14612000")


def test_revoked_and_unknown_tokens_authenticate_nobody(tokens):
    secret = kg("token", "add", "halle", "--scope", "15002000", tokens=tokens).stdout.strip()
    book = TokenBook(tokens)
    assert book.authenticate(secret + "x") is None
    assert book.authenticate(secret[:-1]) is None
    revoked = kg("token", "revoke", "halle", tokens=tokens)
    assert revoked.returncode == 0, revoked.stderr
    assert book.authenticate(secret) is None
    assert "revoked" in kg("token", "list", tokens=tokens).stdout
    # the name is free again for a new token, which works while the old one stays revoked
    again = kg("token", "add", "halle", "--scope", "15002000", tokens=tokens).stdout.strip()
    assert book.authenticate(again).name == "halle" and book.authenticate(secret) is None


def test_every_municipality_and_several(tokens):
    everywhere = kg("token", "add", "ops", "--scope", "*", tokens=tokens).stdout.strip()
    assert TokenBook(tokens).authenticate(everywhere).everywhere
    two = kg("token", "add", "two", "--scope", "14713000,14612000", tokens=tokens).stdout.strip()
    principal = TokenBook(tokens).authenticate(two)
    assert principal.covers("14612000") and principal.covers("14713000")
    assert not principal.everywhere


@pytest.mark.parametrize("scope", ["Leipzig", "1471300", "14713000,x", ""])
def test_a_bad_scope_is_refused_with_what_to_give(tokens, scope):
    made = kg("token", "add", "x", "--scope", scope, tokens=tokens)
    assert made.returncode == 2
    assert "8-digit AGS" in made.stderr
    assert not tokens.exists()


def test_a_second_valid_token_of_one_name_is_refused(tokens):
    assert kg("token", "add", "dup", "--scope", "14713000", tokens=tokens).returncode == 0
    second = kg("token", "add", "dup", "--scope", "14713000", tokens=tokens)
    assert second.returncode == 2 and "revoke it first" in second.stderr
    assert len(json.loads(tokens.read_text())["tokens"]) == 1


def test_revoking_an_unknown_name_says_so(tokens):
    revoked = kg("token", "revoke", "nobody", tokens=tokens)
    assert revoked.returncode == 2 and "No valid token named 'nobody'" in revoked.stderr

"""The stored signing key's encryption, and unlocking it for one signature: decrypt it under
the passphrase and check that it belongs to its certificate and that the certificate is in
force. Every way this can fail is an IdentityError naming what to do.

The key rests as a standard PKCS#8 EncryptedPrivateKeyInfo: PBES2 with PBKDF2-HMAC-SHA256 at
PBKDF2_ROUNDS iterations and AES-256-CBC. It is built here because cryptography's
BestAvailableEncryption picks 2048 iterations for PKCS#8 and offers no way to ask for more
(its encryption builder serves only OpenSSH and PKCS#12). Any PKCS#8 reader opens it, this
one included, so keys stored under the older count still open; `weakly_encrypted` tells which
ones to encrypt again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field

from asn1crypto import algos as asn1_algos
from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from inspector_app.errors import QT_TRANSLATE_NOOP
from inspector_app.pdf.certificates import (
    IdentityError,
    certificate_info,
    fingerprint,
    load_certificate,
)

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

# OWASP's floor for PBKDF2-HMAC-SHA256 (2023): about a fifth of a second here per unlock.
PBKDF2_ROUNDS = 600_000


def seal_key(key: SigningKey, secret: bytes) -> bytes:
    """`key` as PKCS#8 EncryptedPrivateKeyInfo (DER) under `secret` (PBES2, PBKDF2_ROUNDS)."""
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt, iv = os.urandom(16), os.urandom(16)
    aes_key = hashlib.pbkdf2_hmac("sha256", secret, salt, PBKDF2_ROUNDS, 32)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(aes_key), modes.CBC(iv)).encryptor()
    sealed = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    kdf = {
        "algorithm": "pbkdf2",
        "parameters": {
            "salt": asn1_algos.Pbkdf2Salt(name="specified", value=salt),
            "iteration_count": PBKDF2_ROUNDS,
            "prf": {"algorithm": "sha256"},
        },
    }
    scheme = {"algorithm": "aes256_cbc", "parameters": iv}
    return asn1_keys.EncryptedPrivateKeyInfo(
        {
            "encryption_algorithm": {
                "algorithm": "pbes2",
                "parameters": {"key_derivation_func": kdf, "encryption_scheme": scheme},
            },
            "encrypted_data": sealed,
        }
    ).dump()


def weakly_encrypted(key_encrypted: bytes) -> bool:
    """Whether the stored key is under less than PBES2 with PBKDF2-HMAC-SHA256 at
    PBKDF2_ROUNDS (as keys stored by earlier versions are: 2048 iterations)."""
    algorithm = asn1_keys.EncryptedPrivateKeyInfo.load(bytes(key_encrypted))["encryption_algorithm"]
    if algorithm["algorithm"].native != "pbes2":
        return True
    kdf = algorithm["parameters"]["key_derivation_func"]
    if kdf["algorithm"].native != "pbkdf2":
        return True
    params = kdf["parameters"]
    return (
        params["prf"]["algorithm"].native != "sha256"
        or params["iteration_count"].native < PBKDF2_ROUNDS
    )


class WrongPassphrase(IdentityError):
    """The passphrase does not decrypt the private key."""


class CorruptKey(IdentityError):
    """The stored key blob is not an encrypted private key (damaged or tampered with)."""


class CertificateExpired(IdentityError):
    """The certificate is outside its validity period."""


EXPIRED = QT_TRANSLATE_NOOP(
    "Errors",
    "گواهی امضا معتبر نیست: اعتبار آن از {start} تا {end} است. گواهی تازه از استانداری "
    "بگیرید و وارد کنید؛ چیزی نهایی نشد.",
)


@dataclass
class UnlockedIdentity:
    """The decrypted key with its certificate; keep it only for the time of one signature."""

    holder_name: str
    certificate: x509.Certificate
    private_key: SigningKey
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def fingerprint_sha256(self) -> str:
        return fingerprint(self.certificate)


def _spki(public_key: object) -> bytes:
    return public_key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def unlock(
    cert_pem: bytes,
    key_encrypted: bytes,
    passphrase: str,
    *,
    holder_name: str | None = None,
    chain_pem: bytes = b"",
    at: dt.datetime | None = None,
) -> UnlockedIdentity:
    """Decrypt the key for signing; every way this can fail is an IdentityError."""
    cert = load_certificate(cert_pem)
    info = certificate_info(cert)
    if info.expired(at):
        raise CertificateExpired(EXPIRED, start=info.not_before_jalali, end=info.not_after_jalali)
    try:
        asn1_keys.EncryptedPrivateKeyInfo.load(bytes(key_encrypted), strict=True).native  # noqa: B018
    except (ValueError, TypeError) as exc:
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors",
                "کلید خصوصی ذخیره‌شده خراب است و خوانده نمی‌شود. گواهی را دوباره وارد کنید "
                "یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.",
            )
        ) from exc
    try:
        key = serialization.load_der_private_key(
            bytes(key_encrypted), password=passphrase.encode("utf-8") or None
        )
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        # The structure checked out above, so a failed decryption is the passphrase: PKCS#8 has
        # no MAC, and about one wrong passphrase in 200 decrypts to well-padded bytes that are
        # no key ("could not deserialize", not "incorrect password").
        if not isinstance(exc, UnsupportedAlgorithm):
            raise WrongPassphrase(
                QT_TRANSLATE_NOOP("Errors", "گذرواژه درست نیست؛ چیزی نهایی نشد.")
            ) from exc
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors",
                "کلید خصوصی ذخیره‌شده آسیب دیده است و خوانده نمی‌شود. گواهی را دوباره وارد کنید "
                "یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.",
            )
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise CorruptKey(QT_TRANSLATE_NOOP("Errors", "نوع کلید خصوصی ذخیره‌شده پشتیبانی نمی‌شود."))
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors", "کلید خصوصی ذخیره‌شده با گواهی جور نیست؛ گواهی را دوباره وارد کنید."
            )
        )
    chain: list[x509.Certificate] = []
    if b"-----BEGIN" in cert_pem:
        chain = x509.load_pem_x509_certificates(cert_pem)[1:]
    if chain_pem:
        chain += x509.load_pem_x509_certificates(chain_pem)
    return UnlockedIdentity(
        holder_name=holder_name or info.holder, certificate=cert, private_key=key, chain=chain
    )

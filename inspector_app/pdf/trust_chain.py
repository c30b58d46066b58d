"""Whether a report's signer was issued by the governorate: pyHanko's path validation with the
governorate root as the only trust anchor, then pyHanko's CRL check of every certificate on
that path against the governorate's revocation lists. Nothing is fetched.

Revocation dates. Validating at a point in time, pyHanko takes a certificate revoked after that
moment as good then (a signature made before a revocation stands, RFC 5280 and AdES). That
rests on a trusted timestamp; our signing time is the signer's own claim, so whoever holds a
stolen key can write any time before the revocation, and a report the thief signed the day
before the theft was reported is just as false. A report whose signer certificate is revoked
is therefore refused whatever its dates: the path is judged at the claimed signing time (an
expired certificate does not spoil the reports signed while it was in force), revocation as of
now, against the lists given however old (a revocation does not lapse; a newer list only adds).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import crl as asn1_crl
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import RevokedError
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    FreshnessReqType,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)
from pyhanko_certvalidator.revinfo.validate_crl import verify_crl

log = logging.getLogger(__name__)
# An untrusted signer is an answer here, not a fault: pyHanko's warning with a traceback
# would only be noise on the console.
logging.getLogger("pyhanko.sign.validation.generic_cms").setLevel(logging.ERROR)

SIGNING_KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
# Any revocation listed counts, however old the list: a century of "freshness".
_ANY_AGE = CertRevTrustPolicy(
    RevocationCheckingPolicy(
        RevocationCheckingRule.CRL_REQUIRED, RevocationCheckingRule.CRL_REQUIRED
    ),
    freshness=dt.timedelta(days=36500),
    freshness_req_type=FreshnessReqType.MAX_DIFF_REVOCATION_VALIDATION,
)


class TrustMaterialError(ValueError):
    """A root certificate or revocation list given to check against is not readable."""


def _der_blocks(data: bytes, kind: str) -> list[bytes]:
    if pem.detect(data):
        blocks = [der for _, _, der in pem.unarmor(data, multiple=True)]
        if not blocks:
            raise TrustMaterialError(f"no {kind} in the PEM text")
        return blocks
    return [data]


def read_certificates(data: bytes) -> list[asn1_x509.Certificate]:
    """The certificates in `data` (PEM, one or more, or one DER)."""
    try:
        certs = [asn1_x509.Certificate.load(der) for der in _der_blocks(data, "certificate")]
        for cert in certs:
            _ = cert.native  # parse it all now, not halfway through a validation
    except (ValueError, TypeError) as exc:
        raise TrustMaterialError(f"not an X.509 certificate: {exc}") from exc
    return certs


def read_crls(data: bytes) -> list[asn1_crl.CertificateList]:
    """The revocation lists in `data` (PEM, one or more, or one DER)."""
    try:
        lists = [asn1_crl.CertificateList.load(der) for der in _der_blocks(data, "CRL")]
        for one in lists:
            _ = one.native
    except (ValueError, TypeError) as exc:
        raise TrustMaterialError(f"not a certificate revocation list: {exc}") from exc
    return lists


@dataclass(frozen=True)
class ChainCheck:
    issued_by_root: bool  # a valid path from the signer to one of the roots
    revoked: bool  # a certificate on that path is listed in a valid CRL of its issuer


async def _any_revoked(path: ValidationPath, context: ValidationContext) -> bool:
    """Whether the leaf or an intermediate of `path` is on a CRL of its issuer."""
    current = path
    for remaining in range(path.pkix_len, 0, -1):
        cert = current.leaf
        if isinstance(cert, asn1_x509.Certificate):
            try:
                await verify_crl(cert, current, context)
            except RevokedError:
                return True
            except Exception as exc:  # no list of this issuer, or one that does not verify
                log.info("no usable CRL for %s: %r", cert.subject.human_friendly, exc)
        if remaining > 1:
            current = current.copy_and_drop_leaf()
    return False


def check_chain(
    embedded: EmbeddedPdfSignature,
    roots: Sequence[asn1_x509.Certificate],
    crls: Sequence[asn1_crl.CertificateList],
    moment: dt.datetime,
) -> ChainCheck:
    """Whether the signer chains to `roots` at `moment` (the other certificates on the path are
    the ones embedded in the signature) and whether anything on the path is revoked."""
    context = ValidationContext(
        trust_roots=list(roots), moment=moment, allow_fetching=False, revocation_mode="none"
    )
    try:
        status = validate_pdf_signature(
            embedded, signer_validation_context=context, key_usage_settings=SIGNING_KEY_USAGE
        )
    except SigningError as exc:
        log.info("signature not checkable against the roots: %r", exc)
        return ChainCheck(issued_by_root=False, revoked=False)
    path = status.validation_path
    if not status.trusted or path is None:
        return ChainCheck(issued_by_root=False, revoked=False)
    if not crls:
        return ChainCheck(issued_by_root=True, revoked=False)
    # Not point-in-time (no moment): a listed revocation counts whatever its date.
    revocation = ValidationContext(
        trust_roots=list(roots),
        other_certs=list(path.iter_certs(include_root=False)),
        allow_fetching=False,
        crls=list(crls),
        revinfo_policy=_ANY_AGE,
    )
    revoked = asyncio.run(_any_revoked(path, revocation))
    return ChainCheck(issued_by_root=True, revoked=revoked)

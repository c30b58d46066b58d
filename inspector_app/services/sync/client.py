"""HTTP client for the governorate server (httpx), with optional certificate pinning.

Pinning: at enrolment the laptop fetches the server's certificate, compares its sha256 with the
fingerprint the governorate gave the inspector, and keeps the certificate. From then on it is
the only trust anchor for that server (hostname not checked: the exact certificate is), and a
different certificate is reported as a possible interception, not as an unreachable server.

Plain http is refused unless the caller says it was allowed for this server: on it anyone on
the network can read the token and change what the server answers.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from inspector_app.domain.signed_updates import AS_OF_HEADER, SIGNATURE_HEADER
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError

TIMEOUT = httpx.Timeout(30.0, connect=5.0)


UNREACHABLE = QT_TRANSLATE_NOOP("Errors", "سرور در دسترس نیست ({reason})")
CERTIFICATE_CHANGED = QT_TRANSLATE_NOOP(
    "Errors",
    "گواهی سرور با گواهی سنجاق‌شده نمی‌خواند: ممکن است ارتباط شنود شود (کسی میان این رایانه و "
    "سرور باشد). چیزی فرستاده نشد؛ به کارشناس استانداری خبر دهید. ({reason})",
)
CERTIFICATE_UNTRUSTED = QT_TRANSLATE_NOOP(
    "Errors",
    "گواهی سرور پذیرفته نشد: ممکن است ارتباط شنود شود. چیزی فرستاده نشد؛ اگر استانداری گواهی "
    "خودامضا به کار می‌برد، با اثر انگشت آن دوباره ثبت‌نام کنید (--pin-sha256). ({reason})",
)


class SyncError(KnownError):
    """The server could not be used; the message says why in words a person can act on."""


class ServerUnreachable(SyncError):
    """No connection, a reset, a timeout: try again later."""


class Unauthorized(SyncError):
    """The device token is unknown or revoked: enrol again."""


class InsecureTransport(SyncError):
    """A plain http server address, not allowed for this server."""


class CertificateChanged(SyncError):
    """The server presented a certificate other than the pinned one (or, unpinned, one the
    system does not trust): someone may be in the middle."""


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]
    etag: str | None = None
    raw: bytes = b""
    signature: str | None = None
    as_of: str | None = None  # the server's time of a signed update answer


def normalize_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")


def fetch_server_certificate(url: str, timeout: float = 5.0) -> tuple[str, str]:
    """The certificate an https server presents (PEM) and its sha256 fingerprint, unverified:
    the caller compares the fingerprint with the one it was given before trusting it."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise SyncError("pinning needs an https:// server address")
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((parts.hostname, parts.port or 443), timeout=timeout) as sock,
            context.wrap_socket(sock, server_hostname=parts.hostname) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except OSError as exc:
        raise ServerUnreachable(
            QT_TRANSLATE_NOOP("Errors", "به سرور وصل نشد: {reason}"), reason=exc
        ) from exc
    if not der:
        raise SyncError("the server presented no certificate")
    return ssl.DER_cert_to_PEM_cert(der), hashlib.sha256(der).hexdigest()


def is_plain_http(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() == "http"


def _certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check failure behind a connection error, if that is what it was."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _ssl_context(pinned_pem: str | None) -> ssl.SSLContext | bool:
    if not pinned_pem:
        return True  # system trust store
    context = ssl.create_default_context(cadata=pinned_pem)
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the pinned leaf is the anchor
    return context


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        pinned_cert_pem: str | None = None,
        allow_insecure_http: bool = False,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        if is_plain_http(base_url) and not allow_insecure_http:
            raise InsecureTransport(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "نشانی سرور http ساده است: هر کس در شبکه می‌تواند آنچه فرستاده می‌شود را "
                    "بخواند یا تغییر دهد. نشانی https به کار ببرید، یا فقط در شبکهٔ آزمایشی با "
                    "--allow-insecure-http ثبت‌نام کنید.",
                )
            )
        self.base_url = base_url.rstrip("/")
        self.pinned = bool(pinned_cert_pem)
        headers = {"User-Agent": "bazres-laptop/1"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            verify=_ssl_context(pinned_cert_pem),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            failure = _certificate_failure(exc)
            if failure is not None:
                raise CertificateChanged(
                    CERTIFICATE_CHANGED if self.pinned else CERTIFICATE_UNTRUSTED,
                    reason=failure.verify_message or failure,
                ) from exc
            raise ServerUnreachable(
                UNREACHABLE,
                reason=f"{type(exc).__name__}: {exc}",
            ) from exc
        if response.status_code == 401:
            raise Unauthorized(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "سرور این دستگاه را نمی‌شناسد یا دسترسی آن لغو شده است؛ دوباره ثبت‌نام کنید "
                    "(inspector-app enrol).",
                )
            )
        return response

    def health(self) -> bool:
        """Whether the server answers; a certificate that is not the pinned one is raised
        (CertificateChanged), not answered as "unreachable"."""
        try:
            return self._request("GET", "/health").status_code == 200
        except ServerUnreachable:
            return False

    def enrol(
        self, code: str, csr_pem: str, device_name: str, previous_token: str | None
    ) -> dict[str, Any]:
        response = self._request(
            "POST",
            "/v1/enrol",
            json={
                "code": code,
                "csr_pem": csr_pem,
                "device_name": device_name,
                "previous_token": previous_token,
            },
        )
        if response.status_code != 201:
            raise SyncError(
                QT_TRANSLATE_NOOP("Errors", "ثبت‌نام پذیرفته نشد: {reason}"),
                reason=_detail(response),
            )
        return dict(response.json())

    def upload(self, inspection_id: str, bundle: bytes) -> Reply:
        response = self._request(
            "PUT",
            f"/v1/inspections/{inspection_id}",
            content=bundle,
            headers={"Content-Type": "application/zip"},
        )
        return Reply(response.status_code, _json(response))

    def audit_anchor(self, head: dict[str, Any] | None = None) -> Reply:
        """The head of this laptop's audit log the server holds (GET, `head` None), or send
        `head` ({seq, hash, previous}) for it to hold from now on (POST; 409: refused)."""
        if head is None:
            response = self._request("GET", "/v1/audit-anchor")
        else:
            response = self._request("POST", "/v1/audit-anchor", json=head)
        return Reply(response.status_code, _json(response))

    def reviews(self) -> Reply:
        """What the governorate's review decided about this laptop's inspections."""
        response = self._request("GET", "/v1/reviews")
        return Reply(response.status_code, _json(response) if response.status_code == 200 else {})

    def pull(self, path: str, etag: str | None) -> Reply:
        """GET with If-None-Match; 304 means the copy we have is current. The body's update
        key signature comes back in `signature`, with the time it covers in `as_of` (both
        checked by the caller)."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._request("GET", path, headers=headers)
        return Reply(
            response.status_code,
            {} if response.status_code != 200 else {"ok": True},
            response.headers.get("ETag"),
            response.content if response.status_code == 200 else b"",
            response.headers.get(SIGNATURE_HEADER),
            response.headers.get(AS_OF_HEADER),
        )


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {"detail": response.text[:300]}
    return value if isinstance(value, dict) else {"detail": str(value)[:300]}


def _detail(response: httpx.Response) -> str:
    body = _json(response)
    return f"{response.status_code} {body.get('detail', '')}".strip()

"""The API's request and response bodies (pydantic), as published in /openapi.json."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class Problem(BaseModel):
    detail: str
    problems: list[str] = Field(default_factory=list)


class Health(BaseModel):
    status: Literal["ok"]
    api: str


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    csr_pem: str = Field(
        min_length=1, max_length=20000, description="PKCS#10 request signed with the laptop's key"
    )
    device_name: str = Field(default="", max_length=200)
    previous_token: str | None = Field(
        default=None, max_length=200, description="this laptop's old token: that device retires"
    )


class EnrolResponse(BaseModel):
    device_id: str
    token: str
    inspector_name: str
    cert_fingerprint: str
    certificate_pem: str = Field(description="the inspector's certificate, issued by the CA")
    ca_root_pem: str = Field(description="the governorate root; laptops pin it")
    crl_pem: str = Field(description="the current certificate revocation list")
    update_key: str


class DeviceInfo(BaseModel):
    device_id: str
    inspector_name: str
    device_name: str
    cert_fingerprint: str
    enrolled_at: str


class UploadResult(BaseModel):
    status: Literal["stored", "already_there", "conflict"]
    inspection_id: str
    canonical_sha256: str
    stored_sha256: str


class InspectionStatus(BaseModel):
    inspection_id: str
    canonical_sha256: str
    received_at: str


class FormItem(BaseModel):
    name: str
    sha256: str
    content: str


class FormsDocument(BaseModel):
    format: str
    forms: list[FormItem]


# The answers every authenticated endpoint may give besides its own.
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "missing, unknown or revoked token"},
    408: {"model": Problem, "description": "the body stalled or arrived too slowly"},
    413: {"model": Problem, "description": "body too large"},
}

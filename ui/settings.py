"""The web app's settings, read from ``NEWSQA_`` environment variables (``serve`` options win)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MAX_UPLOAD_BYTES = 50_000_000
# Measured on 2 cores (README): the offline answerer is bound by the CPU, so more questions at
# once only share it; an LLM answerer waits on its server, and gains from more.
CONCURRENCY = 4


class ServeSettings(BaseSettings):
    """Who may log in, what may be uploaded, how many questions are answered at once."""

    model_config = SettingsConfigDict(env_prefix="NEWSQA_", extra="ignore")

    auth: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Logins, 'user:password', or a JSON list of them; any login turns auth on.",
    )
    users_file: Path | None = Field(
        default=None, description="File of logins, one 'user:password' a line."
    )
    admin: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Users who may upload and delete articles, comma-separated; unset: the "
        "first user.",
    )
    max_upload_bytes: int = Field(
        default=MAX_UPLOAD_BYTES, ge=1, description="Largest file the web app accepts for upload."
    )
    concurrency: int = Field(
        default=CONCURRENCY,
        ge=1,
        le=64,
        description="Questions the web app answers at the same time.",
    )

    @field_validator("auth", mode="before")
    @classmethod
    def _logins(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            return json.loads(text) if text.startswith("[") else ([text] if text else [])
        return value

    @field_validator("admin", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

"""How newsqa fetches from the web, read from ``NEWSQA_FETCH_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

USER_AGENT = "newsqa/0.1 (news question answering; fetches feeds and articles politely)"


class FetchSettings(BaseSettings):
    """Limits and manners of fetching pages and feeds."""

    model_config = SettingsConfigDict(env_prefix="NEWSQA_FETCH_", extra="ignore")

    user_agent: str = Field(default=USER_AGENT, description="User-Agent header sent.")
    timeout: float = Field(
        default=20.0, gt=0, description="Seconds to connect, and between two reads."
    )
    deadline: float = Field(
        default=60.0, gt=0, description="Seconds one response may take in all (slow senders)."
    )
    max_bytes: int = Field(
        default=5_000_000, ge=1, description="Largest page or feed read; checked while reading."
    )
    retries: int = Field(
        default=3, ge=0, description="Retries after a timeout, a refused connection, 429 or 5xx."
    )
    backoff: float = Field(
        default=1.0, ge=0, description="Seconds before the first retry; doubles each time."
    )
    max_retry_after: float = Field(
        default=120.0,
        ge=0,
        description="Longest Retry-After honoured; a server asking for more is not retried.",
    )
    host_interval: float = Field(
        default=1.0, ge=0, description="Seconds between two requests to one host."
    )
    concurrency: int = Field(default=4, ge=1, description="Pages fetched at once.")
    # 50: most news feeds list 10 to 50 entries, so one poll reads a whole feed; an archive
    # feed of thousands is read over several polls, each about a minute at one page a second.
    max_entries: int = Field(
        default=50,
        ge=1,
        description="Entries of one feed fetched per poll, the newest first; the rest wait "
        "for the next poll.",
    )
    max_redirects: int = Field(default=5, ge=0, description="Redirects followed per URL.")
    allow_private: bool = Field(
        default=False,
        description="Fetch from loopback, private and link-local addresses too (your own "
        "network); cloud metadata addresses included.",
    )

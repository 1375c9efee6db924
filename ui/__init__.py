"""The Gradio web app over the assistant's public API."""

from __future__ import annotations

import os

# Gradio reads this when it is imported; the app must not phone home (it works offline).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

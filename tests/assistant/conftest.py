from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings


@pytest.fixture(scope="session")
def sample_assistant(
    tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbeddings
) -> Assistant:
    """An assistant over the bundled sample article alone, built once per session."""
    data_dir: Path = tmp_path_factory.mktemp("sample-index")
    settings = AssistantSettings(data_dir=data_dir, progress=False, sample_if_empty=True)
    return Assistant(settings, embedder=embedder)

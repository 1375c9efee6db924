"""Articles in, searchable index out: loaders, chunking, embeddings, Chroma and BM25 storage."""

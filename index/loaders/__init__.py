"""Loaders: turn files and folders of articles into Article records."""

from index.loaders.base import ArticleError, Loaded, LoadFailure
from index.loaders.files import SUPPORTED_SUFFIXES, iter_files, load_file, load_path

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ArticleError",
    "LoadFailure",
    "Loaded",
    "iter_files",
    "load_file",
    "load_path",
]

"""Evaluation: gold Q&A suites, metrics and reports over the assistant's public API."""

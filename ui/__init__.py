"""The Gradio web app over the assistant's public API."""

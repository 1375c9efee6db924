"""Answer strategies: each turns a question and retrieved passages into cited sentences."""

from assistant.answerers.base import Answerer, Draft
from assistant.answerers.grounded import GroundedAnswerer

__all__ = ["Answerer", "Draft", "GroundedAnswerer"]

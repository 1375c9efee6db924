"""The ask endpoint, called as other programs would: through gradio_client."""

from __future__ import annotations

import pytest
from gradio_client import Client

from tests.ui.conftest import Served

pytestmark = pytest.mark.slow

URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def test_ask_returns_answer_and_structured_citations(served: Served) -> None:
    client = Client(served.url, verbose=False)
    assert "/ask" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]

    answer = client.predict("Why did the US strike in June 2021?", api_name="/ask")

    assert "retaliation" in answer["text"]
    assert "[1]" in answer["text"] and not answer["refused"]
    cited = {c["url"]: c for c in answer["citations"]}
    assert URL in cited
    citation = cited[URL]
    assert citation["title"] == "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
    assert citation["published"] == "2021-06-27"
    assert citation["quote"] in citation["chunk_text"]


def test_ask_takes_filters_and_reports_bad_ones(served: Served) -> None:
    client = Client(served.url, verbose=False)

    filtered = client.predict(
        "Why did the US strike in June 2021?",
        outlet=["No Such Outlet"],
        api_name="/ask",
    )
    assert filtered["refused"] and not filtered["citations"]

    with pytest.raises(Exception, match="cannot read"):
        client.predict("Why?", published_from="not a date at all", api_name="/ask")

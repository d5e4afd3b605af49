"""HTML tables with spanned cells (`ingest.html_tables`), as model cards embed them in Markdown.

The excerpt is the first table of QwenLM/Qwen-VL's README_JA.md (as the search tool's code index holds it): a
header spanning two rows, group headers over several columns, a category cell down the body, and a row
commented out."""
from __future__ import annotations

import time

from ingest.articles import inline_html_tables
from ingest.html_tables import MAX_CELLS, table_rows

from .conftest import scores

QWEN_VL = """<table>
<thead>
  <tr>
    <th rowspan="2">Model type</th>
    <th rowspan="2">Model</th>
    <th colspan="2">Zero-shot Captioning</th>
    <th colspan="5">General VQA</th>
  </tr>
  <tr>
    <th>NoCaps</th>
    <th>Flickr30K</th>
    <th>VQAv2<sup>dev</sup></th>
    <th>OK-VQA</th>
    <th>GQA</th>
    <th>SciQA-Img<br>(0-shot)</th>
    <th>VizWiz<br>(0-shot)</th>
  </tr>
</thead>
<tbody align="center">
  <tr>
    <td rowspan="10">Generalist<br>Models</td>
    <td>Flamingo-9B</td>
    <td>-</td>
    <td>61.5</td>
    <td>51.8</td>
    <td>44.7</td>
    <td>-</td>
    <td>-</td>
    <td>28.8</td>
  </tr>
  <tr>
    <td>BLIP-2 (Vicuna-13B)</td>
    <td>103.9</td>
    <td>71.6</td>
    <td>65.0</td>
    <td>45.9</td>
    <td>32.3</td>
    <td>61.0</td>
    <td>19.6</td>
  </tr>
  <tr>
    <td><strong>Qwen-VL (Qwen-7B)</strong></td>
    <td>121.4</td>
    <td><b>85.8</b></td>
    <td><b>78.8</b></td>
    <td><b>58.6</b></td>
    <td><b>59.3</b></td>
    <td>67.1</td>
    <td>35.2</td>
  </tr>
  <!-- <tr>
    <td>Qwen-VL (4-shot)</td>
    <td>-</td>
    <td>-</td>
    <td>-</td>
    <td>63.6</td>
    <td>-</td>
    <td>-</td>
    <td>39.1</td>
  </tr> -->
  <tr>
    <td>Qwen-VL-Chat</td>
    <td>120.2</td>
    <td>81.0</td>
    <td>78.2</td>
    <td>56.6</td>
    <td>57.5</td>
    <td><b>68.2</b></td>
    <td><b>38.9</b></td>
  </tr>
</tbody>
</table>"""


def test_spanned_cells_fill_their_grid_slots_and_the_last_header_row_names_the_columns():
    rows = table_rows(QWEN_VL)
    assert rows[0] == ["Model type", "Model", "NoCaps", "Flickr30K", "VQAv2 dev", "OK-VQA", "GQA",
                       "SciQA-Img (0-shot)", "VizWiz (0-shot)"]
    assert [row[:2] for row in rows[1:]] == [["Generalist Models", "Flamingo-9B"],
                                             ["Generalist Models", "BLIP-2 (Vicuna-13B)"],
                                             ["Generalist Models", "Qwen-VL (Qwen-7B)"],
                                             ["Generalist Models", "Qwen-VL-Chat"]]  # the commented row is not read
    assert all(len(row) == 9 for row in rows)


def test_a_spanned_table_gives_each_cell_to_its_own_model_and_benchmark(extract):
    # no row names a model the record knows: benchmarks it knows make the rows models ("Flamingo-9B", "BLIP-2")
    ext = extract("評価結果は以下の通りです:\n\n" + inline_html_tables(QWEN_VL))
    got = scores(ext)
    assert {("Qwen-VL", "gqa", 59.3), ("Qwen-VL-Chat", "vqav2", 78.2), ("Flamingo-9B", "vizwiz", 28.8),
            ("BLIP-2", "nocaps", 103.9)} <= got
    assert not any(s[2] == 63.6 for s in got)  # the commented-out row
    assert next(c for c in ext.claims if c.value == 78.2).conditions == "dev"  # "VQAv2 dev": a split of its data


def test_hostile_spans_and_cell_counts_stay_bounded():
    huge = "<table>" + '<tr><td rowspan="100000" colspan="100000">x</td></tr>' * 50 + "</table>"
    start = time.process_time()
    rows = table_rows(huge)
    assert time.process_time() - start < 2 and sum(len(r) for r in rows) <= 50 * 20 * 20 * 2
    many = "<table>" + "<tr>" + "<td>1</td>" * (MAX_CELLS + 500) + "</tr></table>"
    assert len(table_rows(many)[0]) == MAX_CELLS

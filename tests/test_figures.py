"""Figures a screen reader can describe and a colour-blind reader can tell apart.

Every figure of a lesson is shown by ``show_figure(fig, alt)`` (defined by the set-up cell, the answer
key's and the nbgrader edition's first cell: ``course/notebook_code/figures.py``). Its output carries
the text alternative in three places: the PNG's metadata (``{"image/png": {"alt": ...}}``), the
``alt`` of the ``<img>`` in its HTML (what JupyterLab, Colab and nbconvert's HTML show; JupyterLab
4.6 and nbconvert's lab template ignore the PNG's ``alt``), and a caption under it. Its colours come
from the course's cycle (the first colours of matplotlib's petroff10, lightnesses apart) or the viridis
colour map. Every answer key's image outputs are checked here, pixel by pixel; a lesson whose figures
are not shown that way fails until they are.
"""

import base64
import html
import io
import itertools
import re

import matplotlib
import numpy as np
import pytest
from harness import ROOT
from PIL import Image

from course import layout, lessons, notebook_code, notebooks

matplotlib.use("Agg")

LESSONS = lessons.all_lessons(ROOT)
MIN_LIGHTNESS_GAP = 8
"""Two colours of one figure differ by at least this much in CIELAB lightness (0-100), so that they stay
apart in grey and for every colour-vision deficiency."""
NEAR = 12
"""How far (RGB, 0-255) a pixel may be from a colour and still count as that colour (antialiasing)."""


def course_figures():
    """The set-up code's ``show_figure`` and the colours it sets, as the notebooks get them."""
    env: dict = {}
    exec(notebook_code.text("figures"), env)
    with matplotlib.rc_context():
        show = env["_course_figures"]()
        colors = list(matplotlib.rcParams["axes.prop_cycle"].by_key()["color"])
    return show, colors


def rgb(color: str) -> np.ndarray:
    return np.array(matplotlib.colors.to_rgb(color)) * 255


def lightness(color) -> float:
    """CIELAB L* of an sRGB colour (0-255 channels)."""
    c = np.asarray(color, dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = float(linear @ [0.2126, 0.7152, 0.0722])
    return 116 * np.cbrt(y) - 16 if y > 0.008856 else 903.3 * y


def colour_problems(png: bytes, colors: list[str] | None = None) -> list[str]:
    """What is wrong with the colours of a figure: colours outside ``colors`` (the course's, by default),
    their blends with white or black and the viridis map, or two of those colours of about the same lightness."""
    palette = [rgb(c) for c in (colors or course_figures()[1])]
    viridis = matplotlib.colormaps["viridis"](np.linspace(0, 1, 256))[:, :3] * 255
    with Image.open(io.BytesIO(png)) as image:
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3).astype(float)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    seen = colours[(counts >= max(40, 0.0004 * len(pixels))) & (np.ptp(colours, axis=1) >= 40)]  # chromatic, not noise
    problems, used = [], set()
    ends = (np.full(3, 255.0), np.zeros(3))  # antialiased edges blend a colour with white or black
    for colour in seen:
        matches = [i for i, p in enumerate(palette) if np.abs(colour - p).max() <= NEAR]
        if matches:
            used.add(matches[0])
            continue
        ts = np.linspace(0, 1, 101)[:, None]
        blended = any(np.abs(ts * p + (1 - ts) * e - colour).max(axis=1).min() <= NEAR for p in palette for e in ends)
        mapped = np.abs(viridis - colour).max(axis=1).min() <= NEAR
        if not (blended or mapped):
            problems.append(f"the colour #{''.join(f'{int(v):02x}' for v in colour)} is not the course's")
    for a, b in itertools.combinations(sorted(used), 2):
        gap = abs(lightness(palette[a]) - lightness(palette[b]))
        if gap < MIN_LIGHTNESS_GAP and np.ptp(palette[a]) >= 40 and np.ptp(palette[b]) >= 40:
            problems.append(f"C{a} and C{b} differ by {gap:.1f} in lightness (less than {MIN_LIGHTNESS_GAP})")
    return problems


def is_sentence(text) -> bool:
    return isinstance(text, str) and len(text.split()) >= 5 and bool(re.search(r"[.!?]$", text.strip()))


def image_outputs(lesson: str):
    """(cell number, output) of every output of the answer key that shows an image."""
    nb = notebooks.read(layout.solution_notebook(ROOT, lesson))
    for number, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if any(m.startswith("image/") for m in out.get("data", {})):
                yield number, out


def figure_problems(out) -> list[str]:
    data, meta = out.get("data", {}), out.get("metadata", {})
    alt = meta.get("image/png", {}).get("alt")
    if not is_sentence(alt):
        return ["no text alternative of a sentence or more (show it with show_figure(fig, alt))"]
    page = data.get("text/html", "")
    problems = []
    if f'alt="{html.escape(alt)}"' not in page or f">{html.escape(alt)}</figcaption>" not in page:
        problems.append("its HTML has no <img alt> and caption with the text alternative")
    png = base64.b64decode("".join(data["image/png"]))
    return problems + colour_problems(png)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_figure_of_the_answer_key_has_a_text_alternative_and_the_course_colours(lesson):
    found = list(image_outputs(lesson))
    assert found, f"{lesson} has no figure"
    problems = [f"cell {n}: {p}" for n, out in found for p in figure_problems(out)]
    assert not problems, f"{lesson}: " + "; ".join(problems[:6])


def figure_png(colors, linewidth=2.0) -> bytes:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    x = np.linspace(0, 1, 50)
    for k, color in enumerate(colors):
        ax.plot(x, x + k, color=color, linewidth=linewidth)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def test_the_colour_check_finds_other_colours_and_close_lightnesses():
    _, palette = course_figures()
    assert colour_problems(figure_png(palette[:3])) == []
    assert colour_problems(figure_png(palette[:1] + palette[:1])) == []
    assert any("not the course's" in p for p in colour_problems(figure_png(["tab:blue", "tab:orange"])))
    same_lightness = ["#3f90da", "#e76300"]  # petroff10's C0 and C6, both of lightness 58
    problems = colour_problems(figure_png(same_lightness), colors=same_lightness)
    assert problems and "in lightness" in problems[0], problems
    lightnesses = [lightness(rgb(c)) for c in palette]
    assert min(abs(a - b) for a, b in itertools.combinations(lightnesses[:3], 2)) >= MIN_LIGHTNESS_GAP


def test_show_figure_output_carries_the_text_three_ways(tmp_path):
    import nbformat

    from course import execute

    code = (
        notebook_code.text("figures")
        + "\nshow_figure = _course_figures()\nimport matplotlib.pyplot as plt\n"
        + "fig, ax = plt.subplots()\nax.plot([0, 1], [0, 1])\nax.plot([0, 1], [1, 0])\n"
        + 'show_figure(fig, "Two lines <crossing> in the middle: one rises, one falls.")'
    )
    ran = execute.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), tmp_path)
    (out,) = ran.cells[0].outputs
    assert out.output_type == "display_data" and figure_problems(out) == []
    assert out.metadata["image/png"]["alt"] == "Two lines <crossing> in the middle: one rises, one falls."
    assert 'alt="Two lines &lt;crossing&gt; in the middle' in out.data["text/html"]
    assert out.data["text/plain"] == "Two lines <crossing> in the middle: one rises, one falls."


def test_the_figure_check_fails_a_figure_without_show_figure(tmp_path):
    png = base64.b64encode(figure_png(["tab:blue"])).decode()
    problems = figure_problems({"data": {"image/png": png}, "metadata": {}})
    assert problems == ["no text alternative of a sentence or more (show it with show_figure(fig, alt))"]

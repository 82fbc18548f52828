"""Each cleaning step's count is said with what it counts, and counts of different units
are never added up: the library's steps count characters, lines, blocks, headings,
markers, line breaks, paragraphs and documents (engine/corpus/library/cleaning.py); the
tour once said "threw out 254,187 documents in all" of a library of 9,922 documents."""

import pytest

pytestmark = pytest.mark.gui

WHOLE_TEXTS = ("paragraphs", "documents")  # units of steps that drop whole texts


def _named(n: int, unit: str) -> str:
    """The English words for n of `unit`, as a person writes them: "1 heading", "66 paragraphs"."""
    return f"{n:,} {unit[:-1] if n == 1 else unit}"


def test_the_data_panels_steps_each_name_their_unit(qtbot, main_window, engine_controller):
    c = engine_controller
    panel = main_window.show_panel("data")
    qtbot.waitUntil(panel.is_ready, timeout=60_000)
    reports = c.pretraining.data_summary.reports
    units = {r.unit for r in reports}
    assert {"characters", "lines", "paragraphs", "documents"} <= units  # the library's steps
    for i, report in enumerate(reports):
        line = panel.steps.item(i).text()
        assert f"— {_named(report.removed, report.unit)} removed" in line, line
        panel.select_cleaning_step(i)
        assert f"<b>{_named(report.removed, report.unit)}</b> removed" in panel.step_detail.text()


def test_the_tours_cleaning_step_adds_no_units_together(qtbot, main_window, engine_controller):
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import STEPS

    c = engine_controller
    cleaning = next(i for i, s in enumerate(STEPS) if s.action == "show_cleaning")
    tour = Tour(main_window, c)
    with qtbot.waitSignal(tour.stepDone, timeout=60_000):
        tour.start(cleaning)
    said = tour.status
    summary = c.pretraining.data_summary
    reports = summary.reports
    everything = sum(r.removed for r in reports)
    assert f"{everything:,}" not in said and "in all" not in said, said
    # The whole texts dropped, one total per unit, and the documents left.
    for unit in WHOLE_TEXTS:
        dropped = sum(r.removed for r in reports if r.unit == unit)
        assert _named(dropped, unit) in said, said
    assert f"left {summary.documents:,} documents" in said
    assert "cut smaller pieces out of the text" in said  # line ends, licences: not counted as texts
    # The biggest cut: the largest share of the texts a step was given, said in its unit.
    shares = {i: r.removed / r.documents_in for i, r in enumerate(reports) if r.unit in WHOLE_TEXTS}
    biggest = max(shares, key=shares.get)
    step = reports[biggest]
    assert f"dropped {_named(step.removed, step.unit)} (of {step.documents_in:,})" in said, said
    assert main_window.panels["data"].steps.currentRow() == biggest
    tour.stop()

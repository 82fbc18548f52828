"""The step list keeps the step on screen in view, with its pillar's heading."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _shown(nav, item) -> bool:
    rect = nav.visualItemRect(item)
    return rect.top() >= 0 and rect.bottom() <= nav.viewport().height()


def test_a_short_step_list_keeps_the_current_step_and_its_heading_in_view(qtbot, themed):
    from gui.navigator import KEY_ROLE, Navigator
    from gui.panels import PANELS

    nav = Navigator(PANELS)
    qtbot.addWidget(nav)
    nav.resize(nav.width(), 600)
    nav.show()
    qtbot.waitExposed(nav)
    last = PANELS[-1].key
    nav.select(last)
    item = nav.currentItem()
    head = next(nav.item(r) for r in range(nav.row(item), -1, -1)
                if not nav.item(r).data(KEY_ROLE))
    # The tour's caption arrives: the list gets much shorter than its steps.
    nav.resize(nav.width(), 2 * nav.sizeHintForRow(nav.row(item)) + 30)
    qtbot.waitUntil(lambda: _shown(nav, item) and _shown(nav, head), timeout=2000)
    # and the first step again, after scrolling away from it
    nav.select(PANELS[0].key)
    qtbot.waitUntil(lambda: _shown(nav, nav.currentItem()), timeout=2000)

"""Which boxes drawn on a page make a table: cells side by side in rows stacked edge to edge."""

from __future__ import annotations

from ingest.pdf_page import Box, Piece
from ingest.pdf_tables import find_grids, grid_rows


def cell(left: float, right: float, top: float, bottom: float) -> Box:
    return Box(left=left, bottom=bottom, right=right, top=top)


TWO_BY_THREE = [
    cell(30, 170, 700, 683),
    cell(170, 560, 700, 683),
    cell(30, 170, 683, 649),  # a row twice as tall: a cell wrapped to two lines
    cell(170, 560, 683, 649),
    cell(30, 170, 649, 632),
    cell(170, 560, 649, 632),
]


def test_cells_side_by_side_in_stacked_rows_are_one_table() -> None:
    grids = find_grids(TWO_BY_THREE)
    assert [[(c.left, c.top) for c in row] for g in grids for row in g.rows] == [
        [(30, 700), (170, 700)],
        [(30, 683), (170, 683)],
        [(30, 649), (170, 649)],
    ]


def test_a_box_filled_then_stroked_counts_once() -> None:
    assert len(find_grids(TWO_BY_THREE + TWO_BY_THREE)[0].rows[0]) == 2


def test_panels_that_do_not_make_rows_and_columns_are_no_table() -> None:
    side_by_side_once = [cell(30, 290, 700, 500), cell(290, 560, 700, 500)]
    callout = [cell(30, 560, 480, 400)]
    apart = [
        cell(30, 170, 300, 280),
        cell(170, 560, 300, 280),
        cell(30, 170, 250, 230),  # a second row, but not edge to edge with the first
        cell(170, 560, 250, 230),
    ]
    assert find_grids(side_by_side_once + callout + apart) == []


def test_the_first_row_is_the_header_only_when_it_alone_is_bold() -> None:
    grid = find_grids(TWO_BY_THREE)[0]

    def pieces(bold_header: bool) -> list[Piece]:
        return [
            Piece("Dose", 35, 690, 10, bold_header),
            Piece("When", 175, 690, 10, bold_header),
            Piece("1 tablet", 35, 662, 10, False),
            Piece("in the morning", 175, 670, 10, False),
            Piece("with food", 175, 655, 10, False),
            Piece("2 tablets", 35, 638, 10, False),
            Piece("at night", 175, 638, 10, False),
        ]

    rows = grid_rows(grid, pieces(bold_header=True))
    assert [(r.cells, r.header) for r in rows] == [
        (("Dose", "When"), True),
        (("1 tablet", "in the morning with food"), False),
        (("2 tablets", "at night"), False),
    ]
    assert not any(r.header for r in grid_rows(grid, pieces(bold_header=False)))

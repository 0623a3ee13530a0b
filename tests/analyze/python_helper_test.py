"""analysis/python/regiosim_results.py on a real sweep: the frames are complete and consistent."""
import sys

sys.path.insert(0, sys.argv[1])
import regiosim_results as rr  # noqa: E402

path = sys.argv[2]
runs = rr.read_runs(path)
years = rr.read_years(path)
design = rr.read_design(path)
meta = rr.provenance(path)

assert len(runs) == 320, len(runs)
assert list(runs["arm"].cat.categories) == ["baseline", "execution_team"]
assert (runs["arm"].value_counts() == 160).all()
assert "drift" in list(runs["cause"].cat.categories)
# A censored run lasted exactly its own horizon, a factor of this design.
censored = runs[runs["event"] == 0]
assert (censored["months_survived"] == censored["horizon"] * 12).all()
assert (runs["months_survived"] <= runs["horizon"] * 12).all()
# One yearly row per year each run took part in.
expected = ((runs["months_survived"] + 11) // 12).sum()
assert len(years) == expected, (len(years), expected)
assert (years.groupby("run_id")["year"].max() == (runs["months_survived"] + 11) // 12).all()
assert list(years["arm"].cat.categories) == ["baseline", "execution_team"]
assert len(design) == 8 and "turnover" in design.columns
assert meta["format"] == "regiosim-results" and meta["master_seed"] == 5
print("python helper ok:", runs.groupby("arm")["months_survived"].median().to_dict())

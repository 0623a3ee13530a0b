"""analysis/python/regiosim_results.py on a real sweep: the frames are complete and consistent.

  python_helper_test.py LOADER_DIR SMALL.h5 REGIOSIM EXPERIMENT.toml DOCS.md SCRATCH
"""
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])
import h5py  # noqa: E402
import numpy as np  # noqa: E402
import regiosim_results as rr  # noqa: E402

path, regiosim, experiment, docs, scratch = sys.argv[2:7]
runs = rr.read_runs(path)
years = rr.read_years(path)
design = rr.read_design(path)
spending = rr.read_spending(path)
events = rr.read_events(path)
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

# The stored columns in the order docs/results-format.md lists them, joined ones after.
documented = {}
for line in Path(docs).read_text(encoding="utf-8").splitlines():
    m = re.match(r"^\|\s*`/(\w+)/(\w+)`", line)
    if m:
        documented.setdefault(m.group(1), []).append(m.group(2))
for group, frame in [("runs", runs), ("years", years), ("spending", spending),
                     ("events", events), ("design", design)]:
    stored = documented[group]
    assert list(frame.columns[:len(stored)]) == stored, (group, list(frame.columns), stored)

# -1 ("never", "none") becomes NaN, every other value is kept.
with h5py.File(path, "r") as f:
    for group, frame, name in [("runs", runs, "month_self_sustaining"),
                               ("runs", runs, "months_to_first_success"),
                               ("events", events, "partner")]:
        raw = f[f"{group}/{name}"][...]
        assert (raw == -1).any() and (raw != -1).any(), name
        assert (frame[name].isna().to_numpy() == (raw == -1)).all(), name
        assert (frame[name].to_numpy()[raw != -1] == raw[raw != -1]).all(), name
    amounts = f["spending/amount"][...]
assert len(spending) == len(amounts) > 0 and (spending["amount"].to_numpy() == amounts).all()
assert "execution_team" in list(spending["intervention"].cat.categories)
run_arm = runs["arm"].to_numpy()
assert (spending["arm"].to_numpy() == run_arm[spending["run_id"]]).all()
assert (spending["arm"] == "execution_team").all()  # the baseline pays for nothing
assert (events["arm"].to_numpy() == run_arm[events["run_id"]]).all()

# The partner names are the ones regiosim itself tells in the run's story.
run = int(events.loc[events["kind"] == "key_figure_left", "run_id"].iloc[0])
story = json.loads(subprocess.run([regiosim, "sweep", experiment, "--rerun", str(run), "--json"],
                                  check=True, capture_output=True, text=True).stdout)
told = [re.match(r"month \d+: the key figure of (.+) left;", s) for s in story["story"]]
told = [m.group(1) for m in told if m]
left = events[(events["run_id"] == run) & (events["kind"] == "key_figure_left")]
assert len(told) > 0 and list(left["partner_name"]) == told, (list(left["partner_name"]), told)
assert int(story["seed"]) == int(runs["seed"][run])

# A sweep without yearly output: read_years says so instead of returning no rows.
folder = Path(scratch)
folder.mkdir(parents=True, exist_ok=True)
text = Path(experiment).read_text(encoding="utf-8")
text = text.replace("yearly = true", "yearly = false").replace("replications = 20",
                                                              "replications = 1")
text = re.sub(r'scenario = "[^"]*"',
              f'scenario = "{(Path(experiment).parent / "../../../scenarios/reference.toml").resolve()}"',
              text)
(folder / "no-years.toml").write_text(text, encoding="utf-8")
out = folder / "no-years.h5"
out.unlink(missing_ok=True)
subprocess.run([regiosim, "sweep", str(folder / "no-years.toml"), "--out", str(out),
                "--progress", "never"], check=True, capture_output=True)
try:
    rr.read_years(out)
    raise AssertionError("read_years returned rows of a file without yearly output")
except ValueError as e:
    assert str(out) in str(e) and "yearly = false" in str(e), e
assert len(rr.read_runs(out)) == 16
print("python helper ok:", runs.groupby("arm")["months_survived"].median().to_dict())

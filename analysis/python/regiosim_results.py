"""Load a regiosim results file (docs/results-format.md) into pandas.

    import sys; sys.path.insert(0, "analysis/python")
    import regiosim_results as rr
    runs = rr.read_runs("results/reference-replications.h5")
    runs.groupby("arm")["months_survived"].median()

Needs h5py, numpy and pandas (Debian: python3-h5py python3-numpy python3-pandas, under
/usr/bin/python3). Columns come in the order of docs/results-format.md, columns the loader joins
after them. Categorical columns (arm, cause, phase, intervention, kind) become pandas
categoricals with the file's own labels; factor values become columns named after the factors.
"Never" and "none" (-1 in month_self_sustaining, months_to_first_success and the events'
partner and intervention) become NaN (those columns are then floats). The seed stays an exact
uint64.
"""
import tomllib

import h5py
import numpy as np
import pandas as pd

# The stored columns of each group, in the documented order.
COLUMNS = {
    "runs": ["run_id", "arm", "point", "replicate", "seed", "months_survived", "event", "cause",
             "month_self_sustaining", "months_to_first_success", "cost", "cumulative_results"],
    "years": ["run_id", "year", "active_partners", "mean_trust", "mean_commitment",
              "cumulative_results", "intention", "conflict", "dependence", "funding", "spent",
              "phase"],
    "spending": ["run_id", "year", "intervention", "amount"],
    "events": ["run_id", "month", "kind", "partner", "intervention", "before", "after"],
    "design": ["point", "block", "group", "factor", "step"],
}

# Columns where -1 means "never" or "none".
NEVER = {"month_self_sustaining", "months_to_first_success", "partner", "intervention"}


def _labelled(values, labels, path, name):
    codes = values.astype(np.int64)
    bad = np.flatnonzero((codes < 0) | (codes >= len(labels)))
    if bad.size:
        raise ValueError(f"{path}: /{name}[{bad[0]}] = {codes[bad[0]]} has no label; "
                         f"valid: a code from 0 to {len(labels) - 1}")
    return pd.Categorical.from_codes(codes, categories=labels)


def _table(f, group):
    stored = [name for name, d in f[group].items() if isinstance(d, h5py.Dataset)]
    known = COLUMNS.get(group, [])
    names = [n for n in known if n in stored] + [n for n in stored if n not in known]
    columns = {}
    for name in names:
        dataset = f[group][name]
        values = dataset[...]
        if "labels" in dataset.attrs:
            labels = [str(x) for x in dataset.attrs["labels"]]
            values = _labelled(values, labels, f.filename, f"{group}/{name}")
        elif name in NEVER:
            values = np.where(values == -1, np.nan, values.astype(np.float64))
        columns[name] = values
    return pd.DataFrame(columns)


def _run_rows(run_id, runs, path, group):
    bad = np.flatnonzero((run_id < 0) | (run_id >= len(runs)))
    if bad.size:
        raise ValueError(f"{path}: /{group}/run_id[{bad[0]}] = {run_id[bad[0]]} is not a run; "
                         f"valid: 0 to {len(runs) - 1}")
    return run_id


def _join_run(table, f, group):
    """Adds the arm and design point of each row's run."""
    runs = _table(f, "runs")
    ids = _run_rows(table["run_id"].to_numpy(), runs, f.filename, group)
    arm = runs["arm"].cat
    table["arm"] = pd.Categorical.from_codes(arm.codes.to_numpy()[ids], categories=arm.categories)
    table["point"] = runs["point"].to_numpy()[ids]
    return table


def provenance(path):
    """Root attributes: software version, git commit, creation time, seed, command line,
    the resolved scenario and the experiment text."""
    with h5py.File(path, "r") as f:
        return {key: (value.item() if hasattr(value, "item") else value)
                for key, value in f.attrs.items()}


def read_runs(path):
    """One row per run: run_id, arm, point, replicate, seed, months_survived, event, cause,
    month_self_sustaining, months_to_first_success, cost, cumulative_results and one column
    per factor."""
    with h5py.File(path, "r") as f:
        runs = _table(f, "runs")
        for name, dataset in f["runs/factors"].items():
            runs[name] = dataset[...]
    return runs


def read_years(path):
    """Yearly trajectories (long format) with the run's arm and design point joined. Raises
    ValueError when the sweep wrote no yearly output ([output] yearly = false)."""
    with h5py.File(path, "r") as f:
        years = _table(f, "years")
        if len(years) == 0 and f["runs/run_id"].shape[0] > 0:
            raise ValueError(f"{path}: the file has no yearly trajectories: its sweep ran with "
                             "[output] yearly = false; run it again with yearly = true")
        return _join_run(years, f, "years")


def read_spending(path):
    """Money per run, year and intervention kind (non-zero only), intervention as a
    categorical, the run's arm and design point joined."""
    with h5py.File(path, "r") as f:
        return _join_run(_table(f, "spending"), f, "spending")


def partner_names(path):
    """The partner names of the resolved base scenario, in partner-index order."""
    with h5py.File(path, "r") as f:
        scenario = tomllib.loads(str(f.attrs["scenario"]))
    return [p["name"] for p in scenario.get("partners", [])]


def read_events(path):
    """Event logs of the sampled runs, kind as a categorical, with the run's arm and the
    partner's name (from the base scenario; NaN for none) joined."""
    names = partner_names(path)
    with h5py.File(path, "r") as f:
        events = _join_run(_table(f, "events"), f, "events").drop(columns="point")
    index = events["partner"].to_numpy()
    events["partner_name"] = [names[int(i)] if i == i and 0 <= i < len(names) else np.nan
                              for i in index]
    return events


def read_design(path):
    """One row per design point: unit and factor values, and the design structure columns."""
    with h5py.File(path, "r") as f:
        design = _table(f, "design")
        for name, dataset in f["design/value"].items():
            design[name] = dataset[...]
        for name, dataset in f["design/unit"].items():
            design["unit_" + name] = dataset[...]
        design.attrs["kind"] = f["design"].attrs["kind"]
    return design

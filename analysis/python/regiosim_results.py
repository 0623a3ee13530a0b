"""Load a regiosim results file (docs/results-format.md) into pandas.

    import sys; sys.path.insert(0, "analysis/python")
    import regiosim_results as rr
    runs = rr.read_runs("results/reference-replications.h5")
    runs.groupby("arm")["months_survived"].median()

Needs h5py, numpy and pandas (Debian: python3-h5py python3-numpy python3-pandas, under
/usr/bin/python3). Categorical columns (arm, cause, phase, intervention, kind) become pandas
categoricals with the file's own labels; factor values become columns named after the factors.
"""
import h5py
import numpy as np
import pandas as pd


def _table(group, labelled=()):
    columns = {}
    for name, dataset in group.items():
        if not isinstance(dataset, h5py.Dataset):
            continue
        values = dataset[...]
        if "labels" in dataset.attrs:
            labels = [str(x) for x in dataset.attrs["labels"]]
            values = pd.Categorical.from_codes(values.astype(np.int64), categories=labels)
        columns[name] = values
    return pd.DataFrame(columns)


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
        runs = _table(f["runs"])
        for name, dataset in f["runs/factors"].items():
            runs[name] = dataset[...]
    return runs


def read_years(path):
    """Yearly trajectories (long format) with the run's arm and design point joined."""
    with h5py.File(path, "r") as f:
        years = _table(f["years"])
        arm = f["runs/arm"][...]
        labels = [str(x) for x in f["runs/arm"].attrs["labels"]]
        point = f["runs/point"][...]
    ids = years["run_id"].to_numpy()
    years["arm"] = pd.Categorical.from_codes(arm[ids].astype(np.int64), categories=labels)
    years["point"] = point[ids]
    return years


def read_events(path):
    """Event logs of the sampled runs, kind as a categorical."""
    with h5py.File(path, "r") as f:
        return _table(f["events"])


def read_design(path):
    """One row per design point: unit and factor values, and the design structure columns."""
    with h5py.File(path, "r") as f:
        design = _table(f["design"])
        for name, dataset in f["design/value"].items():
            design[name] = dataset[...]
        for name, dataset in f["design/unit"].items():
            design["unit_" + name] = dataset[...]
        design.attrs["kind"] = f["design"].attrs["kind"]
    return design

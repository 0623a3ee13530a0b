#!/usr/bin/python3
"""Writes tests/analysis/fixtures/data_regiosim.csv, the simulated regiosim data set of the R
reference fixtures: one row per run of the sweep analysis/reference/regiosim-runs.toml.

Run from the project root with Debian's Python (h5py, numpy, pandas):

    /usr/bin/python3 analysis/reference/export_regiosim_runs.py --regiosim build/release/bin/regiosim
    Rscript analysis/reference/make_fixtures.R

The sweep is deterministic (fixed master seed; the datasets of a results file do not depend on
threads or shards), so the same build writes the same CSV. The CSV is an INPUT fixture: the
C++ tests read it and never run the simulator, so recalibrating the model does not change
them. Re-export only to replace the data set on purpose, then re-run make_fixtures.R.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "analysis", "python"))

import regiosim_results as rr  # noqa: E402

EXPERIMENT = os.path.join("analysis", "reference", "regiosim-runs.toml")
DEFAULT_OUT = os.path.join("tests", "analysis", "fixtures", "data_regiosim.csv")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regiosim", required=True, help="path of the regiosim executable")
    parser.add_argument("--out", default=DEFAULT_OUT, help="CSV to write (default: %(default)s)")
    args = parser.parse_args()

    regiosim = os.path.abspath(args.regiosim)
    version = subprocess.run([regiosim, "--version"], check=True, capture_output=True,
                             text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        h5 = os.path.join(tmp, "regiosim-runs.h5")
        command = [regiosim, "sweep", EXPERIMENT, "--out", h5, "--threads", "1",
                   "--progress", "never"]
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        prov = rr.provenance(h5)
        runs = rr.read_runs(h5)

    # Arm and cause: the file's labels and their integer codes (the codes of the results
    # file: arm 0 is the baseline, cause 0 is censored at the horizon).
    out = runs[["run_id", "replicate"]].copy()
    out["arm"] = runs["arm"].astype(str)
    out["arm_code"] = runs["arm"].cat.codes.astype(int)
    out["time"] = runs["months_survived"].astype(int)
    out["status"] = runs["event"].astype(int)
    out["cause"] = runs["cause"].astype(str)
    out["cause_code"] = runs["cause"].cat.codes.astype(int)
    if not ((out["status"] == 1) == (out["cause_code"] != 0)).all():
        sys.exit("inconsistent event and cause columns in the results file")

    def text(value):
        return value.decode() if isinstance(value, bytes) else str(value)

    arms = ", ".join(f"{code} {label}" for code, label in enumerate(runs["arm"].cat.categories))
    causes = ", ".join(f"{code} {label}"
                       for code, label in enumerate(runs["cause"].cat.categories))
    dirty = " (uncommitted changes)" if int(prov.get("git_dirty", 0)) else ""
    header = [
        "simulated regiosim runs: the reference scenario, one row per run of the sweep "
        f"{EXPERIMENT}",
        f"produced by: regiosim sweep {EXPERIMENT} --threads 1 (master seed "
        f"{int(prov['master_seed'])}, random_numbers independent, "
        f"{len(out)} runs); exported by analysis/reference/export_regiosim_runs.py",
        f"software: {version}; results file: software_version {text(prov['software_version'])}, "
        f"git_commit {text(prov['git_commit'])}{dirty}, format_version "
        f"{int(prov['format_version'])}",
        f"arm_code: {arms}",
        f"cause_code: {causes}",
        "time = months_survived (months until the collaboration ended, or the horizon); "
        "status = event (1 ended, 0 censored at the horizon)",
        "INPUT data, not a reference result: tests never re-run the simulator. "
        "Re-export only on purpose, then re-run make_fixtures.R.",
    ]
    with open(os.path.join(ROOT, args.out) if not os.path.isabs(args.out) else args.out, "w",
              newline="") as f:
        for line in header:
            f.write(f"# {line}\n")
        out.to_csv(f, index=False, lineterminator="\n")
    print(f"wrote {args.out}: {len(out)} runs, {int(out['status'].sum())} events")


if __name__ == "__main__":
    main()

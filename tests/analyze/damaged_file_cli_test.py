"""`analyze`, `analyze --json` and `report` on copies of a results file damaged in one value
(edited with h5py): each stops with exit code 65 and names the file, the dataset and the row,
and writes no report.

  damaged_file_cli_test.py REGIOSIM SMALL.h5 SCRATCH
"""
import shutil
import subprocess
import sys
from pathlib import Path

import h5py

regiosim, source, scratch = sys.argv[1:4]
folder = Path(scratch)
shutil.rmtree(folder, ignore_errors=True)
folder.mkdir(parents=True)
with h5py.File(source, "r") as f:
    points = f["design/point"].shape[0]

# (dataset, row, value): one past the last design point, "none", an event code, a cause code,
# a negative month, a year beyond the horizon.
edits = [("runs/point", 1, points), ("runs/point", 1, -1), ("runs/event", 0, 7),
         ("runs/cause", 0, -1), ("runs/months_survived", 0, -5), ("years/year", 0, 999)]
for n, (dataset, row, value) in enumerate(edits):
    bad = folder / f"bad-{n}.h5"
    shutil.copyfile(source, bad)
    with h5py.File(bad, "r+") as f:
        f[dataset][row] = value
    report = folder / f"bad-{n}.html"
    for command in (["analyze", str(bad)], ["analyze", "--json", str(bad)],
                    ["report", str(bad), "--out", str(report)]):
        done = subprocess.run([regiosim, *command], capture_output=True, text=True)
        where = f"{' '.join(command)} with /{dataset}[{row}] = {value}"
        assert done.returncode == 65, f"{where}: exit {done.returncode}\n{done.stderr}"
        assert str(bad) in done.stderr and f"/{dataset}[{row}]" in done.stderr, \
            f"{where}: {done.stderr}"
    assert not report.exists(), report
print(f"{len(edits)} damaged files refused by analyze, analyze --json and report")

"""Reads regiosim results files with h5py, as a Python user would.

  check_results_file.py columns RESULTS.h5 docs/results-format.md
      every column documented in docs/results-format.md is in the file as a 1-D dataset of
      the documented type, compressed (deflate + shuffle) in chunks of at most 1 MiB; every
      dataset in the file is documented; categorical columns carry their label lists; the
      provenance attributes are present and well formed.
  check_results_file.py same A.h5 B.h5
      every dataset of A equals the one of B, element for element and bit for bit.
Runs under /usr/bin/python3 (Debian's python3-h5py and python3-numpy).
"""
import re
import sys

import h5py
import numpy as np

TYPES = {"int8": np.int8, "int16": np.int16, "int32": np.int32, "int64": np.int64,
         "uint64": np.uint64, "float64": np.float64}


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def documented_columns(doc_path):
    """Rows of the tables in docs/results-format.md: | `/group/name` | type | ... |"""
    columns = {}
    pattern = re.compile(r"^\|\s*`(/[^`]+)`\s*\|\s*(\w+)\s*\|")
    with open(doc_path, encoding="utf-8") as doc:
        for line in doc:
            m = pattern.match(line)
            if m:
                columns[m.group(1)] = m.group(2)
    if not columns:
        fail(f"{doc_path} documents no columns")
    return columns


def all_datasets(f):
    found = {}

    def visit(name, obj):
        # visititems stops at the first callback that returns something: return None.
        if isinstance(obj, h5py.Dataset):
            found["/" + name] = obj

    f.visititems(visit)
    return found


def check_columns(path, doc_path):
    docs = documented_columns(doc_path)
    with h5py.File(path, "r") as f:
        for attr in ("format", "format_version", "software_version", "git_commit", "git_dirty",
                     "created", "master_seed", "command_line", "scenario", "experiment"):
            if attr not in f.attrs:
                fail(f"root attribute {attr} missing")
        if f.attrs["format"] != "regiosim-results":
            fail("format attribute")
        if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", f.attrs["created"]):
            fail(f"created is not ISO 8601: {f.attrs['created']}")
        if "[scenario]" not in f.attrs["scenario"]:
            fail("resolved scenario text missing")
        factors = list(f["design"].attrs["factor_names"])
        datasets = all_datasets(f)
        for name, dtype in docs.items():
            if "<factor>" in name:
                for factor in factors:
                    concrete = name.replace("<factor>", factor)
                    if concrete not in datasets:
                        fail(f"{concrete} missing")
                continue
            if name not in datasets:
                fail(f"documented column {name} missing from the file")
            d = datasets[name]
            if d.ndim != 1:
                fail(f"{name} is not 1-D")
            if d.dtype != np.dtype(TYPES[dtype]):
                fail(f"{name} is {d.dtype}, documented {dtype}")
            if d.compression != "gzip" or not d.shuffle:
                fail(f"{name} is not deflate + shuffle compressed")
            if d.chunks[0] * d.dtype.itemsize > 1 << 20:
                fail(f"{name} has chunks over 1 MiB")
            d[...]  # every element reads
        for name in datasets:
            generic = re.sub(r"/(factors|unit|value)/[^/]+$", r"/\1/<factor>", name)
            if name not in docs and generic not in docs:
                fail(f"{name} is in the file but not documented")
        for group in ("runs", "years", "spending", "events", "design"):
            lengths = {len(d) for n, d in datasets.items() if n.startswith(f"/{group}/")}
            if len(lengths) != 1:
                fail(f"columns of /{group} differ in length: {lengths}")
        for name, labels_of in (("/runs/arm", None), ("/runs/cause", "drift"),
                                ("/years/phase", "flywheel"), ("/events/kind", "ended"),
                                ("/spending/intervention", "coordinator")):
            labels = list(f[name].attrs["labels"])
            if not labels or (labels_of and labels_of not in labels):
                fail(f"{name} has no proper label list: {labels}")
            codes = f[name][...]
            if len(codes) and (codes.min() < 0 or codes.max() >= len(labels)):
                fail(f"{name} has codes outside its label list")
        runs = f["runs/run_id"][...]
        if not np.array_equal(runs, np.arange(len(runs))):
            fail("run ids are not 0..n-1 in order")
        print(f"ok: {len(docs)} documented columns, {len(runs)} runs, factors {factors}")


def check_same(a_path, b_path):
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        da, db = all_datasets(a), all_datasets(b)
        if set(da) != set(db):
            fail(f"different datasets: {set(da) ^ set(db)}")
        for name in sorted(da):
            x, y = da[name][...], db[name][...]
            if x.dtype != y.dtype or x.shape != y.shape or x.tobytes() != y.tobytes():
                fail(f"{name} differs")
        print(f"ok: {len(da)} datasets identical")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "columns":
        check_columns(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "same":
        check_same(sys.argv[2], sys.argv[3])
    else:
        fail(__doc__)

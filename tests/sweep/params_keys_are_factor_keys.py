"""Every key `regiosim params` prints is written the way an experiment's factor writes it: an
experiment varying (up to the 64-factor limit, evenly spread) the listed keys, each in a small
range around its listed default, plans without error.

  params_keys_are_factor_keys.py REGIOSIM SCENARIO.toml SCRATCH
"""
import re
import subprocess
import sys
from pathlib import Path

regiosim, scenario, scratch = sys.argv[1:4]
listing = subprocess.run([regiosim, "params"], check=True, capture_output=True, text=True).stdout
rows = []
for line in listing.splitlines():
    m = re.match(r"^(\S+)\s+(\S+)\s.*\[(\S+), (\S+)\]$", line)
    assert m, f"unexpected line of `regiosim params`: {line!r}"
    rows.append((m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4))))
assert len(rows) > 100, len(rows)
chosen = rows[:: -(-len(rows) // 64)]
text = (f'[experiment]\nname = "params-keys"\nscenario = "{scenario}"\narms = ["baseline"]\n'
        'design = "latin_hypercube"\nreplications = 1\n\n[design]\npoints = 2\n')
for key, default, low, high in chosen:
    width = (high - low) / 1000
    text += (f'\n[[factors]]\nkey = "{key}"\nmin = {max(low, default - width)!r}\n'
             f'max = {min(high, default + width)!r}\n')
folder = Path(scratch)
folder.mkdir(parents=True, exist_ok=True)
(folder / "params-keys.toml").write_text(text, encoding="utf-8")
plan = subprocess.run([regiosim, "sweep", str(folder / "params-keys.toml"), "--dry-run"],
                      capture_output=True, text=True)
assert plan.returncode == 0, plan.stderr
assert f"over {len(chosen)} factor(s)" in plan.stdout, plan.stdout
print(f"{len(chosen)} of {len(rows)} listed keys accepted as factor keys")

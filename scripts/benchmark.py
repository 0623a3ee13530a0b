#!/usr/bin/env python3
"""Measures how regiosim's cost grows and writes the tables into docs/performance.md.

Runs the Google Benchmark binaries of benchmarks/ (time per run against the number of partners
and against the horizon, the monthly step, the HDF5 writer, the statistics) pinned to one core,
then `regiosim sweep` with 1 and 2 threads for the sweep throughput and the writer's share, and
optionally (--memory) the 10^6-run summary sweep under /usr/bin/time -v for its resident memory.
Every figure is the median of --repetitions measurements. Only the part of docs/performance.md
between the `benchmark:begin` and `benchmark:end` markers is replaced.

Usage: scripts/benchmark.py [--build-dir build/release] [--cpu 1] [--repetitions 5]
                            [--memory] [--no-build] [--out docs/performance.md]
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "<!-- benchmark:begin -->"
END = "<!-- benchmark:end -->"


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def pinned(cpus, cmd):
    return ["taskset", "-c", cpus] + cmd


def bench(binary, pattern, cpu, repetitions, min_time=None):
    """Median real time (in the benchmark's unit) and counters per benchmark name."""
    cmd = [str(binary), f"--benchmark_filter={pattern}", "--benchmark_format=json",
           f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true"]
    if min_time is not None:
        cmd.append(f"--benchmark_min_time={min_time}")
    out = json.loads(run(pinned(cpu, cmd)).stdout)
    rows = {}
    for b in out["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        rows[b["run_name"]] = b
    return rows, out["context"]


def to_us(b):
    # CPU time of the benchmark's thread: on a shared machine the pinned core is time-shared
    # with other processes, which inflates real time but not the process's own CPU time.
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b["cpu_time"] * scale


def sweep_once(regiosim, experiment, cpus, threads):
    with tempfile.TemporaryDirectory(prefix="regiosim-bench-") as tmp:
        out = Path(tmp) / "sweep.h5"
        cmd = pinned(cpus, [str(regiosim), "sweep", str(experiment), "--out", str(out),
                            "--threads", str(threads), "--json"])
        lines = run(cmd).stdout.strip().splitlines()
        done = [json.loads(l) for l in lines if '"done"' in l][-1]
        return done["runs"], done["seconds"], done["write_seconds"]


def sweep_scaling(regiosim, experiment, cpu, repetitions):
    # One thread and two alternate round by round, so that a slow spell of a shared machine
    # falls on both rather than on one of them.
    settings = ((1, cpu), (2, "0,1"))
    samples = {threads: [] for threads, _ in settings}
    for _ in range(repetitions):
        for threads, cpus in settings:
            samples[threads].append(sweep_once(regiosim, experiment, cpus, threads))
    rows = []
    base = None
    for threads, _ in settings:
        runs = samples[threads][0][0]
        seconds = statistics.median(s[1] for s in samples[threads])
        write = statistics.median(s[2] for s in samples[threads])
        rate = runs / seconds
        base = base or rate
        rows.append((threads, runs, seconds, rate, rate / (base * threads), write / seconds))
    return rows


def peak_memory(regiosim, experiment, cpus):
    with tempfile.TemporaryDirectory(prefix="regiosim-bench-") as tmp:
        out = Path(tmp) / "million.h5"
        cmd = ["/usr/bin/time", "-v"] + pinned(cpus, [str(regiosim), "sweep", str(experiment),
                                                      "--out", str(out), "--json"])
        proc = run(cmd)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", proc.stderr)
        done = [json.loads(l) for l in proc.stdout.splitlines() if '"done"' in l][-1]
        return int(rss.group(1)) / 1024.0, wall.group(1), done


def machine_description(context):
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    compiler = run(["c++", "--version"]).stdout.splitlines()[0]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- machine: {cpu}, {os.cpu_count()} logical cores, {platform.system()} "
        f"{platform.release()}",
        f"- compiler: {compiler}; Release build (-O3 as CMake's Release, -ffp-contract=off)",
        f"- Google Benchmark {context.get('library_version', '(Debian libbenchmark-dev)')}; CPU scaling "
        f"{'enabled' if context.get('cpu_scaling_enabled') else 'disabled'}",
        f"- load average when the run started: {load} "
        f"({'a loaded, shared machine: figures are noisy upper bounds' if os.getloadavg()[0] > 1.5 else 'an idle machine'})",
        f"- measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=str(ROOT / "build" / "release"))
    parser.add_argument("--cpu", default="1", help="core the single-threaded figures run on")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--memory", action="store_true",
                        help="also run the 10^6-run summary sweep (minutes) for peak memory")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()

    build = Path(args.build_dir)
    if not args.no_build:
        subprocess.run(["cmake", "--build", str(build), "--target", "regiosim_benchmarks",
                        "regiosim", "-j2"], check=True)
    model = build / "benchmarks" / "regiosim_bench_model"
    writer = build / "benchmarks" / "regiosim_bench_results_writer"
    stats = build / "benchmarks" / "regiosim_bench_statistics"
    regiosim = build / "bin" / "regiosim"
    reps = args.repetitions
    lines = []

    print("model benchmarks …", file=sys.stderr)
    rows, context = bench(model, "BM_(ReferenceRun|MonthlyStep|Reset|RunBy)", args.cpu, reps)
    lines += machine_description(context)
    lines += ["", "Reproduce with:", "", "```sh",
              "scripts/benchmark.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]), "```", ""]

    lines += ["### One run of the reference region (20 partners, 15 years), by arm", "",
              "| arm | time per run (µs) | months per run | time per month (µs) |",
              "|---|---:|---:|---:|"]
    for name, b in rows.items():
        if name.startswith("BM_ReferenceRun/"):
            lines.append(f"| {b.get('label', name)} | {to_us(b):.1f} | "
                         f"{b['months_per_run']:.1f} | {b['time_per_month'] * 1e6:.2f} |")
    runs = [to_us(b) for n, b in rows.items() if n.startswith("BM_ReferenceRun/")]
    if runs:
        lines.append(f"| **mean over arms** | **{statistics.mean(runs):.1f}** | | |")
    lines.append("")
    step = [b for n, b in rows.items() if n.startswith("BM_MonthlyStep")]
    reset = {n: b for n, b in rows.items() if n.startswith("BM_Reset")}
    if step:
        lines.append("Monthly step alone (reference region): " + ", ".join(
            f"{to_us(b) * 1000:.0f} ns ({n.split('/')[1] if '/' in n else ''})" for n, b in
            zip([n for n in rows if n.startswith("BM_MonthlyStep")], step)) +
            " (arm index in brackets: 0 baseline, 4 covenant_and_team).")
    if reset:
        lines.append("Initial state (`reset`, one normal draw per ordered pair of partners): " +
                     ", ".join(f"{to_us(b):.1f} µs at {n.split('/')[1]} partners"
                               for n, b in reset.items()) + ".")
    lines.append("")

    for title, key, col in (("partners", "BM_RunByPartners", "partners"),
                            ("horizon", "BM_RunByHorizon", "years")):
        lines += [f"### Time per run against the {title}", "",
                  f"| {col} | arm | time per run (µs) | months per run | time per month (µs) |",
                  "|---:|---|---:|---:|---:|"]
        for name, b in rows.items():
            if name.startswith(key + "/"):
                fields = dict(f.split(":") for f in name.split("/")[1:] if ":" in f)
                lines.append(f"| {fields.get(col, '?')} | {b.get('label', '')} | "
                             f"{to_us(b):.1f} | {b['months_per_run']:.1f} | "
                             f"{b['time_per_month'] * 1e6:.2f} |")
        lines.append("")

    print("writer benchmarks …", file=sys.stderr)
    wrows, _ = bench(writer, ".", args.cpu, reps)
    lines += ["### HDF5 writer against computation (a block of 6 000 runs, one thread)", "",
              "| what | yearly trajectories | time (ms) |", "|---|---|---:|"]
    for name, b in wrows.items():
        what = "compute" if "Compute" in name else "write (shard file + merged file, as a sweep)"
        lines.append(f"| {what} | {'yes' if name.endswith(':1') else 'no'} | "
                     f"{to_us(b) / 1000:.1f} |")
    lines.append("")

    print("statistics benchmarks …", file=sys.stderr)
    srows, _ = bench(stats, ".", args.cpu, min(reps, 3))
    lines += ["### Statistics over a synthetic sweep (5 arms, monthly times, 15-year horizon)", "",
              "| estimator | runs | time (ms) |", "|---|---:|---:|"]
    for name, b in srows.items():
        parts = name.split("/")
        label = {"BM_KaplanMeierByArm": "Kaplan–Meier by arm", "BM_CoxArms": "Cox (Efron), 4 arm indicators",
                 "BM_KaplanMeierAndCox": "both",
                 "BM_CompareArms": "what-if table (Cox of each arm against the baseline)"}.get(parts[0], parts[0])
        lines.append(f"| {label} | {int(parts[1]):,} | {to_us(b) / 1000:.0f} |")
    lines.append("")

    print("sweep thread scaling …", file=sys.stderr)
    experiment = ROOT / "benchmarks" / "sweep-scaling.toml"
    sweep = sweep_scaling(regiosim, experiment, args.cpu, reps)
    lines += [f"### Sweep throughput (`regiosim sweep {experiment.relative_to(ROOT)}`)", "",
              "| threads | runs | seconds | runs/s | efficiency | HDF5 write share |",
              "|---:|---:|---:|---:|---:|---:|"]
    for threads, nruns, seconds, rate, eff, share in sweep:
        lines.append(f"| {threads} | {nruns} | {seconds:.2f} | {rate:,.0f} | {eff * 100:.0f} % | "
                     f"{share * 100:.1f} % |")
    lines.append("")

    if args.memory:
        print("10^6-run summary sweep (minutes) …", file=sys.stderr)
        rss, wall, done = peak_memory(regiosim, ROOT / "benchmarks" / "summary-million.toml",
                                      "0,1")
        lines += ["### 10^6-run summary sweep (`benchmarks/summary-million.toml`, 2 threads)", "",
                  f"Peak resident memory {rss:.0f} MB; wall time {wall}; {done['runs']} runs, "
                  f"{done['write_seconds']:.1f} s of {done['seconds']:.1f} s writing.", ""]

    out = Path(args.out)
    text = out.read_text() if out.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    out.write_text(head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + tail)
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

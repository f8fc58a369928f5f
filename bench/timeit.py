#!/usr/bin/env python3
"""Times whole commands side by side: one warm-up run each, then N rounds in which every command runs
once, in turn (alternating, so a noisy machine slows them alike). Prints each command's median wall time
and its ratio to the baseline command's median.

Usage: timeit.py --runs N --baseline NAME [--same-json-except KEY,...]
                 --cmd NAME -- ARGV... ';' [--cmd NAME -- ARGV... ';' ...]
With --same-json-except, every run's stdout must parse as the same JSON document once the named
top-level keys (e.g. a response timestamp) are removed; a mismatch or a failed run aborts.
"""
import json
import statistics
import subprocess
import sys
import time


def parse(argv):
    opts = {"runs": 5, "baseline": None, "ignore": None}
    cmds = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--runs":
            opts["runs"] = int(argv[i + 1]); i += 2
        elif a == "--baseline":
            opts["baseline"] = argv[i + 1]; i += 2
        elif a == "--same-json-except":
            opts["ignore"] = [k for k in argv[i + 1].split(",") if k]; i += 2
        elif a == "--cmd":
            name = argv[i + 1]
            if argv[i + 2] != "--":
                sys.exit("expected -- after --cmd NAME")
            end = argv.index(";", i + 3)
            cmds.append((name, argv[i + 3:end]))
            i = end + 1
        else:
            sys.exit(f"unexpected argument {a!r}")
    if not cmds:
        sys.exit("no --cmd given")
    return opts, cmds


def run(argv):
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return elapsed, done.stdout


def document(out, ignore):
    doc = json.loads(out)
    for key in ignore:
        doc.pop(key, None)
    return doc


def main():
    opts, cmds = parse(sys.argv[1:])
    expected = None
    times = {name: [] for name, _ in cmds}
    for round_no in range(opts["runs"] + 1):  # round 0 is the warm-up
        for name, argv in cmds:
            elapsed, out = run(argv)
            if opts["ignore"] is not None:
                doc = document(out, opts["ignore"])
                if expected is None:
                    expected = doc
                elif doc != expected:
                    sys.exit(f"{name}: output differs:\n{json.dumps(doc)}\nvs\n{json.dumps(expected)}")
            if round_no > 0:
                times[name].append(elapsed)
    if expected is not None:
        print(f"all outputs equal (ignoring {', '.join(opts['ignore'])}): {json.dumps(expected)}")
    medians = {name: statistics.median(t) for name, t in times.items()}
    base = medians.get(opts["baseline"])
    print(f"{opts['runs']} alternating runs after 1 warm-up each; wall seconds per whole process")
    print(f"{'command':<16} {'median':>8} {'min':>8} {'max':>8}  vs {opts['baseline'] or '-'}")
    for name, t in times.items():
        ratio = f"{medians[name] / base:.2f}x" if base else "-"
        print(f"{name:<16} {medians[name]:8.3f} {min(t):8.3f} {max(t):8.3f}  {ratio}")


if __name__ == "__main__":
    main()

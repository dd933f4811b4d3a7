#!/usr/bin/env python3
"""Turns raw/process.txt (lines `<engine> <workload> run=N wall=S s maxrss=K KB`) into a Markdown table of medians,
with dq/DuckDB ratios computed per workload from runs taken back to back."""
import re
import statistics
import sys
from collections import defaultdict

LINE = re.compile(r"^(\S+) (\S+) run=\d+ wall=([\d.]+) s maxrss=(\d+) KB$")
walls, rss = defaultdict(list), defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    m = LINE.match(line.strip())
    if m:
        engine, workload, wall, kb = m.group(1), m.group(2), float(m.group(3)), int(m.group(4))
        walls[(engine, workload)].append(wall)
        rss[(engine, workload)].append(kb / 1024)

workloads = sorted({w for _, w in walls}, key=lambda w: (not w.startswith("orders"), w))
print("| workload | dq (s) | dq R2R (s) | DuckDB (s) | dq / DuckDB | dq R2R / DuckDB | dq peak RSS (MiB) | DuckDB peak RSS (MiB) |")
print("|---|---|---|---|---|---|---|---|")
for w in workloads:
    def med(engine, table=walls):
        values = table.get((engine, w))
        return statistics.median(values) if values else float("nan")
    dq, r2r, duck = med("dq"), med("dq-r2r"), med("duckdb")
    print(f"| {w} | {dq:.2f} | {r2r:.2f} | {duck:.2f} | {dq / duck:.2f}× | {r2r / duck:.2f}× | {med('dq', rss):.0f} | {med('duckdb', rss):.0f} |")
for w in workloads:
    if walls.get(("pandas", w)):
        pandas = statistics.median(walls[("pandas", w)])
        duck = statistics.median(walls[("duckdb", w)])
        print(f"\npandas on {w}: {pandas:.1f} s ({pandas / duck:.1f}× DuckDB), peak RSS {statistics.median(rss[('pandas', w)]):.0f} MiB.")
print()
print(f"Medians of {max(len(v) for v in walls.values())} runs each, taken in turn (dq, dq R2R, DuckDB) so all see the same load.")

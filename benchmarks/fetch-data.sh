#!/usr/bin/env bash
# Fetches the real data the benchmarks use from the npm package vega-datasets 3.2.1 into benchmarks/data/
# (git-ignored; never commit it). Idempotent: files already cached are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/data"
mkdir -p "$data"
if [[ -f "$data/flights-3m.parquet" && -f "$data/airports.csv" ]]; then
  echo "cached: $data/flights-3m.parquet, $data/airports.csv"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack vega-datasets@3.2.1 --silent >/dev/null)
tar -xzf "$work"/vega-datasets-3.2.1.tgz -C "$work" package/data/flights-3m.parquet package/data/airports.csv
mv "$work/package/data/flights-3m.parquet" "$work/package/data/airports.csv" "$data/"
ls -l "$data/flights-3m.parquet" "$data/airports.csv"

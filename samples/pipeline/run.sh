#!/usr/bin/env bash
# The sample pipeline: raw CSV → ETL transforms → Parquet → dq quality gate.
# Run from anywhere: bash samples/pipeline/run.sh [input folder]
# Exit code: 0 when the gate passes, 1 when an expectation failed, 2–4 for dq's other errors (see README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
input="${1:-$here/data}"
output="$here/output"

echo "== transform: $input -> $output"
dotnet run --project "$root/samples/pipeline/Pipeline" -- "$input" "$output"

echo "== gate: dq validate --checkpoint"
dotnet run --project "$root/src/Cli" -- validate --checkpoint "$here/checkpoints/pipeline.yml"

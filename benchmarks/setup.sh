# Sourced by the benchmark scripts: builds the tool and the harness and sets root, out (results/<machine>/raw),
# bench (the harness) and dq (the JIT tool). The machine name is the script's first argument.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
machine="${1:-amd-epyc-2c}"
out="$root/benchmarks/results/$machine/raw"
mkdir -p "$out"
cd "$root"
dotnet build src/Cli -c Release -v q >/dev/null
dotnet build benchmarks/Dq.Benchmarks -c Release -v q >/dev/null
bench="dotnet benchmarks/Dq.Benchmarks/bin/Release/net10.0/linux-x64/Dq.Benchmarks.dll"
dq="dotnet src/Cli/bin/Release/net10.0/dq.dll"

#!/usr/bin/env bash
# Runs every hostile route in one run per round (default 3 rounds) in Release; prints faults tried/survived, wall time, peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/hostile/Conformance.Bench.Hostile.csproj -- "${1:-3}"

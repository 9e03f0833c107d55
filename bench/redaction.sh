#!/usr/bin/env bash
# Times the masking of written text (Redactor.Text) on 1 MiB bodies of several kinds, in Release; ROUNDS calls each (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/redaction/Conformance.Bench.Redaction.csproj -- "${1:-15}"

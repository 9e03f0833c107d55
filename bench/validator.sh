#!/usr/bin/env bash
# Builds and runs the schema validator benchmark in Release; prints validations/s, compile time and bytes/validation.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/validator/Conformance.Bench.Validator.csproj

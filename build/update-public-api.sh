#!/usr/bin/env bash
# Adds new public symbols to PublicAPI.Unshipped.txt (RS0016) and drops removed ones (RS0017),
# using the analyzer's own code fix. Review the diff: it is the public API change of your commit.
# Usage: build/update-public-api.sh [src/Project ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
# Union merges of these files can leave duplicate lines (RS0025): drop them first.
for f in src/*/PublicAPI.*.txt; do awk 'NR==1 || !seen[$0]++' "$f" > "$f.tmp" && mv "$f.tmp" "$f"; done
for p in "${projects[@]}"; do
  csproj=$(ls "${p%/}"/*.csproj)
  echo "public API: $csproj"
  dotnet format analyzers "$csproj" --diagnostics RS0016 RS0017 --severity info >/dev/null 2>&1 || true
done

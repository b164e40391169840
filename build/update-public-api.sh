#!/usr/bin/env bash
# Brings PublicAPI.Unshipped.txt in line with the code: drops duplicate lines (left by merges),
# drops declared symbols that no longer exist (RS0017, read from the build's own diagnostics) and adds
# new public symbols (RS0016, with the analyzer's own code fix). Review the diff: it is your API change.
# Usage: build/update-public-api.sh [src/Project ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
for p in "${projects[@]}"; do
  dir=${p%/}
  csproj=$(ls "$dir"/*.csproj)
  for f in "$dir"/PublicAPI.*.txt; do awk 'NR==1 || !seen[$0]++' "$f" > "$f.tmp" && mv "$f.tmp" "$f"; done
  dotnet build "$csproj" --no-restore 2>&1 | grep -o "RS0017: Symbol '.*' is part of the declared API" \
    | sed -e "s/^RS0017: Symbol '//" -e "s/' is part of the declared API\$//" | sort -u > /tmp/rs0017.$$ || true
  if [ -s /tmp/rs0017.$$ ]; then
    grep -vxF -f /tmp/rs0017.$$ "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.Unshipped.txt.tmp" || true
    mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  fi
  rm -f /tmp/rs0017.$$
  echo "public API: $csproj"
  dotnet format analyzers "$csproj" --diagnostics RS0016 --severity info >/dev/null 2>&1 || true
done

#!/usr/bin/env bash
# Runs every test project of Kasify.sln and ends with one line: "N passed, N failed, N skipped".
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Properties]
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet build Kasify.sln -c Release -nologo -v minimal 2>&1 | tail -n 3
build_status=${PIPESTATUS[0]}
if [ "$build_status" -ne 0 ]; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Kasify.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 44, Skipped: 0, Total: 44, ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1);
      if ($i == "Passed:") p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
[ "$test_status" -eq 0 ]

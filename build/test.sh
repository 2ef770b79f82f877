#!/usr/bin/env bash
# Runs every test project of Kasify.sln on SQLite, then the functional tests again on PostgreSQL, and ends with one
# line summing both passes: "N passed, N failed, N skipped".
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Properties]
# PostgreSQL pass: uses KASIFY_TEST_PG (a connection string to a server) when set; otherwise starts a throw-away
# cluster when PostgreSQL's server binaries are installed; otherwise it is skipped with a message, unless
# KASIFY_REQUIRE_POSTGRES=1 (.ci/run sets it), which makes a missing PostgreSQL a failure.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
pg_dir=""
cleanup() {
  rm -f "$log"
  if [ -n "$pg_dir" ]; then build/postgres-cluster.sh stop "$pg_dir"; fi
}
trap cleanup EXIT

dotnet build Kasify.sln -c Release -nologo -v minimal 2>&1 | tail -n 3
build_status=${PIPESTATUS[0]}
if [ "$build_status" -ne 0 ]; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# The PostgreSQL pass skips what only makes sense on a SQLite file and the simulation (it always runs its own SQLite host).
pg_filter="TestCategory!=SqliteOnly&FullyQualifiedName!~Kasify.FunctionalTests.Simulation"
# The SQLite pass skips what needs a server database (several instances on one database).
sqlite_filter="TestCategory!=PostgreSqlOnly"
pg_args=()
expect_filter=0
for arg in "$@"; do
  if [ "$expect_filter" -eq 1 ]; then pg_filter="($arg)&$pg_filter"; sqlite_filter="($arg)&$sqlite_filter"; expect_filter=0; continue; fi
  case "$arg" in
    --filter) expect_filter=1 ;;
    --filter=*) pg_filter="(${arg#--filter=})&$pg_filter"; sqlite_filter="(${arg#--filter=})&$sqlite_filter" ;;
    *) pg_args+=("$arg") ;;
  esac
done

start=$SECONDS
dotnet test Kasify.sln -c Release --no-build -nologo --filter "$sqlite_filter" "${pg_args[@]}" 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
echo "SQLite pass: $((SECONDS - start)) s"

pg_failed=0
if [ -z "${KASIFY_TEST_PG:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if cluster=$(build/postgres-cluster.sh start); then
    eval "$cluster"
    pg_dir=$KASIFY_PG_DIR
  else
    echo "Could not start a PostgreSQL cluster."
  fi
fi
if [ -n "${KASIFY_TEST_PG:-}" ]; then
  start=$SECONDS
  KASIFY_TEST_DB=postgres dotnet test tests/Kasify.FunctionalTests -c Release --no-build -nologo --filter "$pg_filter" \
    "${pg_args[@]}" 2>&1 | sed 's/^\(\(Passed\|Failed\)!\)/\1 [PostgreSQL]/' | tee -a "$log"
  pg_status=${PIPESTATUS[0]}
  echo "PostgreSQL pass: $((SECONDS - start)) s"
  if [ "$pg_status" -ne 0 ]; then test_status=$pg_status; fi
elif [ "${KASIFY_REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "PostgreSQL pass required (KASIFY_REQUIRE_POSTGRES=1) but no server: set KASIFY_TEST_PG or install postgresql."
  pg_failed=1
else
  echo "PostgreSQL pass skipped: no server binaries under /usr/lib/postgresql and KASIFY_TEST_PG is not set (.ci/run installs one)."
fi

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 44, Skipped: 0, Total: 44, ...") of both passes.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! .*- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1);
      if ($i == "Passed:") p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

failed=$((failed + pg_failed))
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
[ "$test_status" -eq 0 ] && [ "$pg_failed" -eq 0 ]

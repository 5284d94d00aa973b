#!/usr/bin/env bash
# Runs every CrmKit test on a fresh machine of the project's kind (Debian 12, .NET SDK 10).
# It installs and starts the real servers the tests need (PostgreSQL for tests/CrmKit.Storage.PostgreSql.Tests; the
# rest runs on embedded SQLite files that the tests create themselves), builds the solution, runs all test projects
# with TRX logging, runs the benchmark in its quick smoke mode, and ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

out="${CRMKIT_TEST_OUT:-$PWD/.ci/out}"
rm -rf "$out" && mkdir -p "$out/trx"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (SDK 10) is not on PATH" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# PostgreSQL for the PostgreSQL store's tests: a throwaway server on loopback (trust auth, no fsync), unless
# CRMKIT_TEST_POSTGRES already names one. The variable is the admin connection string; the tests create and drop
# their own crm_t_* databases on it, and report themselves skipped without it.
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL is not installed: the PostgreSQL store's tests will be skipped" >&2
    return 0
  fi
  # initdb refuses to run as root; the package's postgres account owns the cluster then.
  local as=()
  pg_dir=$(mktemp -d /tmp/crmkit-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_dir"
    as=(runuser -u postgres --)
  fi
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export CRMKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}
trap stop_postgres EXIT
if [ -z "${CRMKIT_TEST_POSTGRES:-}" ]; then
  start_postgres
fi

dotnet build CrmKit.sln -c Release -nologo -v quiet
# Every src project must pack (README, licence, XML docs, symbols, SourceLink).
dotnet pack CrmKit.sln -c Release --no-build -nologo -v quiet -o "$out/packages"
# tests/CrmKit.Templates.Tests installs the packed template pack (CrmKit.Templates) and builds the generated projects
# against these packages; without the variable those tests report themselves skipped.
export CRMKIT_PACKAGES="$out/packages"

status=0
dotnet test CrmKit.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$out/trx" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# The benchmark's quick mode proves the benchmark still runs; docs/performance.md has the full run's ratios.
if [ -d tests/CrmKit.Benchmarks ]; then
  dotnet run -c Release --no-build --project tests/CrmKit.Benchmarks -- all --quick || status=$?
fi

python3 - "$out/trx" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

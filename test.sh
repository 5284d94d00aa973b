#!/usr/bin/env bash
# Runs every CrmKit test on a fresh machine of the project's kind (Debian 12, .NET SDK 10).
# It installs and starts the real servers the tests need (PostgreSQL 15 for the PostgreSQL provider; the core's own
# tests run on embedded SQLite files they create themselves), builds the solution, runs all test projects with TRX logging, runs the
# benchmark in its quick smoke mode, and ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

out="${CRMKIT_TEST_OUT:-$PWD/.ci/out}"
rm -rf "$out" && mkdir -p "$out/trx"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (SDK 10) is not on PATH" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# PostgreSQL 15 for the PostgreSQL provider's tests: a throwaway cluster on 127.0.0.1 (a free port, data in a temp
# folder, stopped and deleted on exit), its address passed in CRMKIT_TEST_POSTGRES. initdb refuses root, so the
# cluster belongs to the postgres user. A CRMKIT_TEST_POSTGRES set by the caller is used as it is.
start_postgres() {
  pg_bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$pg_bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL 15 is not installed; run as root or: apt-get install postgresql-15" >&2
      exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade postgresql-15 postgresql-client-15 >/dev/null
  fi
  pg_data=$(mktemp -d "${TMPDIR:-/tmp}/crmkit-pg.XXXXXX")
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  pg_as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_data"
    pg_as=(runuser -u postgres --)
  fi
  cleanups+=(pg_stop)
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export CRMKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL 15 for the tests: 127.0.0.1:$port"
}

pg_stop() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_data"
}

# Everything started below is stopped at exit, in reverse order of starting.
cleanups=()
run_cleanups() {
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do "${cleanups[i]}" || true; done
}
trap run_cleanups EXIT

if [ -z "${CRMKIT_TEST_POSTGRES:-}" ]; then
  start_postgres
fi

# s3rver (npm) and nginx with the WebDAV modules (Debian) for the file-store conformance suite
# (tests/CrmKit.Files.Tests): free ports, throwaway folders, CRMKIT_TEST_S3 and CRMKIT_TEST_WEBDAV exported.
# shellcheck source=tests/servers/file-servers.sh
source tests/servers/file-servers.sh
cleanups+=(stop_file_servers)
start_file_servers

dotnet build CrmKit.sln -c Release -nologo -v quiet
# Every src project must pack (README, licence, XML docs, symbols, SourceLink).
dotnet pack CrmKit.sln -c Release --no-build -nologo -v quiet -o "$out/packages"
# tests/CrmKit.Templates.Tests installs the packed template pack (CrmKit.Templates) and builds the generated projects
# against these packages; without the variable those tests report themselves skipped.
export CRMKIT_PACKAGES="$out/packages"

status=0
dotnet test CrmKit.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$out/trx" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# The Core suite (records, metadata, security, outbox, workflows, scheduler) once more, on PostgreSQL: every store and
# workflow test passes on both providers.
CRMKIT_CORE_TESTS_STORE=postgresql dotnet test tests/CrmKit.Core.Tests -c Release --no-build -nologo \
  --logger "trx;LogFileName=core-on-postgresql.trx" --results-directory "$out/trx" || status=$?

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

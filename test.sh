#!/usr/bin/env bash
# Runs every CrmKit test on a fresh machine of the project's kind (Debian 12, .NET SDK 10).
# It installs and starts the real servers the tests need (none yet: the core runs on embedded SQLite files that
# the tests create themselves), builds the solution, runs all test projects with TRX logging, runs the
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

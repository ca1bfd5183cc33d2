#!/usr/bin/env bash
# Runs every check and test of the solution: the format check, one build, the native validator's publish,
# then each test project with a throwaway PostgreSQL cluster and Debian's Chromium. Ends with the line "N passed, N failed".
# See docs/testing.md.
set -uo pipefail

cd "$(dirname "$(readlink -f "$0")")"
ROOT=$(pwd)
CONFIGURATION=Release
RESULTS_DIR="$ROOT/artifacts/test-results"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives the system Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export SAFEGUARD_TEST_CHROMIUM="${SAFEGUARD_TEST_CHROMIUM:-/usr/bin/chromium}"

step() { printf '\n==> %s\n' "$*"; }

# --- Prerequisites ---------------------------------------------------------------------------------
have_postgres_server() {
    [[ -x /usr/lib/postgresql/15/bin/initdb ]]
}

missing_packages=()
[[ -n ${SAFEGUARD_TEST_POSTGRES:-} ]] || have_postgres_server || missing_packages+=(postgresql-15)
[[ -x $SAFEGUARD_TEST_CHROMIUM ]] || missing_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_packages+=(chromium-driver)
command -v npm >/dev/null 2>&1 || missing_packages+=(nodejs npm)
# The PDF reports (annual report, improvement plan) are set in a system font (Safeguard.Common.PdfFonts).
[[ -n ${SAFEGUARD_PDF_FONT_DIR:-} ]] || compgen -G "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" >/dev/null \
    || compgen -G "/usr/share/fonts/truetype/lato/Lato-Regular.ttf" >/dev/null || missing_packages+=(fonts-dejavu-core)

if ((${#missing_packages[@]} > 0)); then
    if [[ $EUID -eq 0 ]]; then
        step "Installing ${missing_packages[*]} from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q && apt-get install -y -q "${missing_packages[@]}" || {
            echo "test.sh: could not install ${missing_packages[*]}" >&2
            exit 1
        }
    else
        echo "test.sh: missing ${missing_packages[*]}. Install them, for example:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y ${missing_packages[*]}" >&2
        exit 1
    fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET 10 SDK (dotnet) is not on PATH." >&2
    exit 1
fi

# --- PostgreSQL --------------------------------------------------------------------------------------
# shellcheck source=scripts/postgres-test-cluster.sh
source "$ROOT/scripts/postgres-test-cluster.sh"
trap pg_test_cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${SAFEGUARD_TEST_POSTGRES:-} ]]; then
    step "Using the PostgreSQL server given in SAFEGUARD_TEST_POSTGRES"
else
    step "Starting a throwaway PostgreSQL cluster"
    pg_test_cluster_start || {
        echo "test.sh: could not start PostgreSQL." >&2
        exit 1
    }
fi

failed_checks=()

# --- Format ------------------------------------------------------------------------------------------
step "Format check: dotnet format --verify-no-changes"
if ! dotnet format Safeguard.slnx --verify-no-changes; then
    echo "test.sh: FORMAT CHECK FAILED: run 'dotnet format Safeguard.slnx' and commit the result." >&2
    failed_checks+=("format")
fi

# --- Build -------------------------------------------------------------------------------------------
step "Build ($CONFIGURATION)"
build_ok=yes
if ! dotnet build Safeguard.slnx -c "$CONFIGURATION" -nologo; then
    echo "test.sh: BUILD FAILED." >&2
    failed_checks+=("build")
    build_ok=no
fi

# --- Native validator -------------------------------------------------------------------------------
# safeguard-validate compiled ahead of time (ADR 0096): a trim or AOT warning fails the publish. The Cli tests run
# the executable published here (and publish it themselves only when it is missing), so an old one is removed first.
step "Publish the native validator (safeguard-validate) to artifacts/native"
rm -f "$ROOT/artifacts/native/safeguard-validate"
if ! dotnet publish src/Safeguard.Validate -c "$CONFIGURATION" -r linux-x64 -o "$ROOT/artifacts/native" -nologo; then
    echo "test.sh: NATIVE VALIDATOR PUBLISH FAILED (trim and AOT warnings are errors)." >&2
    failed_checks+=("native validator publish")
fi

# --- Tests -------------------------------------------------------------------------------------------
rm -rf "$RESULTS_DIR" "$ROOT/artifacts/screenshots"
mkdir -p "$RESULTS_DIR"
if [[ $build_ok == yes ]]; then
    for project in tests/*.Tests/*.Tests.csproj; do
        name=$(basename "$project" .csproj)
        step "Tests: $name"
        if ! dotnet test "$project" -c "$CONFIGURATION" --no-build \
            --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
            --results-directory "$RESULTS_DIR"; then
            failed_checks+=("tests in $name")
        fi
        if [[ ! -f "$RESULTS_DIR/$name.trx" ]]; then
            echo "test.sh: $name produced no test results." >&2
            failed_checks+=("no results from $name")
        fi
    done
fi

# --- Summary -----------------------------------------------------------------------------------------
# Stop the cluster now so that the summary below is the last thing printed.
pg_test_cluster_stop

# Sums the Counters element of each TRX file: <Counters total=".." executed=".." passed=".." failed=".." ...>
counter() { # file attribute
    grep -o "<Counters [^>]*>" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]\+" | head -n 1
}
passed=0 failed=0 skipped=0
for trx in "$RESULTS_DIR"/*.trx; do
    [[ -f $trx ]] || continue
    for attribute in failed error timeout aborted; do
        failed=$((failed + $(counter "$trx" "$attribute" || echo 0)))
    done
    passed=$((passed + $(counter "$trx" passed || echo 0)))
    # Skipped tests are counted in total but not in executed (the notExecuted counter stays 0).
    skipped=$((skipped + $(counter "$trx" total || echo 0) - $(counter "$trx" executed || echo 0)))
done

# Names each failed test with the first line of its message, so that a run's tail says what failed.
list_failures() { # trx file
    awk '
        /<UnitTestResult / && /outcome="Failed"/ {
            match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next
        }
        want && /<Message>/ {
            line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
            printf "  FAILED %s\n         %s\n", name, substr(line, 1, 300); want = 0
        }
    ' "$1"
}
echo
for trx in "$RESULTS_DIR"/*.trx; do
    [[ -f $trx ]] && list_failures "$trx"
done
echo "TRX results: $RESULTS_DIR"
echo "Screenshots: $ROOT/artifacts/screenshots"
if ((${#failed_checks[@]} > 0)); then
    printf 'Failed: %s\n' "${failed_checks[@]}"
fi
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi
echo "$summary"

if ((${#failed_checks[@]} > 0 || failed > 0)); then
    exit 1
fi
exit 0

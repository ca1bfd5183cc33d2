#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, listen on a free
# loopback port (127.0.0.1 only, Unix socket inside the folder), create a login role `safeguard`,
# and export SAFEGUARD_TEST_POSTGRES, the connection string the tests read.
#
# Two ways to use it:
#   scripts/postgres-test-cluster.sh dotnet test tests/Safeguard.Core.Tests
#       starts a cluster, runs the command with SAFEGUARD_TEST_POSTGRES set, stops and deletes the cluster.
#   source scripts/postgres-test-cluster.sh; pg_test_cluster_start; ...; pg_test_cluster_stop
#       from another script (./test.sh does this), which must call pg_test_cluster_stop from its exit trap.
#
# initdb and postgres refuse to run as root, so as root they run as the `postgres` system user.

PG_TEST_DIR=""
PG_TEST_BIN=""
PG_TEST_PORT=""

pg_test_cluster_find_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

# Runs a command as the cluster's owner: the postgres system user when we are root, ourselves otherwise.
pg_test_cluster_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_test_cluster_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_test_cluster_start() {
    PG_TEST_BIN=$(pg_test_cluster_find_bin) || {
        echo "postgres-test-cluster: PostgreSQL server binaries not found (install the Debian package 'postgresql')." >&2
        return 1
    }
    if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "postgres-test-cluster: running as root but there is no 'postgres' system user to run the server as." >&2
        return 1
    fi

    PG_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/safeguard-pg.XXXXXX")
    chmod 700 "$PG_TEST_DIR"
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$PG_TEST_DIR"
    fi

    if ! pg_test_cluster_as_owner "$PG_TEST_BIN/initdb" --pgdata="$PG_TEST_DIR/data" --username=postgres \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C --no-sync \
        >"$PG_TEST_DIR/initdb.log" 2>&1; then
        echo "postgres-test-cluster: initdb failed:" >&2
        cat "$PG_TEST_DIR/initdb.log" >&2
        return 1
    fi

    # A port that looks free may be taken before the server binds it: try a few.
    local attempt ready
    for attempt in 1 2 3 4 5; do
        PG_TEST_PORT=$((20000 + RANDOM % 40000))
        if pg_test_cluster_port_in_use "$PG_TEST_PORT"; then
            continue
        fi
        # Durability settings off: the cluster lives only as long as the test run.
        pg_test_cluster_as_owner "$PG_TEST_BIN/pg_ctl" --pgdata="$PG_TEST_DIR/data" --log="$PG_TEST_DIR/server.log" \
            --options="-c listen_addresses=127.0.0.1 -c port=$PG_TEST_PORT -c unix_socket_directories='$PG_TEST_DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c autovacuum=off" \
            --no-wait start >/dev/null
        ready=no
        for _ in $(seq 1 150); do
            if "$PG_TEST_BIN/pg_isready" --quiet --host="$PG_TEST_DIR" --port="$PG_TEST_PORT"; then
                ready=yes
                break
            fi
            if [[ ! -f "$PG_TEST_DIR/data/postmaster.pid" ]] && grep -q "could not\|FATAL" "$PG_TEST_DIR/server.log" 2>/dev/null; then
                break
            fi
            sleep 0.2
        done
        if [[ $ready == yes ]]; then
            break
        fi
        pg_test_cluster_as_owner "$PG_TEST_BIN/pg_ctl" --pgdata="$PG_TEST_DIR/data" --mode=immediate stop >/dev/null 2>&1 || true
        echo "postgres-test-cluster: the server did not start on port $PG_TEST_PORT (attempt $attempt)." >&2
    done
    if [[ ${ready:-no} != yes ]]; then
        echo "postgres-test-cluster: could not start PostgreSQL; its log follows:" >&2
        cat "$PG_TEST_DIR/server.log" >&2 2>/dev/null || true
        return 1
    fi

    local password
    password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    if ! pg_test_cluster_as_owner "$PG_TEST_BIN/psql" --quiet --no-psqlrc --host="$PG_TEST_DIR" --port="$PG_TEST_PORT" \
        --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 \
        --command="CREATE ROLE safeguard LOGIN CREATEDB PASSWORD '$password'; GRANT pg_signal_backend TO safeguard" >/dev/null; then
        echo "postgres-test-cluster: could not create the safeguard role." >&2
        return 1
    fi

    export SAFEGUARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=safeguard;Password=$password;Database=postgres"
    echo "postgres-test-cluster: PostgreSQL $("$PG_TEST_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT (data in $PG_TEST_DIR)"
}

pg_test_cluster_stop() {
    if [[ -n $PG_TEST_DIR && -d $PG_TEST_DIR ]]; then
        if [[ -f "$PG_TEST_DIR/data/postmaster.pid" ]]; then
            pg_test_cluster_as_owner "$PG_TEST_BIN/pg_ctl" --pgdata="$PG_TEST_DIR/data" --mode=fast --timeout=30 stop >/dev/null 2>&1 \
                || pg_test_cluster_as_owner "$PG_TEST_BIN/pg_ctl" --pgdata="$PG_TEST_DIR/data" --mode=immediate stop >/dev/null 2>&1 \
                || true
        fi
        # Server-side errors explain a failed test or a failed clean-up better than the client's stack trace.
        if grep -E -q '(ERROR|FATAL|PANIC):' "$PG_TEST_DIR/server.log" 2>/dev/null; then
            echo "postgres-test-cluster: errors the server logged, last 20 (tests that prove a refusal cause some on purpose):"
            grep -E '(ERROR|FATAL|PANIC):' "$PG_TEST_DIR/server.log" | tail -n 20
        fi
        rm -rf "$PG_TEST_DIR"
        echo "postgres-test-cluster: stopped and deleted $PG_TEST_DIR"
    fi
    PG_TEST_DIR=""
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    if [[ $# -eq 0 ]]; then
        echo "usage: $0 COMMAND [ARGS...]   runs COMMAND with SAFEGUARD_TEST_POSTGRES pointing at a throwaway cluster" >&2
        exit 2
    fi
    trap pg_test_cluster_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    pg_test_cluster_start
    "$@"
fi

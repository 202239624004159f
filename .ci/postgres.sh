#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   eval "$(.ci/postgres.sh start)"    # prints: export THREATLINE_TEST_PG=postgresql+psycopg://...
#   trap '.ci/postgres.sh stop' EXIT   # stops the server and deletes its cluster
#
# `start` installs the Debian packages when no server is present (runs as root, without
# standard input), creates a cluster owned by the postgres user in a temporary folder, starts it
# on 127.0.0.1 (port THREATLINE_PG_PORT, 54329 by default, or the next free one), and creates a
# role and a database for the tests. When PostGIS is installed it is enabled in that database
# (the store uses it only where present). Everything but the export line goes to stderr.
# `stop` stops the server that `start` started and removes its folder.
set -euo pipefail

# One state file per checkout: two checkouts testing at once each stop only their own server.
checkout_key="$(cd "$(dirname "$0")/.." && pwd -P | cksum | cut -d ' ' -f 1)"
state_file="${THREATLINE_PG_STATE:-${TMPDIR:-/tmp}/threatline-ci-postgres.$checkout_key.state}"
pg_user="threatline"
pg_password="threatline"
pg_database="threatline_test"

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
    # The server refuses to run as root: every server command runs as the postgres user.
    if [ "$(id -u)" = "0" ]; then
        if command -v runuser >/dev/null; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

server_bin() {
    # The newest installed server version's programs.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    fi
}

install_server() {
    if [ -n "$(server_bin)" ]; then
        return
    fi
    if [ "$(id -u)" != "0" ]; then
        log "no PostgreSQL server installed and not root: install the postgresql package"
        exit 1
    fi
    log "installing PostgreSQL from the Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt run may hold the dpkg lock: wait for it rather than fail.
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    if [ -f "$state_file" ]; then
        log "a server from an earlier start is still recorded in $state_file: stopping it"
        stop
    fi
    install_server
    local bin folder port
    bin="$(server_bin)"
    folder="$(mktemp -d "${TMPDIR:-/tmp}/threatline-pg.XXXXXX")"
    chmod 755 "$folder"
    if [ "$(id -u)" = "0" ]; then
        chown postgres: "$folder"
    fi
    port="${THREATLINE_PG_PORT:-54329}"
    while port_in_use "$port"; do
        port=$((port + 1))
    done
    printf 'folder=%q\nbin=%q\nport=%q\n' "$folder" "$bin" "$port" >"$state_file"

    log "creating a cluster in $folder with $bin"
    as_postgres "$bin/initdb" -D "$folder/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 ||
        { cat "$folder/initdb.log" >&2; exit 1; }
    log "starting the server on 127.0.0.1:$port"
    as_postgres "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=200" \
        start >&2 || { cat "$folder/server.log" >&2; exit 1; }

    local psql=("$bin/psql" -h "$folder" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
    as_postgres "${psql[@]}" -d postgres \
        -c "CREATE ROLE $pg_user LOGIN PASSWORD '$pg_password' CREATEDB" \
        -c "CREATE DATABASE $pg_database OWNER $pg_user" >&2
    if as_postgres "${psql[@]}" -d "$pg_database" -tAc \
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'" | grep -q 1; then
        log "enabling PostGIS"
        as_postgres "${psql[@]}" -d "$pg_database" -c "CREATE EXTENSION postgis" >&2
    else
        log "PostGIS is not installed: spatial queries use the portable fallback"
    fi
    echo "export THREATLINE_TEST_PG=postgresql+psycopg://$pg_user:$pg_password@127.0.0.1:$port/$pg_database"
}

stop() {
    if [ ! -f "$state_file" ]; then
        log "no server recorded in $state_file: nothing to stop"
        return
    fi
    local folder bin port
    # shellcheck disable=SC1090
    source "$state_file"
    if [ -d "$folder/data" ]; then
        as_postgres "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$folder" "$state_file"
    log "stopped the server on port $port and removed $folder"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 start|stop" >&2
        exit 2
        ;;
esac

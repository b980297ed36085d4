# Source this file (as root): starts a throwaway PostgreSQL server on 127.0.0.1, exports DATABASE_URL, and
# stops and removes it when the shell exits.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${PGPORT:-54329}
PGDATA=$(mktemp -d /tmp/valo-pg.XXXXXX)
chmod 755 "$PGDATA"
chown postgres:postgres "$PGDATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off -c max_connections=200" start >/dev/null
valo_pg_stop() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"; }
trap valo_pg_stop EXIT
runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAtc "CREATE DATABASE valo_test"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/valo_test"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $DATABASE_URL"

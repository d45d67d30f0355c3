# PostgreSQL and Redis for the tests that need them, on loopback, in a temporary directory, as
# CI (root, a fresh machine) runs: source it, then `start_services` exports TEST_DATABASE_URL and
# TEST_REDIS_URL, and `stop_services` stops both and removes their files. Debian's packages; the
# cluster is our own (initdb), not the package's, so nothing on the machine is changed.

services_dir=""

start_services() {
  if ! command -v redis-server >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server) >/dev/null 2>&1 \
      || { echo "::: could not install postgresql and redis-server"; return 1; }
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  services_dir=$(mktemp -d)
  chmod 755 "$services_dir"
  mkdir "$services_dir/pg"
  chown postgres "$services_dir/pg"
  local pg_port=55432 redis_port=56379
  runuser -u postgres -- "$bin/initdb" -D "$services_dir/pg/data" -A trust -U postgres >/dev/null \
    && runuser -u postgres -- "$bin/pg_ctl" -D "$services_dir/pg/data" -l "$services_dir/pg/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $services_dir/pg -c fsync=on" start >/dev/null \
    || { echo "::: could not start PostgreSQL"; cat "$services_dir/pg/log" 2>/dev/null; return 1; }
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$services_dir/redis.pid" --logfile "$services_dir/redis.log" >/dev/null \
    || { echo "::: could not start Redis"; return 1; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
  export TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
}

stop_services() {
  [ -n "$services_dir" ] || return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  runuser -u postgres -- "$bin/pg_ctl" -D "$services_dir/pg/data" -m fast -w stop >/dev/null 2>&1
  [ -f "$services_dir/redis.pid" ] && kill "$(cat "$services_dir/redis.pid")" 2>/dev/null
  rm -rf "$services_dir"
  services_dir=""
}

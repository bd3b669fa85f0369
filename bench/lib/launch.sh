# Helpers for bench parts 50 and 60, which run the app on its own embedded PostgreSQL (source it: `. bench/lib/launch.sh`). Not a part itself.
#
# app_start NAME PORT DATA_DIR DB_PORT [java options...]
#   starts the packaged app ($BENCH_JAR) with an embedded PostgreSQL whose data lives in DATA_DIR,
#   the demo on, admin password $BENCH_ADMIN_PASSWORD; output in $BENCH_OUT/NAME.log; sets APP_PID.
#   Extra environment (BEARING_LIMITS_*, ...) is passed through as exported by the caller.
# app_wait PORT [seconds]   waits for the first 200 of GET /login; prints the milliseconds waited
# app_login PORT            prints the session cookie (name=value) of the admin
# app_stop                  stops the app started last (SIGTERM, then waits; its PostgreSQL stops with it)

BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-admin-password-1}
BENCH_SESSION_KEY=${BENCH_SESSION_KEY:-bench-session-key-0123456789abcdef0123456789}

now_ms() { date +%s%3N; }

app_start() {
  local name=$1 port=$2 data=$3 dbport=$4; shift 4
  APP_T0=$(now_ms)
  env -u QUARKUS_DATASOURCE_JDBC_URL PORT="$port" BEARING_DATA_DIR="$data" BEARING_DB_PORT="$dbport" \
    BEARING_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" BEARING_SESSION_KEY="$BENCH_SESSION_KEY" BEARING_DEMO=true \
    BEARING_MAIL_MOCK=true BEARING_PUBLIC_URL="http://localhost:$port" \
    java "$@" -jar "$BENCH_JAR" >"$BENCH_OUT/$name.log" 2>&1 &
  APP_PID=$!
}

app_wait() {
  local port=$1 limit=${2:-180} deadline
  deadline=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/login")" = 200 ]; then
      echo $(( $(now_ms) - APP_T0 ))
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited before answering" >&2; return 1; }
    sleep 0.02
  done
  echo "no 200 from :$port/login within ${limit} s" >&2
  return 1
}

app_login() {
  local port=$1
  curl -s -o /dev/null -D - --max-time 30 -d "j_username=admin" --data-urlencode "j_password=$BENCH_ADMIN_PASSWORD" \
    "http://127.0.0.1:$port/j_security_check" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(bearing-session=[^;]*\).*/\1/p' | head -1
}

app_stop() {
  [ -n "${APP_PID:-}" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true # parts run with set -e: a process already gone is no failure
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# median of numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# row FIGURE VALUE PEER RATIO TARGET MET
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$BENCH_ROWS"; }

# wrk's latency line (e.g. "99%   12.34ms") in milliseconds
wrk_ms() {
  awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}

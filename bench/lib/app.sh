# Shared by bench parts (source it): start and stop the packaged Bearing against the bench
# database, make the bench's admin account, log in, and append result rows.
#
# Needs BENCH_JAR, BENCH_DB_URL (jdbc:postgresql://host:port/db, a database whose name contains
# "bench"), BENCH_OUT and BENCH_ROWS, as bench/run sets them (see bench/README.md).

: "${BENCH_JAR:?BENCH_JAR: path of target/quarkus-app/quarkus-run.jar}"
: "${BENCH_DB_URL:?BENCH_DB_URL: jdbc:postgresql://127.0.0.1:5432/<a database named *bench*>}"
: "${BENCH_OUT:?BENCH_OUT: a folder for detailed output}"
: "${BENCH_ROWS:?BENCH_ROWS: the TSV file rows are appended to}"
case "$BENCH_DB_URL" in *bench*) ;; *) echo "BENCH_DB_URL must name a database containing 'bench'" >&2; exit 2 ;; esac
mkdir -p "$BENCH_OUT"

# libpq URL of the bench database (psql, pgbench)
BENCH_PG_URL=$(printf '%s' "$BENCH_DB_URL" | sed -e 's#^jdbc:postgresql://#postgresql://postgres@#')
BENCH_ADMIN=bench-admin
BENCH_ADMIN_PASSWORD=bench-admin-password
# sessions work across instances that share it (README: BEARING_SESSION_KEY)
BENCH_SESSION_KEY=${BENCH_SESSION_KEY:-bench-session-key-0123456789abcdef0123456789}

bench_psql() { psql "$BENCH_PG_URL" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

# app_start NAME PORT [VAR=value ...]: starts the jar on PORT (its log in $BENCH_OUT/NAME.log,
# its pid in $BENCH_OUT/NAME.pid) and waits up to BENCH_START_TIMEOUT (600) s for readiness
# (a loaded 2-core machine took 330 s); extra settings as env.
app_start() {
  local name=$1 port=$2
  shift 2
  env QUARKUS_DATASOURCE_JDBC_URL="$BENCH_DB_URL" PORT="$port" BEARING_DEMO=false \
      BEARING_SESSION_KEY="$BENCH_SESSION_KEY" BEARING_MAIL_MOCK=true \
      BEARING_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$@" \
      java ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" >"$BENCH_OUT/$name.log" 2>&1 &
  echo $! >"$BENCH_OUT/$name.pid"
  local i
  local deadline=$(( $(date +%s) + ${BENCH_START_TIMEOUT:-600} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$(cat "$BENCH_OUT/$name.pid")" 2>/dev/null; then
      echo "$name did not start; see $BENCH_OUT/$name.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "$name not ready after ${BENCH_START_TIMEOUT:-600} s; see $BENCH_OUT/$name.log" >&2
  return 1
}

# app_stop NAME: stops the instance app_start started under NAME (its own pid only)
app_stop() {
  local pidfile="$BENCH_OUT/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# bench_admin: the bench's own admin account (bench-admin, password above), made or reset in the
# database directly, so a part can log in whoever created the first admin (bcrypt via pgcrypto)
bench_admin() {
  bench_psql <<SQL
create extension if not exists pgcrypto;
-- kept when it exists (assessments made through the pages name it as their owner)
update account set password_hash = crypt('$BENCH_ADMIN_PASSWORD', gen_salt('bf', 4)), role = 'ADMIN', enabled = true,
                   must_change_password = false, failed_logins = 0, locked_until = null
where lower(username) = '$BENCH_ADMIN';
insert into account (id, username, display_name, password_hash, role, created_at, password_changed_at)
select 999999, '$BENCH_ADMIN', 'Bench admin', crypt('$BENCH_ADMIN_PASSWORD', gen_salt('bf', 4)), 'ADMIN', now(), now()
where not exists (select 1 from account where lower(username) = '$BENCH_ADMIN');
SQL
}

# app_login PORT: logs the bench admin in through the login form; prints the cookie "name=value"
app_login() {
  curl -s -o /dev/null -D - -X POST "http://127.0.0.1:$1/j_security_check" \
      --data-urlencode "j_username=$BENCH_ADMIN" --data-urlencode "j_password=$BENCH_ADMIN_PASSWORD" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(bearing-session=[^;]*\).*/\1/p' | head -1
}

# row FIGURE VALUE PEER RATIO TARGET MET: appends one result row
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$BENCH_ROWS"; }

# pct P FILE: the P-th percentile (nearest rank) of the numbers in FILE, one per line
pct() { sort -g "$2" | awk -v p="$1" '{v[NR]=$1} END {if (NR == 0) {print "nan"; exit} i=int(p/100*NR+0.999999); if (i<1) i=1; if (i>NR) i=NR; printf "%.1f", v[i]}'; }

# le A B: whether A <= B (decimals)
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 <= b + 0)}'; }
yesno() { if "$@"; then echo yes; else echo no; fi; }

# bench_data: makes sure the database holds the dashboard data set (bench/generate-dashboard-data:
# 100,000 assessments, 300,000 respondents, about 10 million answers; BENCH_ASSESSMENTS changes
# the size); the schema must be migrated (start the app once first). Prints what it did.
bench_data() {
  local want=${BENCH_ASSESSMENTS:-100000} have
  have=$(bench_psql -c "select count(*) from assessment")
  if [ "$have" -ge "$want" ]; then
    echo "data set already loaded: $have assessments"
  else
    bench/generate-dashboard-data "$BENCH_PG_URL" "$want" >"$BENCH_OUT/generate-dashboard-data.log" 2>&1 \
      || { echo "bench/generate-dashboard-data failed; see $BENCH_OUT/generate-dashboard-data.log" >&2; return 1; }
    tail -1 "$BENCH_OUT/generate-dashboard-data.log"
  fi
}

# bench_consultant ID: gives the generated consultant account ID (1000001..1000050) the admin's
# bench password, so a part can log in as that consultant (prints the username)
bench_consultant() {
  bench_psql -c "update account set password_hash = crypt('$BENCH_ADMIN_PASSWORD', gen_salt('bf', 4)), locked_until = null, failed_logins = 0 where id = $1 returning username"
}

# app_login_as PORT USERNAME: as app_login, for another account with the bench password
app_login_as() {
  curl -s -o /dev/null -D - -X POST "http://127.0.0.1:$1/j_security_check" \
      --data-urlencode "j_username=$2" --data-urlencode "j_password=$BENCH_ADMIN_PASSWORD" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(bearing-session=[^;]*\).*/\1/p' | head -1
}

# time_get COOKIE URL N OUTFILE: N sequential GETs of URL on one connection (curl -K), the
# milliseconds of each (curl's time_total) to OUTFILE; fails when any answer is not 200
time_get() {
  local cookie=$1 url=$2 n=$3 out=$4 cfg
  cfg=$(mktemp)
  for _ in $(seq "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$cfg"
  curl -s -b "$cookie" -w '%{http_code} %{time_total}\n' -K "$cfg" >"$out.raw"
  rm -f "$cfg"
  if awk '$1 != 200 {bad=1} END {exit !bad}' "$out.raw"; then
    echo "$url answered $(awk '$1 != 200 {print $1; exit}' "$out.raw")" >&2
    return 1
  fi
  awk '{printf "%.2f\n", $2 * 1000}' "$out.raw" >"$out"
  rm -f "$out.raw"
}

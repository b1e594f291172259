#!/usr/bin/env bash
# HTTP benchmark of the 04-http-server reference server against three peers (the JDK's
# HttpServer on virtual threads, Jetty 12, Undertow 2.3), all in one run on this machine:
#   1. keep-alive:      wrk -t2 -c64 -d${DURATION}s  GET /index.html (about 1 KiB)
#   2. pipelined (16):  the same with pipeline.lua, 16 requests per write
#   3. idle:            10,000 kept-alive idle connections to the reference server, then
#                       its heap after a full GC and its RSS
# Prints a Markdown table and writes it to results.md beside this script.
#
# Environment: DURATION (s per measurement, default 10), ROUNDS (default 3; the median
# round is reported), WARMUP (s, default 5), CONNECTIONS (64),
# THREADS (2), PIPELINE_DEPTH (16), IDLE_CONNECTIONS (10000), SERVERS (default
# "reference jdk jetty undertow"), SKIP_BUILD=1 to use what is built already,
# SERVER_JAVA_OPTS (extra JVM options for every server), KEEP_WORK=1 to keep the
# temporary folder (logs, wrk output).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PIPELINE_DEPTH="${PIPELINE_DEPTH:-16}"
IDLE_CONNECTIONS="${IDLE_CONNECTIONS:-10000}"
SERVERS="${SERVERS:-reference jdk jetty undertow}"
HEAP_TARGET_MB=256
KEEPALIVE_TARGET=1.0
PIPELINED_TARGET=0.8
export PIPELINE_DEPTH

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

# ---------------------------------------------------------------- JDK 21+ and tools
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_java() {
  local candidates=() dir java major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] && candidates+=("$dir/bin/java")
  done
  for java in "${candidates[@]}"; do
    major="$(java_major "$java" || true)"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ -x "$(dirname "$java")/jcmd" ]; then
      echo "$java"
      return 0
    fi
  done
  return 1
}

JAVA="$(find_java)" || die "no JDK 21 or newer (with jcmd) found; install one or set JAVA_HOME"
JDK_BIN="$(dirname "$JAVA")"
JAVA_VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
JAVA_VENDOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vendor = //p')"
command -v wrk >/dev/null 2>&1 || die "wrk is not installed (apt-get install wrk)"

# Many sockets for the idle-connection test: raise the open-file limit as far as allowed
# (the hard limit caps it); the servers and the client started below inherit it.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NOFILE="$(ulimit -n)"

# Anything else running shares the two cores and lowers every number: note the load.
LOAD_BEFORE="$(cut -d ' ' -f 1 /proc/loadavg)"
if awk -v l="$LOAD_BEFORE" 'BEGIN { exit !(l > 1.0) }'; then
  say "warning: load average is $LOAD_BEFORE before the run; other work will disturb the numbers"
fi

# ---------------------------------------------------------------- build
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building 04-http-server (main classes)..."
  (cd "$ROOT" && ./mvnw -q -pl 04-http-server -am compile -Dcourse.validate.skip=true) >&2 \
    || die "building 04-http-server failed"
  say "building the peer servers..."
  (cd "$ROOT" && ./mvnw -q -f 04-http-server/bench/pom.xml package) >&2 \
    || die "building the bench project failed"
fi
REFERENCE_CP="$ROOT/04-http-server/target/classes"
PEERS_CP="$BENCH/target/classes:$BENCH/target/lib/*"
[ -f "$REFERENCE_CP/course/http/Main.class" ] || die "course.http.Main is not built (run without SKIP_BUILD)"
[ -d "$BENCH/target/lib" ] || die "the peers are not built (run without SKIP_BUILD)"

# ---------------------------------------------------------------- work folder, cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/http-bench.XXXXXX")"
SERVER_PID=""
CLIENT_PID=""
cleanup() {
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A static page of exactly 1024 bytes.
DOCROOT="$WORK/www"
mkdir -p "$DOCROOT"
{
  printf '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>bench</title></head>\n<body>\n'
  for i in 1 2 3 4 5 6 7 8 9 10; do
    printf '<p>Line %02d of the benchmark page: a kilobyte of plain HTML.</p>\n' "$i"
  done
  printf '</body>\n</html>\n'
} > "$DOCROOT/index.html.part"
PAD=$((1024 - $(wc -c < "$DOCROOT/index.html.part") - 8))
[ "$PAD" -ge 0 ] || die "the page template is longer than 1 KiB"
{ cat "$DOCROOT/index.html.part"; printf '<!--%*s-->\n' "$PAD" ''; } > "$DOCROOT/index.html"
rm "$DOCROOT/index.html.part"
PAGE_BYTES="$(wc -c < "$DOCROOT/index.html")"

# ---------------------------------------------------------------- servers
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port tries=0
  while [ "$tries" -lt 200 ]; do
    tries=$((tries + 1))
    port=$((20000 + RANDOM % 10000))   # below the ephemeral range the clients use
    if ! port_open "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

label() {
  case "$1" in
    reference) echo "reference (course.http.Main)" ;;
    jdk) echo "JDK HttpServer + virtual threads" ;;
    jetty) echo "Jetty 12" ;;
    undertow) echo "Undertow 2.3" ;;
  esac
}

# start_server NAME PORT [extra reference options...]: sets SERVER_PID, waits until it accepts.
start_server() {
  local name="$1" port="$2" cmd
  shift 2
  # shellcheck disable=SC2086  # SERVER_JAVA_OPTS is a list of options
  case "$name" in
    reference) cmd=("$JAVA" ${SERVER_JAVA_OPTS:-} -cp "$REFERENCE_CP" course.http.Main
                    --port "$port" --root "$DOCROOT" --access-log /dev/null "$@") ;;
    jdk)       cmd=("$JAVA" ${SERVER_JAVA_OPTS:-} -cp "$PEERS_CP" bench.JdkPeer --port "$port" --root "$DOCROOT") ;;
    jetty)     cmd=("$JAVA" ${SERVER_JAVA_OPTS:-} -cp "$PEERS_CP" bench.JettyPeer --port "$port" --root "$DOCROOT") ;;
    undertow)  cmd=("$JAVA" ${SERVER_JAVA_OPTS:-} -cp "$PEERS_CP" bench.UndertowPeer --port "$port" --root "$DOCROOT") ;;
    *) die "unknown server $name (known: reference jdk jetty undertow)" ;;
  esac
  "${cmd[@]}" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 1 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$WORK/$name.log" >&2
      die "$name exited during startup"
    fi
    if port_open "$port"; then
      return 0
    fi
    sleep 0.1
  done
  die "$name did not accept connections on port $port within 30 s"
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# run_wrk OUTFILE URL [wrk options...]: prints requests per second.
run_wrk() {
  local out="$1" url="$2"
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" "$@" "$url" > "$out" 2>&1 || true
  local rps
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$out")"
  echo "${rps:-0}"
}

# Problems wrk saw (socket errors, non-2xx answers), as a short note.
wrk_problems() {
  local notes=""
  if grep -q '^ *Socket errors' "$1"; then
    notes="$(sed -n 's/^ *Socket errors: *//p' "$1")"
  fi
  if grep -q 'Non-2xx' "$1"; then
    notes="${notes:+$notes; }$(sed -n 's/^ *Non-2xx or 3xx responses: */non-2xx: /p' "$1")"
  fi
  echo "$notes"
}

# All servers run side by side (an idle server costs nothing) and are measured in turns:
# ROUNDS rounds, each in a different order, so a disturbance from outside (another
# process on the two cores) hits every server alike. The table reports each server's
# median round; the server's own CPU time per request (user + system, from
# /proc/PID/stat) is reported too, as it is less sensitive to such disturbances.
declare -A KEEPALIVE PIPELINED NOTES CPU_US PORT PID ROUND_LOG
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
requests_of() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$1"; }

for name in $SERVERS; do
  port="$(free_port)" || die "no free port found"
  url="http://127.0.0.1:$port/index.html"
  say "$(label "$name"): starting on port $port"
  start_server "$name" "$port"
  PORT[$name]="$port"
  PID[$name]="$SERVER_PID"
  SERVER_PID=""
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"
  [ "$code" = 200 ] || die "$(label "$name") answered $code for $url"
  say "$(label "$name"): warm-up ${WARMUP}s"
  run_wrk "$WORK/wrk-$name-warmup.txt" "$url" -d"${WARMUP}s" > /dev/null
  run_wrk "$WORK/wrk-$name-warmup-pipelined.txt" "$url" -d"${WARMUP}s" -s "$BENCH/pipeline.lua" > /dev/null
done

read -r -a ORDER <<< "$SERVERS"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    url="http://127.0.0.1:${PORT[$name]}/index.html"
    ticks_before="$(cpu_ticks "${PID[$name]}")"
    ka="$(run_wrk "$WORK/wrk-$name-keepalive-$round.txt" "$url" -d"${DURATION}s")"
    ticks="$(( $(cpu_ticks "${PID[$name]}") - ticks_before ))"
    requests="$(requests_of "$WORK/wrk-$name-keepalive-$round.txt")"
    cpu="$(awk -v t="$ticks" -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { if (n > 0) printf "%.1f", t * 1000000 / hz / n; else print 0 }')"
    pl="$(run_wrk "$WORK/wrk-$name-pipelined-$round.txt" "$url" -d"${DURATION}s" -s "$BENCH/pipeline.lua")"
    KEEPALIVE[$name]="${KEEPALIVE[$name]:-} $ka"
    PIPELINED[$name]="${PIPELINED[$name]:-} $pl"
    CPU_US[$name]="${CPU_US[$name]:-} $cpu"
    ROUND_LOG[$name]="${ROUND_LOG[$name]:-}${ROUND_LOG[$name]:+, }$(printf '%.0f' "$ka")"
    say "round $round/$ROUNDS $(label "$name"): keep-alive $ka req/s (server CPU $cpu µs/request), pipelined $pl req/s"
    for kind in keepalive pipelined; do
      p="$(wrk_problems "$WORK/wrk-$name-$kind-$round.txt")"
      if [ -n "$p" ]; then
        NOTES[$name]="${NOTES[$name]:-}${NOTES[$name]:+; }round $round $kind: $p"
      fi
    done
  done
  ORDER=("${ORDER[@]:1}" "${ORDER[0]}")   # the next round starts with the next server
done
for name in $SERVERS; do
  KEEPALIVE[$name]="$(echo "${KEEPALIVE[$name]}" | median)"
  PIPELINED[$name]="$(echo "${PIPELINED[$name]}" | median)"
  CPU_US[$name]="$(echo "${CPU_US[$name]}" | median)"
  SERVER_PID="${PID[$name]}"
  stop_server
done

# ---------------------------------------------------------------- idle connections
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# Heap in use (KiB) after a full GC, from jcmd GC.heap_info (jstat -gc when that fails).
heap_used_kb() {
  local pid="$1" kb
  "$JDK_BIN/jcmd" "$pid" GC.run > /dev/null
  kb="$("$JDK_BIN/jcmd" "$pid" GC.heap_info | sed -n 's/.* heap .*used \([0-9]*\)K.*/\1/p' | head -n 1)"
  if [ -z "$kb" ]; then
    kb="$("$JDK_BIN/jstat" -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
      NR == 2 { printf "%d", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }')"
  fi
  echo "$kb"
}
rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }

IDLE_LINE=""
IDLE_DETAILS=""
IDLE_HEAP_MB=""
if [[ " $SERVERS " == *" reference "* ]] && [ "$IDLE_CONNECTIONS" -gt 0 ]; then
  port="$(free_port)" || die "no free port found"
  say "reference: $IDLE_CONNECTIONS idle keep-alive connections (open-file limit $NOFILE)"
  start_server reference "$port" --idle-timeout-ms 600000
  curl -s -o /dev/null "http://127.0.0.1:$port/index.html"
  base_heap="$(heap_used_kb "$SERVER_PID")"
  base_rss="$(rss_kb "$SERVER_PID")"

  mkfifo "$WORK/idle.in"
  "$JAVA" "$BENCH/IdleConnections.java" 127.0.0.1 "$port" "$IDLE_CONNECTIONS" 300 \
    < "$WORK/idle.in" > "$WORK/idle.out" 2>&1 &
  CLIENT_PID=$!
  exec 7> "$WORK/idle.in"
  ready=""
  for i in $(seq 1 1800); do
    if grep -q '^READY' "$WORK/idle.out"; then ready=1; break; fi
    kill -0 "$CLIENT_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$ready" ] || { cat "$WORK/idle.out" >&2; die "the idle-connection client did not get ready"; }
  opened="$(sed -n 's/^READY opened=\([0-9]*\).*/\1/p' "$WORK/idle.out")"
  sleep 2   # let the server settle: every connection is parked in its read
  heap="$(heap_used_kb "$SERVER_PID")"
  rss="$(rss_kb "$SERVER_PID")"
  "$JDK_BIN/jcmd" "$SERVER_PID" GC.class_histogram > "$WORK/idle-histogram.txt" 2>&1 || true
  echo verify >&7
  for i in $(seq 1 1200); do
    grep -q '^VERIFIED' "$WORK/idle.out" && break
    kill -0 "$CLIENT_PID" 2>/dev/null || break
    sleep 0.1
  done
  exec 7>&-
  wait "$CLIENT_PID" 2>/dev/null || true
  CLIENT_PID=""
  verified="$(sed -n 's/^VERIFIED answered=\([0-9]*\).*/\1/p' "$WORK/idle.out")"
  stop_server

  IDLE_HEAP_MB="$(mb "$heap")"
  IDLE_LINE="$(thousands "$opened") idle keep-alive connections: heap used $IDLE_HEAP_MB MB, RSS $(mb "$rss") MB"
  per_conn="$(awk -v h="$heap" -v b="$base_heap" -v n="$opened" 'BEGIN { if (n > 0) printf "%.1f", (h - b) / n; else print "n/a" }')"
  IDLE_DETAILS="- before the connections: heap used $(mb "$base_heap") MB, RSS $(mb "$base_rss") MB
- heap per idle connection: about $per_conn KiB
- connections opened: $opened of $IDLE_CONNECTIONS; still answered after the measurement: ${verified:-?}
- largest heap users with the connections open (jcmd GC.class_histogram):

\`\`\`
$(sed -n '2,14p' "$WORK/idle-histogram.txt")
\`\`\`"
  if [ "$opened" != "$IDLE_CONNECTIONS" ]; then
    IDLE_DETAILS="$IDLE_DETAILS
- client: $(grep -m1 'first failure' "$WORK/idle.out" || echo 'see its output')"
  fi
fi

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
fmt() { awk -v x="$1" 'BEGIN { printf "%.0f", x }' | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "n/a") print "n/a"; else if (r + 0 >= t + 0) print "met"; else print "MISSED" }'; }

REF_KA="${KEEPALIVE[reference]:-0}"
REF_PL="${PIPELINED[reference]:-0}"
TABLE="| Server | Keep-alive req/s | Pipelined ×${PIPELINE_DEPTH} req/s | Reference / peer, keep-alive | Reference / peer, pipelined | Server CPU µs / request (keep-alive) | Keep-alive req/s per round |
| --- | ---: | ---: | ---: | ---: | ---: | --- |"
fastest=""
fastest_rps=0
for name in $SERVERS; do
  if [ "$name" = reference ]; then
    TABLE="$TABLE
| $(label "$name") | $(fmt "${KEEPALIVE[$name]}") | $(fmt "${PIPELINED[$name]}") | – | – | ${CPU_US[$name]} | ${ROUND_LOG[$name]} |"
  else
    TABLE="$TABLE
| $(label "$name") | $(fmt "${KEEPALIVE[$name]}") | $(fmt "${PIPELINED[$name]}") | $(ratio "$REF_KA" "${KEEPALIVE[$name]}") | $(ratio "$REF_PL" "${PIPELINED[$name]}") | ${CPU_US[$name]} | ${ROUND_LOG[$name]} |"
    if awk -v a="${KEEPALIVE[$name]}" -v b="$fastest_rps" 'BEGIN { exit !(a > b) }'; then
      fastest="$name"
      fastest_rps="${KEEPALIVE[$name]}"
    fi
  fi
done

TARGETS=""
if [ "$REF_KA" != 0 ] && [ -n "$fastest" ]; then
  r="$(ratio "$REF_KA" "$fastest_rps")"
  TARGETS="$TARGETS
- keep-alive: reference / fastest peer ($(label "$fastest")) = $r, target ≥ $KEEPALIVE_TARGET: **$(verdict "$r" "$KEEPALIVE_TARGET")** (server CPU per request: reference ${CPU_US[reference]} µs, $(label "$fastest") ${CPU_US[$fastest]} µs)"
fi
if [ "$REF_PL" != 0 ] && [ -n "${PIPELINED[undertow]:-}" ]; then
  r="$(ratio "$REF_PL" "${PIPELINED[undertow]}")"
  TARGETS="$TARGETS
- pipelined: reference / Undertow = $r, target ≥ $PIPELINED_TARGET: **$(verdict "$r" "$PIPELINED_TARGET")**"
fi
if [ -n "$IDLE_HEAP_MB" ]; then
  ok="$(awk -v h="$IDLE_HEAP_MB" -v t="$HEAP_TARGET_MB" 'BEGIN { print (h < t) ? "met" : "MISSED" }')"
  TARGETS="$TARGETS
- idle connections: heap used $IDLE_HEAP_MB MB with $(thousands "$opened") connections, target < $HEAP_TARGET_MB MB: **$ok**"
fi

NOTE_LINES=""
for name in $SERVERS; do
  if [ -n "${NOTES[$name]:-}" ]; then
    NOTE_LINES="$NOTE_LINES
- $(label "$name"): ${NOTES[$name]}"
  fi
done

CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
WRK_VERSION="$( (wrk --version 2>&1 || true) | head -n 1 | awk '{ print $1, $2 }')"
MEM_GIB="$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
REPORT="# 04-http-server benchmark: latest results

- date: $(date -u '+%Y-%m-%d %H:%M UTC')
- machine: $(nproc) cores (${CPU_MODEL:-unknown CPU}), ${MEM_GIB} GiB; wrk and the server share the cores; load average before the run: $LOAD_BEFORE
- JDK: $JAVA_VENDOR $JAVA_VERSION ($JAVA), server options: ${SERVER_JAVA_OPTS:-JVM defaults}
- load: $WRK_VERSION, -t$THREADS -c$CONNECTIONS, ${DURATION} s per measurement after a ${WARMUP} s warm-up, all servers running side by side and measured in turns over $ROUNDS rounds (each round in a different order; the median round is shown); GET /index.html ($PAGE_BYTES bytes); pipelined = $PIPELINE_DEPTH requests per write (pipeline.lua)
- reference server started with --access-log /dev/null

$TABLE
${NOTE_LINES:+
wrk reported problems:$NOTE_LINES
}
## Targets
$TARGETS
${IDLE_LINE:+
## Idle connections

$IDLE_LINE

$IDLE_DETAILS
}"

echo
echo "$TABLE"
echo
if [ -n "$IDLE_LINE" ]; then
  echo "$IDLE_LINE"
  echo
fi
echo "Targets:$TARGETS"
printf '%s\n' "$REPORT" > "$BENCH/results.md"
mkdir -p "$BENCH/target/last-run"
cp "$WORK"/wrk-*.txt "$WORK"/*.log "$BENCH/target/last-run/" 2>/dev/null || true
if [ -f "$WORK/idle.out" ]; then
  cp "$WORK/idle.out" "$WORK/idle-histogram.txt" "$BENCH/target/last-run/" 2>/dev/null || true
fi
say "wrote $BENCH/results.md (raw output in $BENCH/target/last-run/)"

# Scenario 5 of bench/run, sourced by it (it stops and starts Accord for the index rebuild): a year of cases and
# documents generated into PostgreSQL, then the director's monthly dashboard, a search p95 and a full rebuild of
# the search index. The review and search modules arrived after this harness: a measure whose endpoint answers
# 404, or whose jar has no rebuild command, is recorded as skipped with the reason.

# Where the measured pages are (the review and search modules' pages, docs/benchmarks.md): the director's
# dashboard for last month, which office staff open, and the search page.
DIRECTOR_PATH=${BENCH_DIRECTOR_PATH:-/review/director?period=LAST_MONTH}
DIRECTOR_USER=${BENCH_DIRECTOR_USER:-huanghaitao}
SEARCH_PATH=${BENCH_SEARCH_PATH:-/search}
# The other cuts the director picks on the same page, each timed like the monthly one: the other groupings of last
# month, this month and this week, a whole year (the longest a custom period usually spans) and the first page of
# items behind one figure. "label|path" per line; an empty BENCH_DIRECTOR_MORE times only the monthly dashboard.
DIRECTOR_MORE=${BENCH_DIRECTOR_MORE-"last month by category|/review/director?period=LAST_MONTH&by=CATEGORY
last month by district|/review/director?period=LAST_MONTH&by=DISTRICT
last month by person|/review/director?period=LAST_MONTH&by=PERSON
this month|/review/director?period=THIS_MONTH
this week|/review/director?period=THIS_WEEK
the last 12 months|/review/director?period=CUSTOM&from=$(date -d '365 days ago' +%F)&to=$(date +%F)
items behind last month's on-time signing|/review/items?figure=cases.ON_TIME_SIGN&period=LAST_MONTH"}
# The search rebuild and search p95 at the full volume (2,200,000 items) are beyond the search target, which is set
# at the default volume's 500,000 items, and the rebuild alone would take hours there (docs/benchmarks.md, §5):
# --full leaves them out unless BENCH_VOLUME_SEARCH=yes.

volume_row() { # measure run value unit note
  echo "$1,$2,$3,$4,${5//,/;}" >>"$OUT/volume.csv"
}

seconds_since() { # start-ns
  echo "scale=3; ($(date +%s%N) - $1) / 1000000000" | bc
}

scenario_volume() {
  begin_scenario volume
  echo "measure,run,value,unit,note" >"$OUT/volume.csv"
  local cases documents
  case "$volume" in
    small) cases=20000; documents=2000 ;;
    full) cases=2000000; documents=200000 ;;
    *) cases=450000; documents=50000 ;;
  esac
  meta volume cases "$cases"
  meta volume documents "$documents"

  local t0
  t0=$(date +%s%N)
  psql_accord -v cases="$cases" -v documents="$documents" -f bench/sql/volume.sql >"$OUT/raw/volume-generate.txt"
  volume_row "generate $cases cases and $documents documents" 1 "$(seconds_since "$t0")" s "bench/sql/volume.sql"
  t0=$(date +%s%N)
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d accord -c "VACUUM ANALYZE"
  volume_row "VACUUM ANALYZE after generating" 1 "$(seconds_since "$t0")" s ""
  meta volume database_size "$(psql_accord -At -c "SELECT pg_size_pretty(pg_database_size('accord'))")"

  local search=${BENCH_VOLUME_SEARCH:-}
  [ -n "$search" ] || { [ "$volume" = full ] && search=no || search=yes; }
  if [ "$search" = yes ]; then
    volume_rebuild
  else
    volume_row "search index: full rebuild" 0 "" s "skipped at volume $volume: the search target is set at 500 000 items (BENCH_VOLUME_SEARCH=yes runs it)"
  fi
  volume_director
  if [ "$search" = yes ]; then
    volume_search
  else
    volume_row "search p95" 0 "" ms "skipped at volume $volume: the search target is set at 500 000 items (BENCH_VOLUME_SEARCH=yes runs it)"
  fi
}

# The full rebuild, with Accord stopped as the command asks; it also makes the generated rows searchable.
volume_rebuild() {
  local jar=$JAR
  # grep reads the whole listing (no -q): under pipefail an early exit would fail the pipeline on SIGPIPE.
  if ! unzip -Z1 "$jar" | grep 'org/accord/search/SearchRebuildCommand.class' >/dev/null; then
    volume_row "search index: full rebuild" 1 "" s "skipped: this jar has no search rebuild command (module search not merged)"
    return
  fi
  stop_app
  local run t0 status
  for run in $(seq 1 "${BENCH_REBUILD_RUNS:-1}"); do
    t0=$(date +%s%N)
    status=0
    (cd "$OUT/app" && java -jar "$jar" --accord.search.rebuild \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/accord" \
      --spring.datasource.username=accord --spring.datasource.password= >"$OUT/raw/volume-rebuild-run$run.txt" 2>&1) \
      || status=$?
    if [ "$status" = 0 ]; then
      volume_row "search index: full rebuild" "$run" "$(seconds_since "$t0")" s \
        "$(grep -a '^Done' "$OUT/raw/volume-rebuild-run$run.txt" | tail -n 1)"
    else
      volume_row "search index: full rebuild" "$run" "" s "failed with status $status: see raw/volume-rebuild-run$run.txt"
    fi
  done
  start_app
}

volume_director() {
  local cookie
  volume_rolled_up
  cookie=$(sign_in "$DIRECTOR_USER")
  volume_page "director's monthly dashboard" "$DIRECTOR_PATH" "$cookie"
  local line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    volume_page "director's dashboard: ${line%%|*}" "${line#*|}" "$cookie"
  done <<<"$DIRECTOR_MORE"
}

# The dashboards read past days' case figures from the cases module's daily roll-up, which its task (every minute)
# makes for the days the generator wrote: waited for, and how long it took recorded, so that the dashboard is timed
# as it runs once Accord has caught up. Days without a current roll-up would be counted from the cases, as before.
volume_rolled_up() {
  local t0 expected rolled
  t0=$(date +%s%N)
  expected=$(psql_accord -At -c "SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date - 2
      - (min(created_at) AT TIME ZONE 'Asia/Shanghai')::date + 1 FROM hotline_case")
  for _ in $(seq 1 900); do
    rolled=$(psql_accord -At -c "SELECT count(*) FROM case_figure_day_state WHERE rolled_up" 2>/dev/null || echo 0)
    [ "${rolled:-0}" -ge "${expected:-0}" ] && break
    sleep 1
  done
  volume_row "case figures rolled up by day after generating" 1 "$(seconds_since "$t0")" s \
    "$rolled of $expected days; includes waiting for the task's next run (every minute)"
}

# One page timed $runs times, one request at a time, after one untimed request (which also checks it answers).
volume_page() { # measure path cookie
  local status run
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $3" "$BASE$2")
  if [ "$status" != 200 ]; then
    volume_row "$1" 0 "" ms "skipped: GET $2 answered $status"
    return
  fi
  for run in $(seq 1 "$runs"); do
    volume_row "$1" "$run" \
      "$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $3" "$BASE$2" | awk '{ print $1 * 1000 }')" \
      ms "GET $2 as $DIRECTOR_USER, one request at a time"
  done
}

volume_search() {
  local cookies="" i status run
  for i in 0 1 2 3 4 5; do
    cookies="$cookies${cookies:+|}$(sign_in "${STAFF[$i]}")"
  done
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookies%%|*}" "$BASE$SEARCH_PATH?q=%E5%99%AA%E9%9F%B3")
  if [ "$status" != 200 ]; then
    volume_row "search p95" 0 "" ms "skipped: GET $SEARCH_PATH?q=… answered $status"
    return
  fi
  export BENCH_COOKIES=$cookies BENCH_PATH=$SEARCH_PATH
  CSV=raw/volume-search.csv
  echo "scenario,run,requests,seconds,throughput,p50_ms,p95_ms,p99_ms,errors" >"$OUT/$CSV"
  warm_up search bench/wrk/search.lua "$SEARCH_PATH" "$PAGE_USERS"
  for run in $(seq 1 "$runs"); do
    wrk_run search "$run" bench/wrk/search.lua "$SEARCH_PATH" "$PAGE_USERS"
  done
  # The target is a search's own time: the same words one request at a time (one user), beside the 50 above.
  for run in $(seq 1 "$runs"); do
    wrk_run search-one "$run" bench/wrk/search.lua "$SEARCH_PATH" 1
  done
  local items
  items=$(psql_accord -At -c "SELECT (SELECT count(*) FROM hotline_case) + (SELECT count(*) FROM document)")
  tail -n +2 "$OUT/$CSV" | while IFS=, read -r name run requests _ throughput _ p95 _ errors; do
    if [ "$name" = search-one ]; then
      volume_row "search p95 (one user at a time)" "$run" "$p95" ms "1 connection; $requests requests; $throughput/s; $errors errors; ~$items cases and documents"
    else
      volume_row "search p95" "$run" "$p95" ms "$PAGE_USERS connections; $requests requests; $throughput/s; $errors errors; ~$items cases and documents"
    fi
  done
}

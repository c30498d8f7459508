#!/usr/bin/env bash
# Quiver against PostgreSQL + pgvector through pgjdbc with shared/bench's PgAnnBench: the same data, queries
# and client, one server after the other, in one run (on a shared machine compare the ratios, not the figures).
#   side-by-side.sh QUIVER_PORT PGVECTOR_PORT [100k|1m] [PGVECTOR_DATABASE] [hnsw|exact|both]
# HNSW: build (m=16, ef_construction=64, timed) then an ef_search sweep for recall@10 ~0.90/0.95/0.99, one and
# two clients. Exact: SET enable_indexscan = off (pgvector: a sequential scan and top-N sort). Results are
# appended to /tmp/quiver-bench-data/side-by-side-SIZE.md.
set -euo pipefail
shared=${SHARED_BENCH:-/work/shared/bench}   # PgAnnBench.java, gen_data.py, fetch-jdbc.sh
qport=${1:?usage: side-by-side.sh QUIVER_PORT PGVECTOR_PORT [SIZE] [PGVECTOR_DATABASE] [hnsw|exact|both]}
pport=${2:?PGVECTOR_PORT}; size=${3:-100k}; pdb=${4:-postgres}; what=${5:-both}
data=/tmp/quiver-bench-data/clustered-$size
[ -f "$data/gt.ivecs" ] || /usr/bin/python3 "$shared/gen_data.py" --n "$([ "$size" = 1m ] && echo 1000000 || echo 100000)" --out "$data"
jar=$("$shared/fetch-jdbc.sh")
java=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1); java=${java:+$java/bin/}java
out=/tmp/quiver-bench-data/side-by-side-$size.md
run() {  # name port db extra-args...
  local name=$1 port=$2 db=$3; shift 3
  "$java" -cp "$jar" "$shared/PgAnnBench.java" --host 127.0.0.1 --port "$port" --db "$db" --table "items_$size" \
    --base "$data/base.fvecs" --query "$data/query.fvecs" --gt "$data/gt.ivecs" --load if-missing \
    --index-name "items_${size}_hnsw" --label "$name $size" --md-out "$out" "$@"
}
for target in "quiver:$qport:postgres" "pgvector:$pport:$pdb"; do
  IFS=: read -r name port db <<< "$target"
  if [ "$what" != exact ]; then
    run "$name hnsw" "$port" "$db" \
      --index-ddl "CREATE INDEX %i ON %t USING hnsw (embedding vector_l2_ops) WITH (m = 16, ef_construction = 64)" \
      --sweep-sql "SET hnsw.ef_search = %v" --sweep-values 10,20,40,80,160,320 --clients 1,2 --repeats 3
  fi
  if [ "$what" != hnsw ]; then
    run "$name exact" "$port" "$db" --keep-existing-index --pre-sql "SET enable_indexscan = off" \
      --max-queries "$([ "$size" = 1m ] && echo 50 || echo 200)" --warmup 5 --clients 1,2 --repeats 3
  fi
done

#!/usr/bin/env bash
# pgvector's binary-quantization-with-re-ranking setup, on Quiver and on PostgreSQL + pgvector, through shared/bench's
# PgAnnBench with the same data, queries and pgjdbc client:
#   CREATE INDEX ... USING hnsw ((binary_quantize(embedding)::bit(128)) bit_hamming_ops)
#   SELECT id FROM (SELECT id, embedding FROM t ORDER BY binary_quantize(embedding)::bit(128) <~> binary_quantize(?)
#                   LIMIT CANDIDATES) c ORDER BY embedding <-> ? LIMIT 10
# The query names the vector twice; PgAnnBench binds one parameter, so it runs from a copy that binds the vector to
# every parameter of the statement (the only change).
#   rerank-side-by-side.sh QUIVER_PORT PGVECTOR_PORT DATA_DIR [CANDIDATES] [PGVECTOR_DATABASE]
# DATA_DIR holds base.fvecs, query.fvecs, gt.ivecs (shared/bench/gen_data.py, or io.quiver.bench.DataSetWriter).
set -euo pipefail
shared=${SHARED_BENCH:-/work/shared/bench}
qport=${1:?usage: rerank-side-by-side.sh QUIVER_PORT PGVECTOR_PORT DATA_DIR [CANDIDATES] [PGVECTOR_DATABASE]}
pport=${2:?PGVECTOR_PORT}; data=${3:?DATA_DIR}; candidates=${4:-40}; pdb=${5:-postgres}
jar=$("$shared/fetch-jdbc.sh")
java=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1); java=${java:+$java/bin/}java
client=$(mktemp -d)/PgAnnBench.java
sed 's/^        bindVector(ps, 1, vec, o);$/        for (int p = 1; p <= ps.getParameterMetaData().getParameterCount(); p++) bindVector(ps, p, vec, o);/' \
  "$shared/PgAnnBench.java" > "$client"
grep -q 'getParameterCount()' "$client" || { echo "rerank-side-by-side.sh: PgAnnBench changed; cannot patch it" >&2; exit 1; }
for target in "quiver:$qport:quiver" "pgvector:$pport:$pdb"; do
  IFS=: read -r name port db <<< "$target"
  "$java" -cp "$jar" "$client" --host 127.0.0.1 --port "$port" --db "$db" --table items_rerank \
    --base "$data/base.fvecs" --query "$data/query.fvecs" --gt "$data/gt.ivecs" --load if-missing \
    --index-name items_rerank_bq --label "$name bq re-rank $candidates" --md-out /tmp/rerank-side-by-side.md \
    --index-ddl "CREATE INDEX %i ON %t USING hnsw ((binary_quantize(embedding)::bit(128)) bit_hamming_ops) WITH (m = 16, ef_construction = 64)" \
    --query-sql "SELECT id FROM (SELECT id, embedding FROM %t ORDER BY binary_quantize(embedding)::bit(128) <~> binary_quantize(?::vector) LIMIT $candidates) c ORDER BY embedding <-> ?::vector LIMIT %k" \
    --sweep-sql "SET hnsw.ef_search = %v" --sweep-values 40,80 --clients 1 --repeats 2 --max-queries 500 --explain
done

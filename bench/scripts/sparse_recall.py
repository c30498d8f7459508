#!/usr/bin/python3
"""Recall@10 of an HNSW sparsevec index through psql, for Quiver and pgvector side by side.

Loads 8,000 topic-clustered sparsevec(30000) rows (40 topics of 40 elements; each row a topic with a third of
its elements moved by N(0,1) and 5 random elements added) into table docs, builds hnsw indexes with
sparsevec_l2_ops, sparsevec_cosine_ops and sparsevec_l1_ops, and counts, over 50 queries drawn the same way, the index plan's rows
no farther than the exact plan's 10th (rows of a topic nearly tie, so this is the meaningful recall).

Usage: /usr/bin/python3 bench/scripts/sparse_recall.py --port 5433 [--db quiver] [--ef-search 40]
Needs psql on PATH; drops and recreates docs.
"""
import argparse, random, subprocess, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--port", required=True)
ap.add_argument("--db", default="postgres")
ap.add_argument("--ef-search", type=int, default=40)
a = ap.parse_args()

DIMS = 30000
rng = random.Random(5)
topics = []
for _ in range(40):
    topic = {}
    while len(topic) < 40:
        topic[rng.randrange(DIMS)] = rng.gauss(0, 1) + 0.1
    topics.append(topic)


def near():
    row = dict(rng.choice(topics))
    for index in list(row):
        if rng.randrange(3) == 0:
            row[index] += rng.gauss(0, 1)
    for _ in range(5):
        row[rng.randrange(DIMS)] = rng.gauss(0, 1) + 0.1
    return "{" + ",".join("%d:%.6g" % (i + 1, v) for i, v in sorted(row.items())) + "}/%d" % DIMS


def psql(script):
    done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", a.port, "-U", "postgres", "-d", a.db, "-XAtq",
                           "-v", "ON_ERROR_STOP=1"], input=script, capture_output=True, text=True, check=True)
    return done.stdout


with tempfile.NamedTemporaryFile("w", suffix=".tsv") as rows:
    for i in range(8000):
        rows.write("%d\t%s\n" % (i, near()))
    rows.flush()
    psql("DROP TABLE IF EXISTS docs;\nCREATE TABLE docs (id int PRIMARY KEY, v sparsevec(%d));\n"
         "\\copy docs FROM '%s'\nCREATE INDEX ON docs USING hnsw (v sparsevec_l2_ops);\n"
         "CREATE INDEX ON docs USING hnsw (v sparsevec_cosine_ops);\n"
         "CREATE INDEX ON docs USING hnsw (v sparsevec_l1_ops);\n" % (DIMS, rows.name))
queries = [near() for _ in range(50)]
for operator in ("<->", "<=>", "<+>"):
    script = ["SET hnsw.ef_search = %d;" % a.ef_search]
    for q in queries:
        knn = "SELECT v %s '%s' FROM docs ORDER BY v %s '%s' LIMIT 10;" % (operator, q, operator, q)
        script.append("SET enable_indexscan = on; " + knn + " SET enable_indexscan = off; " + knn)
    distances = [float(x) for x in psql("\n".join(script)).split()]
    found = 0
    for i in range(len(queries)):
        approximate, exact = distances[20 * i:20 * i + 10], distances[20 * i + 10:20 * i + 20]
        found += sum(1 for d in approximate if d <= exact[9] + 1e-6 * abs(exact[9]))
    print("port %s %s recall@10 %.3f" % (a.port, operator, found / (10.0 * len(queries))))

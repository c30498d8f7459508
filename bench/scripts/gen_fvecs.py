#!/usr/bin/python3
"""Writes base.fvecs and query.fvecs of shared/bench/gen_data.py's clustered 128-d data set, without its
faiss ground truth (IndexBenchmark computes the exact ground truth itself with ExactScan).

Usage: /usr/bin/python3 bench/scripts/gen_fvecs.py --n 100000 [--nq 1000] --out DIR [--gen-data PATH]
Needs numpy only (Debian: apt-get install python3-numpy); the vectors are gen_data.py's, bit for bit
on the same numpy + reference BLAS/LAPACK build.
"""
import argparse, importlib.util, os, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=100_000)
ap.add_argument("--nq", type=int, default=1000)
ap.add_argument("--out", required=True)
here = os.path.dirname(os.path.abspath(__file__))
ap.add_argument("--gen-data", default=os.path.join(here, "..", "..", "..", "shared", "bench", "gen_data.py"))
a = ap.parse_args()

if os.environ.get("LD_LIBRARY_PATH") or os.environ.get("LD_PRELOAD"):   # as gen_data.py: reference BLAS
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "LD_PRELOAD")}
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

spec = importlib.util.spec_from_file_location("gen_data", a.gen_data)
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
np = g.np
os.makedirs(a.out, exist_ok=True)
t0 = time.time()
centers, sigma, rots = g.model()
brng = np.random.default_rng(g.SEED + 2)
parts, left = [], a.n
while left > 0:
    m = min(g.CHUNK, left)
    parts.append(g.sample(brng, m, centers, sigma, rots))
    left -= m
base = np.concatenate(parts)
del parts
queries = g.sample(np.random.default_rng(g.SEED + 1), a.nq, centers, sigma, rots)
g.write_vecs(os.path.join(a.out, "base.fvecs"), base, np.float32)
g.write_vecs(os.path.join(a.out, "query.fvecs"), queries, np.float32)
print("generated %d base + %d queries in %.1fs -> %s" % (a.n, a.nq, time.time() - t0, a.out), flush=True)

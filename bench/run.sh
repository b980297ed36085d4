#!/usr/bin/env bash
# Benchmarks on PGlite and on a throwaway PostgreSQL server (needs root and Debian's postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${BENCH_PGPORT:-54340}
source scripts/pg-throwaway.sh
export BENCH_DATABASE_URL="$DATABASE_URL"
unset DATABASE_URL
node --import tsx bench/run.ts

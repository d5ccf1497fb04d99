#!/bin/sh
# Fuzzes the generator: `codegen/fuzz/run.sh [seconds]` (default 600). Seeds
# the corpus with the project's schemas first (seed.sh), then runs the
# `generate` target with the XSD dictionary. Crashes land in
# codegen/fuzz/artifacts/generate; each one fixed becomes a test in
# codegen/tests/.
set -eu
cd "$(dirname "$0")"
./seed.sh
RUSTC_BOOTSTRAP=1 exec cargo fuzz run generate corpus/generate -- \
    -dict=xsd.dict -max_total_time="${1:-600}" -timeout=10 -rss_limit_mb=2048

#!/bin/sh
# Fuzzes the envelope reader: `fuzz/run.sh [seconds]` (default 600). The
# corpus starts from the golden documents, read in place from tests/golden
# (libFuzzer takes extra corpus directories read-only; new inputs go to
# fuzz/corpus/um_responses, which is not committed). Crashes land in
# fuzz/artifacts/um_responses.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/um_responses
RUSTC_BOOTSTRAP=1 exec cargo fuzz run um_responses corpus/um_responses ../tests/golden -- \
    -dict=um.dict -max_total_time="${1:-600}" -max_len=4096 -timeout=10 -rss_limit_mb=2048

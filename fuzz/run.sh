#!/bin/sh
# Fuzzes the readers on both backends: `fuzz/run.sh [seconds] [target...]`
# (default 600 seconds for each of um_responses and documents, one after the
# other).
#
# - um_responses: the envelope reader, as every UM type; its corpus starts
#   from the golden documents, read in place from tests/golden.
# - documents: whole documents, as every codegen fixture's Document; its
#   corpus starts from the fixtures' samples, read in place.
#
# libFuzzer takes extra corpus directories read-only; new inputs go to
# fuzz/corpus/<target>, which is not committed. Crashes land in
# fuzz/artifacts/<target>.
set -eu
cd "$(dirname "$0")"
seconds="${1:-600}"
[ $# -gt 0 ] && shift
targets="${*:-um_responses documents}"
for target in $targets; do
    mkdir -p "corpus/$target"
    case "$target" in
        um_responses) seeds=../tests/golden dict=um.dict ;;
        documents) seeds=$(echo ../codegen/tests/fixtures/*/samples) dict=documents.dict ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    # shellcheck disable=SC2086 # $seeds is a list of directories
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" $seeds -- \
        -dict="$dict" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048
done

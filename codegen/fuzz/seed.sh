#!/bin/sh
# Seeds the fuzz corpus with the project's schemas: the fixtures, the bad
# schemas of the error tests, and schema/Messages.xsd. The corpus is not
# committed; run this before `cargo fuzz run generate`.
set -eu
cd "$(dirname "$0")"
corpus=corpus/generate
mkdir -p "$corpus"
for schema in ../tests/fixtures/*/schema.xsd ../tests/errors/*.xsd ../../schema/Messages.xsd; do
    # fixtures/names/schema.xsd -> seed-fixtures-names-schema.xsd
    name=$(printf '%s' "${schema#../}" | sed 's|^\.\./||; s|/|-|g')
    cp "$schema" "$corpus/seed-$name"
done
echo "seeded $(ls "$corpus" | grep -c '^seed-') schemas into fuzz/$corpus"

#!/usr/bin/env bash
# Mutation testing with cargo-mutants: every mutant of the listed files must make a test
# fail. Reproduce with `bash scripts/mutants.sh [core|registry]` (both by default);
# the results land in <target>/mutants/<part>/mutants.out. Installs cargo-mutants at a
# fixed version when it is missing. Measured on two cores: core 7 min, registry 9 min.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
version=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -qF "$version"; then
  cargo install --locked --quiet cargo-mutants --version "$version"
fi
target=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
# cargo-mutants builds each mutant in a copy of the tree, made in TMPDIR: keep it beside
# the results instead of in /tmp.
mkdir -p "$target/mutants/core" "$target/mutants/registry" "$target/mutants/tmp"
export TMPDIR="$target/mutants/tmp"

# The tests that rebuild whole workspaces, run rustdoc or trybuild take minutes each and
# state nothing about these files that the others do not.
skip=(--skip public_api_matches_the_snapshot --skip compile_fail_and_pass_cases
      --skip an_edit_is_seen_whatever_target_directory_is_shared
      --skip adding_a_code_is_a_data_edit)

status=0
parts=("$@")
if [ ${#parts[@]} -eq 0 ] || [[ " ${parts[*]} " == *" core "* ]]; then
  cargo mutants --no-shuffle --output "$target/mutants/core" \
    --package close-reasons \
    --file core/src/code.rs --file core/src/frame.rs \
    --file core/src/frame_error.rs --file core/src/error.rs \
    --test-package close-reasons --test-package close-reasons-tests \
    -- -- "${skip[@]}" || status=$?
fi
if [ ${#parts[@]} -eq 0 ] || [[ " ${parts[*]} " == *" registry "* ]]; then
  cargo mutants --no-shuffle --output "$target/mutants/registry" \
    --package close-reasons-registry \
    --test-package close-reasons-registry \
    || status=$?
fi
exit "$status"

#!/usr/bin/env bash
# The Python wheel (crates/dyad-py) and the Spark example: a fresh venv, the
# wheel built by maturin (release) and installed, then its pytest suite, which
# compares the wheel and the PySpark job (local[2]) with the `dyad` CLI.
# Called by .ci/run after `cargo test --workspace` (so target/debug/dyad is built).
# Measured from scratch on the 2-core machine: see README, "Python".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${DYAD_VENV:-$root/target/py-venv}
start=$SECONDS

# Spark needs a Java runtime (17 or 21).
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "python.sh: java is missing and this is not root; run: sudo apt-get install -y openjdk-17-jre-headless" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi

# Lint gates for the crate `cargo fmt --all` / `cargo clippy --workspace` do not reach.
cargo fmt --manifest-path crates/dyad-py/Cargo.toml -- --check
cargo clippy -q --manifest-path crates/dyad-py/Cargo.toml --all-targets -- -D warnings

rm -rf "$venv"
python3 -m venv "$venv"
# Versions verified together (pyspark 4.3's mapInArrow needs pandas, and warns on pandas 3).
"$venv/bin/pip" install -q --disable-pip-version-check \
    maturin==1.16.0 pytest==9.2.0 pyarrow==26.0.1 pyspark==4.3.0 pandas==2.3.3
echo "python.sh: venv ready in $((SECONDS - start)) s"

# The wheel is built outside the cargo workspace (crates/dyad-py has its own
# Cargo.lock and target/).
rm -rf target/wheels
"$venv/bin/maturin" build --release -q -m crates/dyad-py/Cargo.toml -o target/wheels
"$venv/bin/pip" install -q --disable-pip-version-check target/wheels/dyad-*.whl
echo "python.sh: wheel built and installed after $((SECONDS - start)) s"

cargo build -q -p dyad
target=${CARGO_TARGET_DIR:-$root/target}
# Run from outside the source tree so `import dyad` is the installed wheel.
mkdir -p "$root/target" && cd "$root/target"
DYAD_BIN="$target/debug/dyad" DYAD_REQUIRE_SPARK=1 SPARK_LOCAL_IP=127.0.0.1 \
    "$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/crates/dyad-py/tests"
echo "python.sh: done in $((SECONDS - start)) s"

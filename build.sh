#!/usr/bin/env bash
# Wary's two commands, on a fresh Debian machine with rustup:
#   ./build.sh          install what is missing, build the extension into dist/
#   ./build.sh test     build, then run every test (Rust, WASM in Node, real Chromium, real Firefox, Firefox lint,
#                       and every fuzz target for 20 s)
#   ./build.sh accuracy false alarms on the Tranco and CrUX top 1M, lookalikes of the protected names' test
#                       half caught per technique, and the text layers on real messages and pages (~5 min)
#   ./build.sh bench    speed and size: criterion, a million-host mix natively, in the CLI on one core
#                       and in the WASM in Node, the worker's cold start, side by side with
#                       eth-phishing-detect, the extension in headless Chromium; ends with one
#                       table, also written to bench-output/summary.md (about 10 minutes)
#   ./build.sh fuzz [S] cargo-fuzz every engine entry point for S seconds each (default 300)
#   ./build.sh lint     rustfmt, clippy (native and wasm32, warnings are errors), rustdoc warnings,
#                       ESLint over the extension, tests and benches (./build.sh test runs it first)
# A second run skips what is already installed or built.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

wasm_target=wasm32-unknown-unknown
engine_out=build/engine         # wasm-bindgen output before it is copied into each browser's tree
test_out=test-output            # screenshots and logs from the test run
# Text accuracy gates (tools/text_accuracy.py on the development SMS set): the target for
# false alarms on ordinary messages, and a floor for smishing recall a little under the
# measured 90.3%, so a change that loses scams fails the run (the target is 90%).
text_max_ham_fp=0.01
text_min_recall=0.88
# Issue 14's targets on the held-out (test) halves: ordinary mail flagged at most 1%, and on the
# saved real pages no danger and at most 1% caution.
mail_max_fp=0.01
pages_max_caution=0.01
# cargo-fuzz targets (fuzz/fuzz_targets/), the seconds each gets in `./build.sh test`, and the
# default for `./build.sh fuzz`.
fuzz_targets="url text page settings"
fuzz_test_seconds=20
fuzz_seconds=300

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    # apt-get update once per run, and only when something is actually missing.
    if [ -z "${apt_updated:-}" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
    command -v cargo >/dev/null || { echo "build.sh: cargo not found; install Rust with rustup first" >&2; exit 1; }
    if ! rustup target list --installed | grep -qx "$wasm_target"; then
        step "adding the $wasm_target Rust target"
        rustup target add "$wasm_target"
    fi
    command -v node >/dev/null && command -v npm >/dev/null || { step "installing Node.js"; apt_install nodejs npm; }
    command -v zip >/dev/null || { step "installing zip"; apt_install zip; }
    # wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
    # (`cargo install --locked` fails here on one missing locked dependency; without it, it works.)
    cargo metadata --format-version 1 --locked >/dev/null 2>&1 || cargo generate-lockfile
    local want have
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
        step "installing wasm-bindgen-cli $want (a few minutes, once)"
        cargo install wasm-bindgen-cli --version "=$want"
    fi
    # npm packages (wasm-opt from the current binaryen, playwright-core, web-ext), pinned in
    # package-lock.json. Debian's binaryen is too old: its wasm-opt produced a module that failed to load.
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        step "installing npm packages"
        npm ci --no-audit --no-fund --loglevel=error
    fi
}

ensure_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        step "installing Chromium"
        apt_install chromium
    fi
}

ensure_test_tools() {
    ensure_chromium
    # Firefox is a first-class target: the Firefox tests drive headless firefox-esr.
    if [ ! -x /usr/bin/firefox-esr ]; then
        step "installing Firefox ESR"
        apt_install firefox-esr
    fi
    # Debian ships Chromium's UI languages apart; the locale test starts it in Spanish.
    if [ ! -f /usr/lib/chromium/locales/es.pak ]; then
        step "installing Chromium's languages"
        apt_install chromium-l10n
    fi
}

build_engine() {
    step "building the engine for WebAssembly"
    cargo build --locked --profile wasm --target "$wasm_target" --lib
    rm -rf "$engine_out" && mkdir -p "$engine_out"
    wasm-bindgen --target web --no-typescript --out-dir "$engine_out" --out-name wary \
        "target/$wasm_target/wasm/wary.wasm"
    # The features rustc enables by default for this target; wasm-opt must accept them all.
    node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$engine_out/wary_bg.wasm" -o "$engine_out/wary_bg.wasm"
}

assemble() {
    step "assembling dist/chrome and dist/firefox"
    rm -rf dist && mkdir -p dist
    # The UI's words in every language, from tools/locales-<lang>.json (checked against English).
    python3 tools/locales.py
    # One manifest and one tree serve both browsers; each gets its own folder and zip so a
    # store upload or an unpacked load never mixes them.
    local browser
    for browser in chrome firefox; do
        mkdir -p "dist/$browser/engine"
        cp manifest.json "dist/$browser/"
        cp -r extension/. "dist/$browser/"
        cp "$engine_out/wary.js" "$engine_out/wary_bg.wasm" "dist/$browser/engine/"
        # The popular sites and their names, which the worker hands the engine beside the wasm
        # (load_names): a module of two strings, imported like the glue, so nothing is fetched.
        python3 tools/names_module.py data/protected_names.txt data/popular_sites.txt \
            > "dist/$browser/engine/protected-names.js"
        (cd "dist/$browser" && zip -qrX "../wary-$browser.zip" .)
    done
    local raw gz
    raw=$(stat -c %s "$engine_out/wary_bg.wasm")
    gz=$(gzip -9c "$engine_out/wary_bg.wasm" | wc -c)
    printf 'wasm: %d bytes raw, %d bytes gzipped (%d KB / %d KB)\n' "$raw" "$gz" $((raw / 1024)) $((gz / 1024))
    printf 'zips: %s\n' "$(cd dist && ls -l wary-*.zip | awk '{printf "%s %d bytes  ", $9, $5}')"
}

build() {
    local started=$SECONDS
    ensure_build_tools
    build_engine
    assemble
    printf 'built in %d s\n' $((SECONDS - started))
}

ensure_fuzz_tools() {
    # cargo-fuzz needs the nightly toolchain (for -Zsanitizer); the fuzz crate in fuzz/ is its own
    # workspace, so the main build never compiles it.
    if ! rustup toolchain list | grep -q '^nightly'; then
        step "installing the nightly Rust toolchain (for cargo-fuzz)"
        rustup toolchain install nightly --profile minimal
    fi
    if ! command -v cargo-fuzz >/dev/null; then
        step "installing cargo-fuzz (once)"
        cargo install cargo-fuzz --locked
    fi
}

# Runs every fuzz target for $1 seconds; a crash, a panic or an input slower than 10 s fails
# the run and leaves the input in fuzz/artifacts/<target>/. Corpora grow in fuzz/corpus/
# (not committed), seeded from the test tables.
run_fuzz() {
    local seconds=${1:-$fuzz_seconds} target
    ensure_fuzz_tools
    # Seeds: the first column of the verdict tables, one input a file.
    local table dir n line
    for table in url:tests/data/hosts.tsv text:tests/data/texts.tsv; do
        dir=fuzz/corpus/${table%%:*} n=0
        [ -d "$dir" ] && continue
        mkdir -p "$dir"
        grep -v '^#' "${table#*:}" | cut -f1 | while IFS= read -r line; do
            [ -n "$line" ] && printf '%b' "$line" >"$dir/seed-$((n += 1))"
        done
    done
    for target in $fuzz_targets; do
        step "fuzzing $target for $seconds s"
        cargo +nightly fuzz run --fuzz-dir fuzz "$target" -- \
            -max_total_time="$seconds" -timeout=10 -max_len=8192 -rss_limit_mb=2048 -print_final_stats=1
    done
}

# The lint gate: the tree is formatted, clippy and rustdoc have nothing to say (native and for the
# wasm32 target the extension ships), and ESLint passes on every JavaScript file we write.
run_lint() {
    ensure_build_tools
    rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed | grep -q '^clippy' || rustup component add clippy
    step "lint: rustfmt"
    cargo fmt --all -- --check
    cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check
    step "lint: clippy, native and $wasm_target"
    cargo clippy --locked --all-targets -- -D warnings
    cargo clippy --locked --target "$wasm_target" --lib -- -D warnings
    step "lint: rustdoc"
    RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps
    step "lint: ESLint (extension, tests, benches)"
    npm run --silent lint:js
}

run_tests() {
    ensure_test_tools
    mkdir -p "$test_out"
    step "Rust tests"
    cargo test --locked
    step "WASM engine in Node, through its real JS glue"
    node --test tests/wasm/
    step "end-to-end: real headless Chromium with the extension loaded"
    node --test --test-concurrency=1 tests/e2e/
    step "accuracy harness, quick sample (./build.sh accuracy runs it all)"
    cargo build --locked --release --bin wary
    python3 tools/accuracy.py --quick
    step "text accuracy on real SMS (fails on ham false positives over 1% or smishing recall under its floor)"
    python3 tools/text_accuracy.py --max-ham-fp "$text_max_ham_fp" --min-recall "$text_min_recall"
    step "messages and saved real pages, held-out halves (fails on mail flagged over 1%, or a bar on real pages past 1% caution or any danger)"
    python3 tools/message_accuracy.py --split test --max-legit-fp "$mail_max_fp" --gate mail_ham
    python3 tools/page_accuracy.py --split test --max-caution "$pages_max_caution"
    step "Firefox: manifest lint (web-ext), and the extension in real headless Firefox"
    node --test --test-concurrency=1 tests/firefox/
    step "fuzzing, $fuzz_test_seconds s a target (./build.sh fuzz runs longer)"
    run_fuzz "$fuzz_test_seconds"
}

run_accuracy() {
    cargo build --locked --release --bin wary
    python3 tools/accuracy.py
    python3 tools/text_accuracy.py
    python3 tools/message_accuracy.py --split test
    python3 tools/page_accuracy.py --split test
}

run_benches() {
    ensure_chromium
    local started=$SECONDS
    # Figures of an earlier run must not reach this run's table.
    mkdir -p bench-output && rm -f bench-output/*.json bench-output/summary.md
    step "bench corpora: a fixed sample of Tranco sites and dnstwist lookalikes; the realistic mix of a million hosts"
    python3 tools/bench_corpus.py
    step "native engine: criterion (hosts, text at 1 KB / 10 KB / 1 MB, heavy page), then host checks on the mix"
    cargo bench --locked --bench hosts --bench text --bench pages
    cargo bench --locked --bench mix
    step "CLI on one core"
    cargo build --locked --release --bin wary
    node benches/cli.mjs
    step "WASM engine in Node, through its real JS glue: the worker's cold start, hosts, text, pages"
    node benches/cold-start.mjs
    node benches/wasm-hosts.mjs
    node benches/wasm-text.mjs
    node benches/wasm-pages.mjs
    step "side by side with eth-phishing-detect, one Node process"
    node benches/peer.mjs
    step "the extension in headless Chromium: heavy page, with and without Wary"
    node benches/browser.mjs
    step "summary"
    node benches/summary.mjs
    printf 'benchmarks ran in %d s\n' $((SECONDS - started))
}

case "${1:-build}" in
    build) build ;;
    test) run_lint && build && run_tests ;;
    lint) run_lint ;;
    accuracy) ensure_build_tools && run_accuracy ;;
    bench) build && run_benches ;;
    fuzz) run_fuzz "${2:-$fuzz_seconds}" ;;
    -h | --help | help) sed -n '2,14p' "$0" | cut -c3- ;;
    *) echo "build.sh: unknown command '$1' (try: ./build.sh, ./build.sh test, lint, accuracy, bench, fuzz)" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs everything `make run`, `make test`, `make dist` and `make bench`
# need, and nothing that is already there. Safe to run any number of times;
# the make targets call it first.
#
#   - the wasm32-unknown-unknown target, rustfmt and clippy (rustup)
#   - trunk, pinned (cargo install)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - node packages from package-lock.json: binaryen (wasm-opt), terser (the
#     release build's JavaScript minifier), Playwright, axe
#   - Chromium and ChromeDriver from Debian (apt), for the browser tests
#
# Set SETUP_SKIP_BROWSER=1 to skip Chromium (enough for `make run`/`make dist`).
set -euo pipefail

TRUNK_VERSION=0.21.14
MIN_NODE_MAJOR=20

cd "$(dirname "$0")/.."
start=$(date +%s)
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$PWD/node_modules/.bin:$cargo_bin:$PATH"

skipped=()
done_=()
missing=() # things this script cannot install itself
apt_packages=()

say() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# ---- Rust -----------------------------------------------------------------
if ! have cargo || ! have rustup; then
  missing+=("a Rust toolchain with rustup and cargo (https://rustup.rs), then re-run this script")
else
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    skipped+=("rust target wasm32-unknown-unknown")
  else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
    done_+=("rust target wasm32-unknown-unknown")
  fi
  for component in rustfmt clippy; do
    if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      skipped+=("rustup component $component")
    else
      say "adding rustup component $component"
      rustup component add "$component"
      done_+=("rustup component $component")
    fi
  done

  # trunk
  have_trunk=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
    skipped+=("trunk $TRUNK_VERSION")
  else
    say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); this compiles for ~10 minutes once"
    cargo install trunk --version "$TRUNK_VERSION" --locked
    done_+=("trunk $TRUNK_VERSION")
  fi

  # wasm-bindgen-cli must match the library exactly: the generated JS glue and
  # the wasm module are only compatible within one version.
  want_wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -z "$want_wbg" ]; then
    say "could not read the wasm-bindgen version from Cargo.lock"
    exit 1
  fi
  have_wbg=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have_wbg" = "$want_wbg" ]; then
    skipped+=("wasm-bindgen-cli $want_wbg")
  else
    say "installing wasm-bindgen-cli $want_wbg (found: ${have_wbg:-none})"
    # Not --locked: the CLI's own lockfile pins dependencies that no longer
    # build with current toolchains.
    cargo install wasm-bindgen-cli --version "=$want_wbg"
    done_+=("wasm-bindgen-cli $want_wbg")
  fi
fi

# ---- Node -----------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ! have npm || [ "$node_major" -lt "$MIN_NODE_MAJOR" ]; then
  missing+=("Node.js >= $MIN_NODE_MAJOR with npm (found: $(node --version 2>/dev/null || echo none))")
else
  # npm writes node_modules/.package-lock.json on every install; older than
  # the lockfile means the lockfile changed since.
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    skipped+=("npm packages")
  else
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
    done_+=("npm packages")
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
    say "node_modules/.bin/wasm-opt is not binaryen 132; run 'rm -rf node_modules' and retry"
    exit 1
  fi
fi

# ---- Browser (apt) --------------------------------------------------------
if [ "${SETUP_SKIP_BROWSER:-}" = 1 ]; then
  skipped+=("chromium (SETUP_SKIP_BROWSER=1)")
else
  [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
  if [ ${#apt_packages[@]} -eq 0 ]; then
    skipped+=("chromium and chromium-driver")
  elif is_root; then
    say "installing ${apt_packages[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
    done_+=("${apt_packages[*]}")
  else
    missing+=("Debian packages: sudo apt-get update && sudo apt-get install -y ${apt_packages[*]}")
  fi
fi

# ---- Report ---------------------------------------------------------------
elapsed=$(($(date +%s) - start))
[ ${#done_[@]} -eq 0 ] || say "installed: $(IFS=,; echo "${done_[*]}" | sed 's/,/, /g')"
[ ${#skipped[@]} -eq 0 ] || say "already there (skipped): $(IFS=,; echo "${skipped[*]}" | sed 's/,/, /g')"
if [ ${#missing[@]} -ne 0 ]; then
  say "cannot continue; please install:"
  for m in "${missing[@]}"; do printf '  - %s\n' "$m"; done
  exit 1
fi
say "ready in ${elapsed}s"

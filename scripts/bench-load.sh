#!/usr/bin/env bash
# Manifest loading speed: `switchboard validate FILE` against PyYAML's CSafeLoader (libyaml underneath, Python objects
# on top) on the same generated stream. The target: switchboard at least as fast.
#
#   scripts/bench-load.sh [N] [RUNS]     N objects (default 10000), best of RUNS runs each (default 5)
#
# Environment:
#   BENCH_FILE=path       reuse (or keep) the generated stream here (default: a temporary file, removed afterwards)
#   SWITCHBOARD_CMD=...   the command to time, given FILE as its last argument
#                         (default: .build/release/switchboard validate)
#   SKIP_BUILD=1          do not run `swift build -c release` first
#
# Runs of the two loaders alternate, so a busy machine slows both alike. Exits 1 when switchboard is slower.
set -euo pipefail

cd "$(dirname "$0")/.."
count="${1:-10000}"
runs="${2:-5}"
cmd="${SWITCHBOARD_CMD:-.build/release/switchboard validate}"

python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || {
    echo "bench-load: PyYAML with libyaml (yaml.CSafeLoader) is required" >&2
    exit 2
}

if [[ -z "${SKIP_BUILD:-}" && -z "${SWITCHBOARD_CMD:-}" ]]; then
    echo "building release…" >&2
    swift build -c release --product switchboard >&2
fi

file="${BENCH_FILE:-}"
if [[ -z "$file" ]]; then
    file="$(mktemp --suffix=.yaml)"
    trap 'rm -f "$file"' EXIT
fi
if [[ ! -s "$file" ]]; then
    echo "generating $count objects…" >&2
    python3 scripts/gen-manifests.py "$file" "$count"
fi

python3 - "$file" "$runs" "$cmd" <<'EOF'
import os, shlex, subprocess, sys, time

path, runs, cmd = sys.argv[1], int(sys.argv[2]), shlex.split(sys.argv[3])
pyyaml = [sys.executable, "-c",
          "import sys, yaml; list(yaml.load_all(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader))",
          path]
switchboard = cmd + [path]

def timed(argv):
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        lines = done.stdout.decode(errors="replace").splitlines()[:10]
        sys.exit(f"bench-load: {' '.join(argv[:3])} … exited {done.returncode}:\n" + "\n".join(lines))
    return elapsed

best = {"switchboard": float("inf"), "CSafeLoader": float("inf")}
for _ in range(runs):
    best["switchboard"] = min(best["switchboard"], timed(switchboard))
    best["CSafeLoader"] = min(best["CSafeLoader"], timed(pyyaml))

mb = os.path.getsize(path) / 1e6
print(f"file: {path} ({mb:.1f} MB)")
for name, seconds in best.items():
    print(f"{name:12s} best of {runs}: {seconds:7.3f} s  ({mb / seconds:6.1f} MB/s)")
ratio = best["CSafeLoader"] / best["switchboard"]
print(f"switchboard is {ratio:.2f}x the speed of CSafeLoader")
sys.exit(0 if ratio >= 1 else 1)
EOF

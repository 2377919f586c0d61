#!/usr/bin/env bash
# Proofs against real peers, reproducible by one command (and run by .ci/run):
#   1. the Autobahn|Testsuite (fuzzingclient, sections 1-7 and 10) against the echo server;
#   2. close-reasons' verdict on every received close code, and on reasons that are not
#      UTF-8, against python-websockets (an independent implementation);
#   3. the cases Autobahn lacks, by a raw-frame client (`cargo test -p echo-server`);
#   4. a real browser: headless Chromium (Debian's, installed when missing) driven by
#      playwright-core against the chat example's server, and rustdoc's search over the
#      crate's documentation (every alias of the registry finds its code).
# Everything is installed under <target>/conformance, every time, as on a fresh machine,
# where <target> is cargo's target directory (CARGO_TARGET_DIR when set); scratch files
# of the tools go there too, not to /tmp.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
work="$target/conformance"
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"

cargo build --release -q -p echo-server --bins --examples
server="$target/release/echo-server"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- 1. Autobahn|Testsuite -------------------------------------------------------------
python2=""
if command -v python2.7 >/dev/null 2>&1 && python2.7 -c 'import sys' >/dev/null 2>&1; then
  python2=$(command -v python2.7)
else
  pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for candidate in "$pyenv_root"/versions/2.7*/bin/python; do
    [ -x "$candidate" ] && python2="$candidate"
  done
fi
if [ -z "$python2" ]; then
  echo "conformance: SKIPPED the Autobahn|Testsuite (sections 1-7, 10): python2.7 is not on PATH nor among pyenv's versions"
else
  rm -rf "$work/autobahn"
  if ! "$python2" -m pip install --quiet --disable-pip-version-check --target "$work/autobahn" \
    autobahntestsuite==25.10.1 > "$work/pip-autobahn.log" 2>&1; then
    echo "conformance: FAILED to install autobahntestsuite:" >&2
    cat "$work/pip-autobahn.log" >&2
    exit 1
  fi
  port=$(free_port)
  "$server" "127.0.0.1:$port" > "$work/echo-server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  listening=""
  for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
      listening=yes
      break
    fi
    sleep 0.1
  done
  if [ -z "$listening" ]; then
    echo "conformance: FAILED the echo server did not start:" >&2
    cat "$work/echo-server.log" >&2
    exit 1
  fi
  cat > "$work/fuzzingclient.json" <<JSON
{
  "outdir": "$work/autobahn-report",
  "servers": [{ "agent": "close-reasons echo-server", "url": "ws://127.0.0.1:$port" }],
  "cases": ["1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*"],
  "exclude-cases": [],
  "exclude-agent-cases": {}
}
JSON
  # wstest's packages include a namespace package (zope), which needs site.addsitedir.
  if ! (cd "$work" && "$python2" -c "import site, sys; site.addsitedir('$work/autobahn'); sys.argv[0] = 'wstest'; from autobahntestsuite.wstest import run; run()" \
    --mode fuzzingclient --spec "$work/fuzzingclient.json" > "$work/wstest.log" 2>&1); then
    echo "conformance: FAILED wstest did not run:" >&2
    tail -30 "$work/wstest.log" >&2
    exit 1
  fi
  kill "$server_pid" 2>/dev/null || true
  trap - EXIT
  python3 - "$work/autobahn-report/index.json" <<'PY'
import json, sys
from collections import Counter
report = json.load(open(sys.argv[1]))
if len(report) != 1 or not next(iter(report.values())):
    print("conformance: FAILED Autobahn ran no case (see wstest.log beside autobahn-report)")
    sys.exit(1)
(agent, cases), = report.items()
behaviours, closes, failures = Counter(), Counter(), []
for case, result in sorted(cases.items(), key=lambda item: [int(part) for part in item[0].split(".")]):
    behaviours[result["behavior"]] += 1
    closes[result["behaviorClose"]] += 1
    allowed = {"OK", "INFORMATIONAL"} if case.startswith("7.") else {"OK", "NON-STRICT", "INFORMATIONAL"}
    if result["behavior"] not in allowed or result["behaviorClose"] not in {"OK", "INFORMATIONAL"}:
        failures.append("%s: behavior %s, close %s" % (case, result["behavior"], result["behaviorClose"]))
print("conformance: Autobahn|Testsuite, %d cases: behaviour %s; closing %s" % (
    len(cases), dict(sorted(behaviours.items())), dict(sorted(closes.items()))))
for failure in failures:
    print("conformance: FAILED " + failure)
sys.exit(1 if failures else 0)
PY
  echo "conformance: the HTML report is in $work/autobahn-report/index.html"
fi

# --- 2. python-websockets, code by code ------------------------------------------------
rm -rf "$work/websockets"
if ! python3 -m pip install --quiet --disable-pip-version-check --target "$work/websockets" \
  'websockets>=17,<18' > "$work/pip-websockets.log" 2>&1; then
  echo "conformance: FAILED to install websockets:" >&2
  cat "$work/pip-websockets.log" >&2
  exit 1
fi
"$target/release/examples/verdicts" > "$work/verdicts-close-reasons.txt"
PYTHONPATH="$work/websockets" python3 - "$work/verdicts-close-reasons.txt" <<'PY'
import struct, sys
import websockets
from websockets.exceptions import ProtocolError
from websockets.frames import Close

def verdict(code, reason):
    data = struct.pack("!H", code) + reason
    try:
        close = Close.parse(data)
    except ProtocolError:
        return "fail 1002"
    except UnicodeDecodeError:
        return "fail 1007"
    return "ok %d" % close.code

ours = open(sys.argv[1]).read().splitlines()
disagreements = []
for line in ours:
    code, hex_reason, *verdict_ours = line.split()
    reason = b"" if hex_reason == "-" else bytes.fromhex(hex_reason)
    theirs = verdict(int(code), reason)
    if " ".join(verdict_ours) != theirs:
        disagreements.append("%s %s: close-reasons %s, websockets %s" % (code, hex_reason, " ".join(verdict_ours), theirs))
print("conformance: python-websockets %s agrees on %d of %d received Close payloads" % (
    websockets.__version__, len(ours) - len(disagreements), len(ours)))
for line in disagreements[:20]:
    print("conformance: DISAGREES " + line)
sys.exit(1 if disagreements else 0)
PY

# --- 3. the cases Autobahn lacks -------------------------------------------------------
cargo test -q -p echo-server --test raw_frames > "$work/raw-frames.log" 2>&1 || {
  echo "conformance: FAILED the raw-frame client:" >&2
  cat "$work/raw-frames.log" >&2
  exit 1
}
echo "conformance: raw-frame client: 1012-1015, 3003, range edges, 123-byte and cut reasons answered right"

# --- 4. a real browser -----------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
      > "$work/apt-chromium.log" 2>&1 || { cat "$work/apt-chromium.log" >&2; exit 1; }
  else
    echo "conformance: FAILED the browser check: chromium is missing and installing it needs root" >&2
    exit 1
  fi
fi
rm -rf "$work/node"
npm install --prefix "$work/node" --no-audit --no-fund --silent playwright-core@1.65.1 typescript@5 \
  > "$work/npm-playwright.log" 2>&1 || { cat "$work/npm-playwright.log" >&2; exit 1; }
# The chat protocol's TypeScript module, as the page's client runs it.
"$work/node/node_modules/.bin/tsc" --strict --target es2020 --lib es2020 --module commonjs \
  --outDir "$work/ts" "$root/examples/chat/close-codes.ts"
cargo build --release -q -p chat-close-codes -p close-reasons-cli
"$target/release/close-reasons" export --format json > "$work/standard-registry.json"
port=$(free_port)
"$target/release/chat-close-codes" serve "127.0.0.1:$port" > "$work/chat-server.log" 2>&1 &
chat_pid=$!
trap 'kill "$chat_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.1
done
NODE_MODULES="$work/node/node_modules" CHROMIUM=$(command -v chromium) \
  node "$root/scripts/browser-check.cjs" "http://127.0.0.1:$port/" "$work/chat-server.log" \
  "$work/standard-registry.json" "$work/ts/close-codes.js"
kill "$chat_pid" 2>/dev/null || true
trap - EXIT
# rustdoc's search, in the same browser, over the crate's generated documentation.
cargo doc -q -p close-reasons --no-deps
NODE_MODULES="$work/node/node_modules" CHROMIUM=$(command -v chromium) \
  node "$root/scripts/doc-search-check.cjs" "$target/doc" "$work/standard-registry.json"
echo "conformance: done in ${SECONDS} s (installs and release builds included)"

#!/usr/bin/env bash
# What close-reasons costs its users at build time. Run by hand, not in CI:
#
#   bash scripts/build-cost.sh
#
# Builds fresh binary crates in a temporary directory (offline, from the local cargo
# cache; run `cargo test --workspace` once first so every crate is there) and prints:
#   (a) cold build of an app using one close code from close-reasons, against one using
#       tungstenite 0.30 alone (default features off)
#   (b) an axum 0.8 + tokio + serde-derive WebSocket server shaped like examples/chat,
#       without and with close-reasons (its axum-0-8 feature)
#   (c) an app that already uses serde with derive, without and with close-reasons
#   the incremental rebuild after a one-line edit of the registry
#   the incremental rebuild of apps whose own registries hold 10, 100 and 1,000 codes
# Each time is the median of RUNS (default 3) builds; on a shared 2-core machine single
# builds vary by a second or more, so the builds that are compared alternate. See BENCHMARKS.md for the figures and the goals.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the project, so that editing its registry leaves the real one alone.
mkdir "$work/close-reasons"
tar -C "$root" --exclude=./target --exclude=./.git --exclude=./fuzz -cf - . | tar -C "$work/close-reasons" -xf -
core="$work/close-reasons/core"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# new_app NAME DEPENDENCIES MAIN_RS: a standalone binary crate.
new_app() {
  local dir="$work/$1"
  mkdir -p "$dir/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\n\n[workspace]\n' \
    "$1" "$2" > "$dir/Cargo.toml"
  printf '%s\n' "$3" > "$dir/src/main.rs"
  (cd "$dir" && cargo generate-lockfile --offline -q)
}

# cold_pair A B: cold builds of A and B from empty target directories, alternating
# A, B, A, B, … for $runs rounds, so that a slow spell of the (shared) machine falls on
# both; prints the median of A, of B and of the per-round difference B - A. Without
# incremental compilation: cargo never compiles crates from crates.io incrementally,
# but it would compile the path dependency on close-reasons here incrementally, which
# costs a cold build about 0.5 s that no user pays.
cold_pair() {
  local first=() second=() added=() start a b
  for _ in $(seq "$runs"); do
    for name in "$1" "$2"; do
      rm -rf "$work/$name/target"
      start=$(now)
      (cd "$work/$name" && CARGO_INCREMENTAL=0 cargo build --offline -q)
      if [ "$name" = "$1" ]; then a=$(seconds "$start" "$(now)"); else b=$(seconds "$start" "$(now)"); fi
    done
    first+=("$a"); second+=("$b"); added+=("$(seconds "$a" "$b")")
    # Each round on stderr, so that the spread behind a median stays visible.
    printf '  round: %-24s %6ss  %-24s %6ss  difference %6ss\n' "$1" "$a" "$2" "$b" "${added[-1]}" >&2
  done
  echo "$(median "${first[@]}") $(median "${second[@]}") $(median "${added[@]}")"
}

# incremental NAME FILE: the median of $runs rebuilds after a one-line edit of FILE.
incremental() {
  local dir="$work/$1" file=$2 times=() start
  (cd "$dir" && cargo build --offline -q)
  for run in $(seq "$runs"); do
    sed -i "s/^# edit .*//" "$file"
    printf '# edit %s\n' "$run" >> "$file"
    start=$(now)
    (cd "$dir" && cargo build --offline -q)
    times+=("$(seconds "$start" "$(now)")")
  done
  median "${times[@]}"
}

crates() {
  (cd "$work/$1" && cargo tree --offline --prefix none -e normal,build | sed 's/ (\*)//' | sort -u | wc -l)
}

close_reasons_dep="close-reasons = { path = \"$core\" }"
new_app with-close-reasons "$close_reasons_dep" \
  'fn main() { println!("{}", close_reasons::CloseCode::GOING_AWAY); }'
new_app with-tungstenite 'tungstenite = { version = "0.30", default-features = false }' \
  'fn main() { println!("{}", tungstenite::protocol::frame::coding::CloseCode::Away); }'
serde_main='#[derive(serde::Serialize)] struct Event { code: u16 }
fn main() { let _ = Event { code: 1001 }; }'
new_app serde-only 'serde = { version = "1", features = ["derive"] }' "$serde_main"
new_app serde-and-close-reasons "serde = { version = \"1\", features = [\"derive\"] }
$close_reasons_dep" "$serde_main
#[allow(dead_code)] fn code() -> u16 { close_reasons::CloseCode::GOING_AWAY.get() }"

# (b): a chat-shaped axum server; the version with close-reasons sends its Close
# through the axum-0-8 conversion instead of writing the number by hand.
axum_deps='axum = { version = "0.8.9", default-features = false, features = ["ws", "http1", "tokio"] }
tokio = { version = "1.44", default-features = false, features = ["rt-multi-thread", "macros", "net"] }
serde = { version = "1", features = ["derive"] }
futures-util = { version = "0.3.31", default-features = false }'
axum_main() {
  printf '%s\n' 'use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::{Router, routing::get};

#[derive(serde::Serialize, serde::Deserialize)]
struct Event { room: String, code: u16 }

async fn upgrade(ws: WebSocketUpgrade) -> Response { ws.on_upgrade(session) }

async fn session(mut socket: WebSocket) {
    while let Some(Ok(message)) = socket.recv().await {
        if let Message::Close(_) = message { break; }
    }'
  printf '%s\n' "$1"
  printf '%s\n' '}

#[tokio::main]
async fn main() {
    let _ = Event { room: String::new(), code: 1001 };
    let app: Router = Router::new().route("/ws", get(upgrade));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    if std::env::var_os("SERVE").is_some() { axum::serve(listener, app).await.unwrap(); }
}'
}
new_app axum-only "$axum_deps" "$(axum_main '    let frame = axum::extract::ws::CloseFrame { code: 1001, reason: "shutting down".into() };
    let _ = socket.send(Message::Close(Some(frame))).await;')"
new_app axum-and-close-reasons "$axum_deps
close-reasons = { path = \"$core\", features = [\"axum-0-8\"] }" \
  "$(axum_main '    let frame = close_reasons::close_frame!(close_reasons::CloseCode::GOING_AWAY, "shutting down");
    let _ = socket.send(Message::from(frame)).await;')"

pair=$(cold_pair with-close-reasons with-tungstenite)
read -r a b _ <<< "$pair"
pair=$(cold_pair axum-only axum-and-close-reasons)
read -r b0 b1 b_added <<< "$pair"
pair=$(cold_pair serde-only serde-and-close-reasons)
read -r c0 c added <<< "$pair"
edit=$(incremental with-close-reasons "$core/close-reasons.toml")

echo "== cold builds (median of $runs), $(nproc) cores"
printf '(a) close-reasons, no features:    %6ss  %3s crates\n' "$a" "$(crates with-close-reasons)"
printf '    tungstenite, no default:       %6ss  %3s crates\n' "$b" "$(crates with-tungstenite)"
printf '    ratio:                         %6s\n' "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
printf '(b) axum + tokio + serde derive:   %6ss  %3s crates\n' "$b0" "$(crates axum-only)"
printf '    ... + close-reasons (axum-0-8):%6ss  %3s crates\n' "$b1" "$(crates axum-and-close-reasons)"
printf '    added by close-reasons:        %6ss  (%s%%; median of the rounds'"'"' differences)\n' \
  "$b_added" "$(awk -v d="$b_added" -v c="$b0" 'BEGIN { printf "%.1f", 100 * d / c }')"
printf '(c) serde derive alone:            %6ss  %3s crates\n' "$c0" "$(crates serde-only)"
printf '    serde derive + close-reasons:  %6ss  %3s crates\n' "$c" "$(crates serde-and-close-reasons)"
printf '    added by close-reasons:        %6ss  (%s%%; median of the rounds'"'"' differences)\n' \
  "$added" "$(awk -v d="$added" -v c="$c0" 'BEGIN { printf "%.1f", 100 * d / c }')"
echo "== incremental"
printf 'one-line edit of the registry:     %6ss\n' "$edit"

echo "== application registries of N codes: rebuild after a one-line edit"
for n in 10 100 1000; do
  name="registry-$n"
  new_app "$name" "$close_reasons_dep" '/// Generated application codes.
#[close_reasons::registry("codes.toml")]
pub enum AppCloseCode {}
fn main() { println!("{}", AppCloseCode::ALL.len()); }'
  for i in $(seq 0 $((n - 1))); do
    printf '[[reason]]\nname = "code_%d"\nvalue = %d\ntitle = "Code %d"\nsendable = true\ndoc = "Application code number %d."\nreference = "build-cost.sh"\n\n' \
      "$i" $((4000 + i)) "$i" "$i"
  done > "$work/$name/codes.toml"
  printf '%5d codes:                       %6ss\n' "$n" "$(incremental "$name" "$work/$name/codes.toml")"
done

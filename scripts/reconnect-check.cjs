// Part of .ci/run: the TypeScript module's `reconnectFor` (compiled by tsc) answers as the
// Rust enum's `reconnect_for` on every code.
//   node scripts/reconnect-check.cjs COMPILED_MODULE RUST_TABLE
// RUST_TABLE is `cargo run -p chat-close-codes -- reconnect-table`: `CODE POLICY` lines.
"use strict";
const fs = require("fs");
const path = require("path");

const [modulePath, tablePath] = process.argv.slice(2);
const { reconnectFor } = require(path.resolve(modulePath));
const text = (reconnect) => {
  switch (reconnect.kind) {
    case "after_delay": return `after_delay ${reconnect.minMs} ${reconnect.maxMs}`;
    default: return reconnect.kind;
  }
};
const lines = fs.readFileSync(tablePath, "utf8").trim().split("\n");
let mismatches = 0;
for (const line of lines) {
  const [code, ...policy] = line.split(" ");
  const expected = policy.join(" ");
  const actual = text(reconnectFor(Number(code)));
  if (actual !== expected) {
    mismatches += 1;
    if (mismatches <= 10) console.log(`reconnect-check: ${code}: TypeScript says ${actual}, Rust ${expected}`);
  }
}
if (lines.length !== 65535 || mismatches > 0) {
  console.log(`reconnect-check: FAILED: ${mismatches} of ${lines.length} codes differ (65535 expected)`);
  process.exit(1);
}
for (const notACode of [0, -1, 1012.5, 65536, NaN]) {
  if (reconnectFor(notACode).kind !== "never") {
    console.log(`reconnect-check: FAILED: ${notACode} is no close code and must never reconnect`);
    process.exit(1);
  }
}
console.log(`reconnect-check: TypeScript and Rust agree on all ${lines.length} codes`);

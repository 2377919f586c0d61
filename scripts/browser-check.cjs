// The browser part of scripts/conformance.sh: headless Chromium against the chat server.
//   node scripts/browser-check.cjs PAGE_URL SERVER_LOG EXPORT_JSON CLOSE_CODES_JS
// CLOSE_CODES_JS is the chat example's close-codes.ts compiled by tsc (CommonJS).
// NODE_MODULES names the directory where playwright-core was installed.
"use strict";
const fs = require("fs");
const { chromium } = require(require.resolve("playwright-core", { paths: [process.env.NODE_MODULES] }));

const [pageUrl, serverLog, exportJson, closeCodesJs] = process.argv.slice(2);
const failures = [];
const expect = (what, actual, expected) => {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  console.log(`conformance: browser: ${what}: ${ok ? "ok" : "FAILED"} (${JSON.stringify(actual)})`);
  if (!ok) failures.push(`${what}: expected ${JSON.stringify(expected)}`);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    console.log(`conformance: browser: ${browser.version()}`);

    const kicked = await page.evaluate(() => window.kickedByServer());
    expect("server closes with a chat code (4002 Kicked)", kicked,
      { code: 4002, reason: "spamming the room (message 1)", wasClean: true });

    const own = await page.evaluate(() => window.closeWith(4001, "signed out elsewhere"));
    expect("page closes with 4001 and a reason", own,
      { code: 4001, reason: "signed out elsewhere", wasClean: true });
    let decoded = false;
    for (let attempt = 0; attempt < 50 && !decoded; attempt += 1) {
      decoded = fs.readFileSync(serverLog, "utf8")
        .includes('a client left: closed with 4001 Session Expired: "signed out elsewhere"');
      if (!decoded) await sleep(100);
    }
    expect("the server decodes 4001 into ChatCloseCode::SessionExpired", decoded, true);

    const thrown = await page.evaluate(() => window.closeThrows(1014));
    expect("the page's close(1014) throws", thrown, "InvalidAccessError");
    const registry = JSON.parse(fs.readFileSync(exportJson, "utf8"));
    const badGateway = registry.reasons.find((reason) => reason.value === 1014);
    expect("close-reasons' browser check refuses 1014 too", badGateway.browser_sendable, false);
    const normal = registry.reasons.find((reason) => reason.value === 1000);
    expect("and allows 1000", normal.browser_sendable, true);

    // The exported module decides what the page's client does after each close.
    const module = fs.readFileSync(closeCodesJs, "utf8");
    await page.addScriptTag({
      content: `(() => { const exports = {}; ${module}\nwindow.reconnectFor = exports.reconnectFor; })();`,
    });
    const reconnecting = await page.evaluate(() => window.reconnectingClient(100));
    expect("after 1012 the client waits inside 5-30 s (scaled) and reconnects; after 4002 Kicked it stops",
      reconnecting, {
        decisions: [
          { code: 1012, decision: { kind: "after_delay", minMs: 5000, maxMs: 30000 } },
          { code: 4002, decision: { kind: "never" } },
        ],
        connections: 2,
      });
    const failed = await page.evaluate(() => window.decisionAfterFailure());
    expect("after a failed connection (1006) the client backs off", failed,
      { code: 1006, decision: { kind: "backoff" } });
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    for (const failure of failures) console.log(`conformance: FAILED browser: ${failure}`);
    process.exit(1);
  }
})().catch((error) => {
  console.log(`conformance: FAILED browser: ${error.stack || error}`);
  process.exit(1);
});

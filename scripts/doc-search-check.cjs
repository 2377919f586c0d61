// Part of scripts/conformance.sh: rustdoc's own search, run in headless Chromium over the
// generated documentation, finds every close code under each name other stacks give it
// (the registry's `aliases`): the variant of `CloseReason` and the `CloseCode` constant.
//   node scripts/doc-search-check.cjs DOC_DIR EXPORT_JSON
// NODE_MODULES names the directory where playwright-core was installed.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { chromium } = require(require.resolve("playwright-core", { paths: [process.env.NODE_MODULES] }));

const [docDir, exportJson] = process.argv.slice(2);
const index = pathToFileURL(path.join(docDir, "close_reasons", "index.html")).href;
const registry = JSON.parse(fs.readFileSync(exportJson, "utf8"));
const camel = (name) => name.split("_").map((word) => word[0].toUpperCase() + word.slice(1)).join("");

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const failures = [];
  let checked = 0;
  try {
    const tab = await browser.newPage();
    for (const reason of registry.reasons) {
      const expected = [
        `enum.CloseReason.html#variant.${camel(reason.name)}`,
        `struct.CloseCode.html#associatedconstant.${reason.name.toUpperCase()}`,
      ];
      for (const alias of reason.aliases) {
        await tab.goto(`${index}?search=${encodeURIComponent(alias)}`);
        await tab.waitForSelector(".search-results.active a", { timeout: 20000 });
        // rustdoc shows a hit by alias as "ALIAS - see PATH".
        const hits = await tab.$$eval(".search-results.active a", (links, alias) => links
          .filter((link) => link.innerText.replace(/\s+/g, " ").includes(`${alias} - see`))
          .map((link) => link.getAttribute("href")), alias);
        const missing = expected.filter((target) => !hits.some((hit) => hit.endsWith(target)));
        if (missing.length > 0) failures.push(`"${alias}" (${reason.value}) does not find ${missing.join(", ")}`);
        checked += 1;
      }
    }
  } finally {
    await browser.close();
  }
  if (checked === 0) failures.push("the export lists no aliases");
  if (failures.length > 0) {
    for (const failure of failures) console.log(`conformance: FAILED doc search: ${failure}`);
    process.exit(1);
  }
  console.log(`conformance: doc search: all ${checked} aliases find their variant and constant`);
})().catch((error) => {
  console.log(`conformance: FAILED doc search: ${error.stack || error}`);
  process.exit(1);
});

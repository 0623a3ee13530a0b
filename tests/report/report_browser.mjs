// Opens a rendered report (file://, offline) in headless Chromium and checks what a reader
// sees: the summary, the what-if table, every chart drawn (each series' colour is found in the
// canvas pixels), hostile names shown as text, no script errors. Keeps a full-page screenshot
// and a PDF (print) in the build tree and copies the top of the page to docs/img/report.png.
// Exits non-zero on the first failed check.
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const args = {};
process.argv.slice(2).forEach((a, i, all) => {
  if (a.startsWith("--")) args[a.slice(2)] = all[i + 1];
});
for (const key of ["html", "modules", "chromium", "screenshot", "pdf"]) {
  if (!args[key]) {
    console.error(`report_browser.mjs: --${key} is required`);
    process.exit(64);
  }
}
const require = createRequire(join(args.modules, "noop.js"));
const { chromium } = require("playwright-core");

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok: ${what}`);
}

// Per chart: how many pixels of each series colour the canvases hold (±12 per channel, to
// allow for antialiasing at a line's edge, not for a different colour).
function seriesPixels() {
  const parse = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return [...document.querySelectorAll("[data-chart]")].map((container) => {
    const colours = (container.dataset.seriesColours || "").split(",").filter(Boolean).map(parse);
    const counts = colours.map(() => 0);
    for (const canvas of container.querySelectorAll("canvas")) {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      for (let p = 0; p < data.length; p += 4) {
        if (data[p + 3] < 200) continue;
        colours.forEach(([r, g, b], k) => {
          if (Math.abs(data[p] - r) <= 12 && Math.abs(data[p + 1] - g) <= 12 && Math.abs(data[p + 2] - b) <= 12) counts[k]++;
        });
      }
    }
    return { chart: container.dataset.chart, arm: container.dataset.arm, colours: container.dataset.seriesColours, label: container.getAttribute("aria-label"), rendered: container.dataset.rendered, counts };
  });
}

let browser;
let failed = false;
try {
  browser = await chromium.launch({ executablePath: args.chromium, args: ["--no-sandbox", "--disable-gpu"] });
  // No network at all: the report must be self-contained.
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("dialog", (d) => {
    problems.push(`a dialog opened (injected script ran): ${d.message()}`);
    d.dismiss();
  });
  page.on("request", (r) => r.url().startsWith("file:") || requests.push(r.url()));

  await page.goto(pathToFileURL(args.html).href);
  await page.waitForSelector("body[data-charts]", { timeout: 30000 });
  check((await page.getAttribute("body", "data-charts")) === "rendered", "the chart script finished without a failed chart");

  const summary = await page.locator("#summary li").allTextContents();
  check(summary.length >= 1 && summary[0].includes("72 % (68–76 %)"), `the summary comes first (${summary.length} sentences)`);
  check(summary.some((s) => s.includes("<b>markup</b>")), "markup in a summary sentence is shown as text");
  check((await page.locator("main h2").first().textContent()) === "In short", "the first heading is the summary");

  const rows = page.locator("#what-if-table tbody tr");
  check((await rows.count()) === 3, "the what-if table has one row per arm");
  check((await rows.nth(0).locator("td").nth(1).textContent()) === "57 % (53–61 %)", "the baseline's 5-year survival reads with its interval");
  const hostile = await rows.nth(2).locator("th").textContent();
  check(hostile.includes('<script>alert("pwned")</script> & co'), "a hostile arm name is shown as text");
  check((await page.locator("#what-if-table thead th").count()) === 11, "the what-if table has its 11 column headers");
  check((await page.locator("main img, main iframe").count()) === 0, "no element was injected by the data");

  const charts = await page.evaluate(seriesPixels);
  check(charts.length === 13, `13 chart containers (${charts.length})`);
  for (const c of charts) {
    check(c.rendered === "true" && c.counts.length > 0 && c.counts.every((n) => n >= 30),
      `${c.chart} chart drawn, pixels per series: ${c.counts.join(", ")} — ${c.label.slice(0, 60)}…`);
  }
  // Each arm keeps its colour in every chart: the survival curves' colours, one per arm, are
  // the incidence charts' colours and, one by one, the fan charts' colours.
  const kmColours = charts.find((c) => c.chart === "kaplan-meier").colours.split(",");
  check(new Set(kmColours).size === 3, `three arms, three colours (${kmColours})`);
  check(charts.filter((c) => c.chart === "incidence").every((c) => c.colours === kmColours.join(",")), "the incidence charts use the arms' colours");
  const arms = await page.locator("#what-if-table tbody th").evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
  check(charts.filter((c) => c.chart === "fan").every((c) => c.colours === kmColours[arms.indexOf(c.arm)]), "each fan chart has its arm's colour");
  const sizes = await page.$$eval("[data-chart] canvas", (cs) => cs.map((c) => [c.clientWidth, c.clientHeight]));
  check(sizes.every(([w, h]) => w >= 200 && h >= 150), "every canvas has a readable size");
  check((await page.locator("#at-risk-table tbody tr").count()) === 3, "the numbers-at-risk table is under the curves");
  check((await page.locator('a[href="../docs/ODD.md#10-parameters"]').count()) === 1, "the assumptions link the ODD");
  check(/abc1234/.test(await page.textContent("#provenance")), "the provenance footer names the commit");
  check(requests.length === 0, `nothing is fetched from the network (${requests.join(", ")})`);
  check(problems.length === 0, `no script errors or dialogs (${problems.join("; ")})`);

  mkdirSync(dirname(args.screenshot), { recursive: true });
  await page.screenshot({ path: args.screenshot, fullPage: true });
  check(statSync(args.screenshot).size > 50000, `full-page screenshot kept: ${args.screenshot}`);
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: args.pdf, format: "A4", printBackground: false, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
  check(statSync(args.pdf).size > 50000, `printed to PDF: ${args.pdf}`);
  if (args["docs-screenshot"]) {
    await page.emulateMedia({ media: "screen" });
    const top = join(dirname(args.screenshot), "report-top.png");
    await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1200, height: 1500 }, fullPage: true });
    mkdirSync(dirname(args["docs-screenshot"]), { recursive: true });
    copyFileSync(top, args["docs-screenshot"]);
    console.log(`copied the top of the page to ${args["docs-screenshot"]}`);
  }
} catch (e) {
  console.error(e.message);
  failed = true;
} finally {
  if (browser) await browser.close();
}
process.exit(failed ? 1 : 0);

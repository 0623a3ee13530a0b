// Loads the page of `regiosim serve` in headless Chromium, changes a partner's style, runs one
// collaboration and an ensemble, and checks that the charts, the network and the narrative
// appear. Keeps a screenshot. Exits non-zero on the first failed check.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const require = createRequire(join(resolve(args.modules), "noop.js"));
const { chromium } = require("playwright-core");

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok: ${what}`);
}

const server = spawn(args.regiosim, ["serve", "--port", "0", "--scenarios", args.scenarios], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`regiosim serve exited with ${code}: ${out}`)));
});

let browser;
let failed = false;
try {
  browser = await chromium.launch({ executablePath: args.chromium, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
  check((await page.locator("#partners tbody tr").count()) === 20, "the reference region's 20 partners are listed");

  await page.selectOption('select[aria-label="style of makelaar"]', "defensief");
  await page.selectOption("#arm", "covenant_and_team");
  await page.click("#run-button");
  await page.waitForSelector("#narrative li", { timeout: 30000 });
  check((await page.locator("#chart-trust canvas").count()) > 0, "the trust chart is drawn");
  check((await page.locator("#chart-active canvas").count()) > 0, "the active-partner chart is drawn");
  check((await page.locator("#network canvas").count()) > 0, "the network is drawn");
  await page.click("#play-button");
  await page.waitForFunction(() => Number(document.getElementById("month-slider").value) >= 24, null, { timeout: 30000 });
  await page.click("#play-button");
  const narrative = await page.locator("#narrative li").count();
  check(narrative > 0, `the narrative shows ${narrative} events`);
  check(/month \d+/.test(await page.textContent("#month-label")), "the month is shown");

  // The setting travels in the link: the changed style comes back after a reload.
  await page.click("#share-button");
  const link = await page.inputValue("#share-link");
  check(link.includes("#s="), "a share link is made");
  const page2 = await browser.newPage();
  await page2.goto(link);
  await page2.waitForSelector("body[data-ready=true]");
  check((await page2.inputValue('select[aria-label="style of makelaar"]')) === "defensief", "the link restores the changed style");
  await page2.close();

  await page.click('.tabs button[data-tab="ensemble"]');
  await page.fill("#replications", "50");
  await page.click("#ensemble-button");
  await page.waitForSelector("#whatif table tbody tr", { timeout: 120000 });
  check((await page.locator("#whatif table tbody tr").count()) === 12, "the what-if table has the baseline and 11 arms");
  check((await page.locator("#km canvas").count()) > 0, "the Kaplan–Meier chart is drawn");
  check(problems.length === 0, `no script errors (${problems.join("; ")})`);

  await page.click('.tabs button[data-tab="single"]');
  await page.screenshot({ path: args.screenshot, fullPage: true });
  console.log(`screenshot: ${args.screenshot}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await browser?.close();
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);

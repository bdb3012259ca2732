// Drives the /live page in Debian's Chromium with playwright-core, for LivePageTest (JUnit), which owns the
// server: it prints one line per step on stdout and, at RESTART, waits for the test to restart the server and
// answer RESTARTED on stdin. Exits 1 with the reason on the first failed step.
//
//   node test/live-page.mjs http://127.0.0.1:PORT SCREENSHOT.png
import { chromium } from "playwright-core";
import { createInterface } from "node:readline";

const [base, screenshot] = process.argv.slice(2);
const STEP_TIMEOUT = 60_000;
const stdin = createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();

function say(line) {
  process.stdout.write(line + "\n");
}

async function sequenceNumbers(page) {
  return page.$$eval("#prices tbody tr", (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.product, Number(row.cells[4].textContent || "0")])));
}

async function waitForAChange(page, before) {
  await page.waitForFunction(
    (seen) => [...document.querySelectorAll("#prices tbody tr")].some(
      (row) => Number(row.cells[4].textContent || "0") > (seen[row.dataset.product] ?? 0)),
    before, { timeout: STEP_TIMEOUT, polling: 200 });
}

async function cpu(page, products, seconds) {
  await page.goto(`${base}/live?products=${products.join(",")}`);
  await page.waitForSelector('#state[data-state="live"]', { timeout: STEP_TIMEOUT });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metric = async () => Object.fromEntries(
    (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const start = await metric();
  await page.waitForTimeout(seconds * 1000);
  const end = await metric();
  const share = (name) => (((end[name] - start[name]) / (end.Timestamp - start.Timestamp)) * 100).toFixed(1);
  const rate = await page.textContent("#rate");
  say(`CPU products=${products.length} task=${share("TaskDuration")}% script=${share("ScriptDuration")}%`
    + ` layout=${share("LayoutDuration")}% rate=${rate}`);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 760 } });
  page.on("console", (message) => {
    if (message.type() === "error") {
      say(`CONSOLE ${message.text()}`);
    }
  });

  await page.goto(`${base}/live?products=P00001,P00002,P00003,P00004,P00005,P00006`);
  await page.waitForSelector('#state[data-state="live"]', { timeout: STEP_TIMEOUT });
  await waitForAChange(page, await sequenceNumbers(page));
  say("PRICES_CHANGE");

  say("RESTART");
  const answer = await lines.next();
  if (answer.value !== "RESTARTED") {
    throw new Error(`expected RESTARTED from the test, got ${answer.value}`);
  }
  await page.waitForSelector('#state[data-state="live"]', { timeout: STEP_TIMEOUT });
  await page.waitForFunction(() => document.querySelector("#reconnects").textContent === "reconnects: 1",
    null, { timeout: STEP_TIMEOUT });
  const resyncs = await page.textContent("#resyncs");
  if (resyncs !== "resyncs: 1") {
    throw new Error(`a restarted server is a new incarnation: expected "resyncs: 1", saw "${resyncs}"`);
  }
  await waitForAChange(page, await sequenceNumbers(page));
  say("RESUMED");
  if (screenshot) {
    await page.screenshot({ path: screenshot });
    say("SCREENSHOT");
  }

  await page.goto(`${base}/live?products=P00001,NOPE99`);
  await page.waitForSelector('#state[data-state="failed"]', { timeout: STEP_TIMEOUT });
  const error = await page.textContent("#error");
  if (!error.includes("NOT_FOUND") || !error.includes("NOPE99")) {
    throw new Error(`expected the unknown product's NOT_FOUND, saw "${error}"`);
  }
  say(`ERROR_SHOWN ${error}`);

  // The tab's CPU at the server's market rate: a typical watchlist, then 500 products (as many as a URL
  // of ids holds: Armeria refuses request lines over 4 KiB).
  const products = (count) => Array.from({ length: count }, (_, i) => `P${String(i + 1).padStart(5, "0")}`);
  await cpu(page, products(100), 10);
  await cpu(page, products(500), 10);
  say("DONE");
} catch (e) {
  say(`FAIL ${e.message.split("\n")[0]}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  stdin.close();
}

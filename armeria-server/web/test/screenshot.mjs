// Takes docs/screenshots/live.png: the /live page of a running server after some seconds of live prices.
//
//   armeria-server/bin/tickscope-server --port 18080 --tick-rate 20000 &
//   node armeria-server/web/test/screenshot.mjs http://127.0.0.1:18080 docs/screenshots/live.png 45
import { chromium } from "playwright-core";

const [base, output, seconds = "45"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 760 } });
  await page.goto(`${base}/live?products=P00001,P00002,P00003,P00004,P00005,P00006,P00007,P00008&currency=EUR`);
  await page.waitForSelector('#state[data-state="live"]', { timeout: 60_000 });
  await page.waitForTimeout(Number(seconds) * 1000);
  await page.screenshot({ path: output });
} finally {
  await browser.close();
}

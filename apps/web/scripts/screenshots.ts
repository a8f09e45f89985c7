// bun run screenshots — starts the app on a fresh embedded database, sends the simulated attack (and one
// malformed event, so the incidents page has an incident), and writes
// each main page at 375 px and 1280 px, light and dark, to docs/screenshots/<page>-<width>-<theme>.png.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium, startApp } from "../e2e/app-under-test";
import { clickHydrated, sendPoisonEvent, sendSimulatedTraffic, signedIn } from "../e2e/merchant-browser";

const OUT = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
const WIDTHS = [375, 1280] as const;
const THEMES = ["light", "dark"] as const;

mkdirSync(OUT, { recursive: true });

/** As a merchant would after an attack: block a blocked payment's customer, which fills the block lists. */
async function blockOneCustomer() {
  const { context, page } = await signedIn(browser, app.url);
  await page.goto(`${app.url}/detections?decision=BLOCK`);
  await page.locator("table tbody a").first().click();
  await clickHydrated(page.getByRole("button", { name: "Block this customer" }));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByText("Done.").waitFor({ timeout: 60_000 });
  await context.close();
}

const app = await startApp();
const browser = await launchChromium();
try {
  await sendSimulatedTraffic(app.url);
  await sendPoisonEvent(app.url);
  await blockOneCustomer();
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const { context, page } = await signedIn(browser, app.url, {
        width,
        height: width === 375 ? 812 : 900,
        theme,
      });
      const firstLink = async (path: string) => {
        await page.goto(`${app.url}${path}`);
        return (await page.locator("table tbody a").first().getAttribute("href")) ?? path;
      };
      const pages: [string, string][] = [
        ["home", "/"],
        ["onboarding", "/onboarding"],
        ["detections", "/detections"],
        ["detection", await firstLink("/detections?decision=BLOCK")],
        ["review", "/review"],
        ["rules", "/rules"],
        ["customers", "/customers"],
        ["customer", await firstLink("/customers")],
        ["list", await firstLink("/lists")],
        ["incidents", "/incidents"],
        ["ai", "/ai"],
        ["inbox", "/ai/inbox"],
        ["settings", "/settings"],
      ];
      for (const [name, path] of pages) {
        await page.goto(`${app.url}${path}`);
        // The home page's live feed says "Live" once its stream is open; other pages are static.
        if (name === "home") await page.getByText("Live", { exact: true }).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: `${OUT}${name}-${width}-${theme}.png`, fullPage: width === 375 });
        console.log(`${name}-${width}-${theme}.png`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await app.stop();
}

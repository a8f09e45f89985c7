import { signStripePayload } from "@orylo/testkit";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO, WEBHOOK_SECRET } from "./app-under-test";

/** A browser context signed in as the demo merchant, in the given theme and viewport. */
export async function signedIn(
  browser: Browser,
  url: string,
  { width = 1280, height = 900, theme = "light" as "light" | "dark" } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
  await context.addCookies([{ name: "orylo-theme", value: theme, url }]);
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${url}/`, { timeout: 120_000 });
  return { context, page };
}

/** What `bun run simulate` sends: ordinary shoppers then a card-testing burst, signed like Stripe. */
export async function sendSimulatedTraffic(
  url: string,
  { shoppers = 20, burstCards = 25 } = {},
): Promise<number> {
  const events = simulatedTraffic({ seed: 42, end: new Date(), shoppers, burstCards });
  for (const { event } of events) {
    const payload = JSON.stringify(event);
    const response = await fetch(`${url}/api/webhooks/stripe`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signStripePayload(payload, WEBHOOK_SECRET),
      },
      body: payload,
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  }
  return events.length;
}

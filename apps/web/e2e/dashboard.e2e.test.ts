import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startApp } from "./app-under-test";
import {
  clickHydrated,
  demoEndpointOf,
  fillSettled,
  measureSettled,
  sendSimulatedTraffic,
  signedIn,
  signedUp,
} from "./merchant-browser";

// The merchant's path through an attack, in Debian's Chromium against the real app (next dev, embedded):
// sign up → onboarding with demo data and a test event → the attack arrives live → open a blocked payment →
// block its customer → write a rule and backtest it before saving → every page on a 375 px phone.

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a merchant during a card-testing attack", () => {
  it("signs up, starts with demo data, watches the attack arrive, understands a block, acts, writes a rule", async () => {
    const { context, page } = await signedUp(browser, app.url);
    await clickHydrated(page.getByRole("button", { name: "Start with demo data" }));
    await page.getByTestId("demo-command").waitFor({ timeout: 60_000 });
    const demo = await demoEndpointOf(page);
    // `next dev` compiles the webhook route on its first request, which can outlast the check's 15 s timeout
    // on a busy machine: an unsigned request compiles it (and is refused) first.
    const warmUp = await fetch(`${app.url}/api/webhooks/stripe/${demo.endpoint}`, {
      method: "POST",
      body: "{}",
    });
    expect(warmUp.status).toBe(400);
    await clickHydrated(page.getByRole("button", { name: "Send a test event" }));
    await expect
      .poll(() => page.getByTestId("test-event-result").textContent(), { timeout: 60_000 })
      .toContain("Received and verified: status processed");

    await page.getByRole("link", { name: "Go to the dashboard" }).click();
    await page.waitForURL(`${app.url}/`);
    const feed = page.getByTestId("live-feed");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Live" }).count(), { timeout: 60_000 })
      .toBe(1);

    await sendSimulatedTraffic(app.url, demo);
    await expect.poll(() => feed.getByText("Blocked").count(), { timeout: 60_000 }).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId("burst-banner").count(), { timeout: 60_000 }).toBe(1);

    await feed.getByRole("listitem").filter({ hasText: "Blocked" }).first().getByRole("link").click();
    await page.waitForURL(/\/detections\/det_/);
    await expect
      .poll(() => page.getByTestId("explanation").textContent(), { timeout: 60_000 })
      .toContain("blocked");
    // No LLM key in the e2e: the explanation says it was written from templates.
    expect(await page.getByTestId("explanation-source").textContent()).toContain("Written from templates");
    await clickHydrated(page.getByRole("button", { name: "Block this customer" }));
    await page.getByRole("button", { name: "Confirm" }).click();
    // "Done." once the lists hold the payer (Undo appears only when the action added something new).
    await expect.poll(() => page.getByText("Done.").count(), { timeout: 30_000 }).toBe(1);

    await page.goto(`${app.url}/rules`);
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    const editor = page.getByLabel("Rule", { exact: true });
    await fillSettled(editor, "Block if :card_count_for_ip_address_hourly: >= 3");
    await clickHydrated(page.getByRole("button", { name: "Backtest" }));
    // The summary, or the error the action answered instead, so a failure says why.
    await expect
      .poll(() => page.locator('[data-testid="backtest"], .alert.danger').first().textContent(), {
        timeout: 60_000,
      })
      .toContain("Would block");
    await clickHydrated(page.getByRole("button", { name: "Save" }));
    await page.waitForURL(/\/rules\/rule_/, { timeout: 60_000 });

    await fillSettled(editor, "Block if :card_count_for_ip_adress_hourly: >= 3");
    await expect
      .poll(() => page.getByTestId("rule-error").textContent(), { timeout: 30_000 })
      .toMatch(/Line 1, column \d+/);
    await context.close();
  }, 600_000);

  it("works on a 375 px phone: nothing wider than the screen", async () => {
    const { context, page } = await signedIn(browser, app.url, { width: 375, height: 800 });
    for (const path of [
      "/",
      "/detections",
      "/review",
      "/rules",
      "/customers",
      "/lists",
      "/incidents",
      "/ai",
      "/ai/inbox",
      "/settings",
      "/onboarding",
    ]) {
      await page.goto(`${app.url}${path}`);
      const width = await measureSettled(page, () => document.documentElement.scrollWidth);
      expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(375);
    }
    await context.close();
  }, 300_000);

  it("serves the security headers on pages and API responses", async () => {
    for (const path of ["/sign-in", "/api/health"]) {
      const response = await fetch(new URL(path, app.url));
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    }
  });
});

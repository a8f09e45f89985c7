import { deliverStripeEvent } from "@orylo/testkit";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO, WEBHOOK_SECRET } from "./app-under-test";

/**
 * A browser context whose navigations may take as long as a cold `next dev` compiling the page on a loaded
 * machine (well past Playwright's 30 s default): a page's first visit compiles it.
 */
async function newMerchantContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0],
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultNavigationTimeout(180_000);
  return context;
}

/**
 * A browser context signed in as the demo merchant, in the given theme and viewport. A cold `next dev`
 * reloads the page when its compiles finish: the form is filled once the page has settled.
 */
export async function signedIn(
  browser: Browser,
  url: string,
  { width = 1280, height = 900, theme = "light" as "light" | "dark" } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newMerchantContext(browser, { viewport: { width, height }, colorScheme: theme });
  await context.addCookies([{ name: "orylo-theme", value: theme, url }]);
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.waitForLoadState("networkidle", { timeout: 120_000 });
  // A server-action form: it submits natively before hydration too, so only the fields must have settled.
  await fillSettled(page.getByLabel("Email"), DEMO.email);
  await fillSettled(page.getByLabel("Password"), DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${url}/`, { timeout: 120_000 });
  return { context, page };
}

/** A new merchant signing up: lands on the onboarding page. */
export async function signedUp(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newMerchantContext(browser, {
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
  });
  const page = await context.newPage();
  await page.goto(`${url}/sign-up`);
  // As for sign-in: fill the form once the cold dev server's reloads have settled.
  await page.waitForLoadState("networkidle", { timeout: 120_000 });
  await fillSettled(page.getByLabel("Your name"), "Ana");
  await fillSettled(page.getByLabel("Email"), `ana-${crypto.randomUUID().slice(0, 8)}@example.test`);
  await fillSettled(page.getByLabel("Password"), "correct horse battery staple");
  await fillSettled(page.getByLabel("Shop name"), "Ana's shop");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${url}/onboarding`, { timeout: 180_000 });
  return { context, page };
}

/**
 * Fills a field of a page that a cold `next dev` may still be hydrating or reloading, where a fill can land
 * beside the server-rendered text instead of replacing it: filled again until the field holds the value.
 */
export async function fillSettled(field: Locator, value: string): Promise<void> {
  await until("the field holds its value", async () => {
    if ((await field.inputValue()) !== value) await field.fill(value);
    return (await field.inputValue()) === value;
  });
}

/**
 * The element once React has hydrated it (React keeps its props on hydrated DOM nodes): before that, a click
 * on a server-rendered button with a click handler reaches no handler and is lost.
 */
export async function hydrated(element: Locator): Promise<Locator> {
  await until(
    "React hydrated the element",
    () =>
      element
        .evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps$")), undefined, {
          timeout: 5_000,
        })
        .catch(() => false),
    180_000,
  );
  return element;
}

/** Clicks a button once it is hydrated (see `hydrated`). */
export async function clickHydrated(element: Locator): Promise<void> {
  await (await hydrated(element)).click();
}

/**
 * What `fn` measures in the page, retried when a `next dev` reload destroys the page's context meanwhile
 * (measuring the reloaded page instead).
 */
export async function measureSettled<T>(page: Page, fn: () => T): Promise<T> {
  let value: T | undefined;
  await until("the page answered", async () => {
    value = await page.evaluate(fn).catch(() => undefined);
    return value !== undefined;
  });
  return value as T;
}

/**
 * Calls `attempt` until it answers true, every 100 ms as `expect.poll` does, or throws naming `what`. Not
 * vitest's poll: `bun run screenshots` shares these helpers outside a test run.
 */
async function until(what: string, attempt: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await attempt())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The demo endpoint and secret onboarding shows in its `bun run simulate` command. */
export async function demoEndpointOf(page: Page): Promise<{ endpoint: string; secret: string }> {
  const command = (await page.getByTestId("demo-command").textContent()) ?? "";
  const endpoint = /--endpoint (\S+)/.exec(command)?.[1];
  const secret = /--secret (\S+)/.exec(command)?.[1];
  if (!endpoint || !secret) throw new Error(`no demo endpoint in: ${command}`);
  return { endpoint, secret };
}

/**
 * What `bun run simulate` sends: ordinary shoppers then a card-testing burst, signed like Stripe; to the
 * platform endpoint, or to an organization's own (`endpoint` with its `secret`).
 */
export async function sendSimulatedTraffic(
  url: string,
  { shoppers = 20, burstCards = 25, endpoint = "", secret = WEBHOOK_SECRET } = {},
): Promise<number> {
  const events = simulatedTraffic({ seed: 42, end: new Date(), shoppers, burstCards });
  for (const { event } of events) {
    const webhook = `${url}/api/webhooks/stripe${endpoint ? `/${endpoint}` : ""}`;
    const response = await deliverStripeEvent(webhook, JSON.stringify(event), secret);
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  }
  return events.length;
}

/** A signed event whose charge is malformed: dead-lettered, it raises an incident (an alert). */
export async function sendPoisonEvent(url: string): Promise<void> {
  const payload = JSON.stringify({
    id: `evt_poison_${crypto.randomUUID().slice(0, 8)}`,
    object: "event",
    type: "charge.succeeded",
    livemode: false,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: "ch_malformed", object: "charge", amount: "lots", currency: "eur" } },
  });
  const response = await deliverStripeEvent(`${url}/api/webhooks/stripe`, payload, WEBHOOK_SECRET);
  const receipt = (await response.json()) as { status?: string };
  if (receipt.status !== "dead") throw new Error(`the malformed event was ${receipt.status}, not dead`);
}

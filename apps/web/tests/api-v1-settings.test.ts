import { detectionExplanations, taskOutbox } from "@orylo/db";
import type { SimulatedPayment } from "@orylo/testkit/scenarios";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as backtestRoute } from "@/app/api/v1/rules/backtest/route";
import { POST as createRule } from "@/app/api/v1/rules/route";
import { GET as getSettings, PATCH as patchSettings } from "@/app/api/v1/settings/route";
import type { Runtime } from "@/server/runtime";
import { sendCharge } from "./send-charge";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

type Shop = TestMerchant;
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});
const newShop = (): Promise<Shop> => createTestMerchant(runtime.database.db);

async function call(handler: Handler, method: string, path: string, apiKey: string | null, body?: unknown) {
  const headers = new Headers({ "content-type": "application/json" });
  if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({} as never) });
  return { status: response.status, body: await response.json() };
}

const settingsOf = (shop: Shop) => call(getSettings, "GET", "/api/v1/settings", shop.apiKey);
const patch = (shop: Shop, body: unknown) =>
  call(patchSettings, "PATCH", "/api/v1/settings", shop.apiKey, body);

async function changeSettings(shop: Shop, body: unknown) {
  const { status, body: saved } = await patch(shop, body);
  expect(status, JSON.stringify(saved)).toBe(200);
  return saved;
}

async function addRule(shop: Shop, text: string) {
  const { status, body } = await call(createRule, "POST", "/api/v1/rules", shop.apiKey, { text });
  expect(status, JSON.stringify(body)).toBe(201);
}

const pay = (shop: Shop, seed: number, payment: Partial<SimulatedPayment> = {}) =>
  sendCharge(shop.account, seed, payment);

/** Radar's `elevated` risk level: a score between the default thresholds (REVIEW). */
const elevated: Partial<SimulatedPayment> = { outcome: { kind: "authorized", riskScore: 70 } };

describe("GET /api/v1/settings", () => {
  it("answers the defaults of a new organization", async () => {
    const shop = await newShop();
    expect(await settingsOf(shop)).toEqual({
      status: 200,
      body: {
        blockThreshold: 80,
        reviewThreshold: 20,
        timeZone: "UTC",
        reportingCurrency: "eur",
        locale: "en",
        scoreTestMode: true,
        actions: {
          cancelOnBlock: false,
          refundOnBlock: false,
          closeReviews: false,
          refundEarlyFraudWarnings: false,
          mirrorRadarLists: false,
          disputeFee: 2000,
          disputeFeeCurrency: "eur",
        },
        aiMonthlyBudgetUsd: 20,
        retentionDays: 90,
      },
    });
  });

  it("needs an API key", async () => {
    const { status, body } = await call(getSettings, "GET", "/api/v1/settings", null);
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthorized");
  });
});

describe("PATCH /api/v1/settings", () => {
  it("changes only the given fields, normalized, and only for the caller's organization", async () => {
    const shop = await newShop();
    const neighbour = await newShop();
    const saved = await changeSettings(shop, { reportingCurrency: "USD", locale: "fr-fr" });
    expect(saved).toMatchObject({ reportingCurrency: "usd", locale: "fr-FR", blockThreshold: 80 });
    expect((await changeSettings(shop, { reviewThreshold: 30 })).reportingCurrency).toBe("usd");
    expect((await settingsOf(shop)).body).toMatchObject({ reviewThreshold: 30, locale: "fr-FR" });
    expect((await settingsOf(neighbour)).body).toMatchObject({ reviewThreshold: 20, locale: "en" });
  });

  it("switches automatic actions one at a time and keeps the others", async () => {
    const shop = await newShop();
    await changeSettings(shop, { actions: { cancelOnBlock: true, disputeFeeCurrency: "USD" } });
    const saved = await changeSettings(shop, {
      actions: { refundOnBlock: true },
      aiMonthlyBudgetUsd: 5,
      retentionDays: 180,
    });
    expect(saved).toMatchObject({
      actions: { cancelOnBlock: true, refundOnBlock: true, closeReviews: false, disputeFeeCurrency: "usd" },
      aiMonthlyBudgetUsd: 5,
      retentionDays: 180,
    });
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ reportingCurrency: "xyz" }, "reportingCurrency"],
    [{ locale: "not a locale" }, "locale"],
    [{ blockThreshold: 0 }, "blockThreshold"],
    [{ reviewThreshold: 101 }, "reviewThreshold"],
    [{ reviewThreshold: 90 }, "reviewThreshold"],
    [{ scoreTestMode: "yes" }, "scoreTestMode"],
    [{ riskAppetite: "high" }, "riskAppetite"],
    [{ actions: { cancelOnBlock: "yes" } }, "cancelOnBlock"],
    [{ actions: { autopilot: true } }, "autopilot"],
    [{ actions: { disputeFeeCurrency: "xyz" } }, "disputeFeeCurrency"],
    [{ aiMonthlyBudgetUsd: -1 }, "aiMonthlyBudgetUsd"],
    [{ retentionDays: 7 }, "retentionDays"],
  ])("rejects %j with a 400 naming %s", async (change, field) => {
    const shop = await newShop();
    const { status, body } = await patch(shop, change);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(JSON.stringify(body.error)).toContain(field);
    expect((await settingsOf(shop)).body.reviewThreshold).toBe(20);
  });

  it("is in the OpenAPI document", async () => {
    const response = await getOpenApi();
    const document = await response.json();
    expect(Object.keys(document.paths["/api/v1/settings"])).toEqual(["get", "patch"]);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Settings", "UpdateSettingsInput"]),
    );
  });
});

// ARCHITECTURE §9: every setting changes what the organization gets. Each case sends the same payment to a
// shop on the defaults and to one with the setting changed.
describe("each setting changes a decision", () => {
  it("blockThreshold: a score at the lowered threshold is BLOCK", async () => {
    const [before, after] = [await newShop(), await newShop()];
    const reference = await pay(before, 11, elevated);
    expect(reference.detection?.decision).toBe("REVIEW");
    await changeSettings(after, { blockThreshold: reference.detection!.riskScore });
    expect((await pay(after, 11, elevated)).detection?.decision).toBe("BLOCK");
  });

  it("reviewThreshold: a score under the raised threshold is ALLOW", async () => {
    const [before, after] = [await newShop(), await newShop()];
    const reference = await pay(before, 12, elevated);
    expect(reference.detection?.decision).toBe("REVIEW");
    await changeSettings(after, { reviewThreshold: reference.detection!.riskScore + 1 });
    expect((await pay(after, 12, elevated)).detection?.decision).toBe("ALLOW");
  });

  it("timeZone: `:local_hour:` reads the organization's clock", async () => {
    const [before, after] = [await newShop(), await newShop()];
    const at = new Date();
    const utcHour = at.getUTCHours();
    // Tokyo is UTC+9 all year: a rule on the UTC hour stops matching there.
    for (const shop of [before, after]) await addRule(shop, `Review if :local_hour: = ${utcHour}`);
    await changeSettings(after, { timeZone: "Asia/Tokyo" });
    expect((await pay(before, 13, { at })).detection?.decision).toBe("REVIEW");
    expect((await pay(after, 13, { at })).detection?.decision).toBe("ALLOW");
  });

  it("scoreTestMode: off, a test-mode payment is ignored and not scored", async () => {
    const [before, after] = [await newShop(), await newShop()];
    await changeSettings(after, { scoreTestMode: false });
    expect(await pay(before, 14)).toMatchObject({ status: "processed", detection: { decision: "ALLOW" } });
    expect(await pay(after, 14)).toMatchObject({ status: "ignored", detection: null });
  });

  it("locale: the explanation of a decision is written in the organization's language", async () => {
    const [before, after] = [await newShop(), await newShop()];
    await changeSettings(after, { locale: "fr-CA" });
    const languages = [];
    for (const shop of [before, after]) {
      const { detection } = await pay(shop, 15);
      const [explanation] = await runtime.database.db
        .select({ language: detectionExplanations.language })
        .from(detectionExplanations)
        .where(eq(detectionExplanations.detectionId, detection!.id));
      languages.push(explanation?.language);
    }
    expect(languages).toEqual(["en", "fr"]);
  });

  it("actions.refundOnBlock: a blocked, captured payment gets a refund queued", async () => {
    const [before, after] = [await newShop(), await newShop()];
    await changeSettings(after, { actions: { refundOnBlock: true } });
    const queued = [];
    for (const shop of [before, after]) {
      await changeSettings(shop, { blockThreshold: 20, reviewThreshold: 20 });
      const { detection } = await pay(shop, 17, elevated);
      expect(detection?.decision).toBe("BLOCK");
      const rows = await runtime.database.db
        .select({ payload: taskOutbox.payload })
        .from(taskOutbox)
        .where(and(eq(taskOutbox.taskId, "detection.act"), eq(taskOutbox.organizationId, shop.id)));
      queued.push(rows.map((row) => row.payload));
    }
    expect(queued).toEqual([[], [expect.objectContaining({ trigger: "block" })]]);
  });

  it("reportingCurrency: a backtest sums its amounts in it", async () => {
    const [before, after] = [await newShop(), await newShop()];
    await changeSettings(after, { reportingCurrency: "usd" });
    const totals = [];
    for (const shop of [before, after]) {
      await pay(shop, 16, { at: new Date(Date.now() - 86_400_000) });
      const { status, body } = await call(backtestRoute, "POST", "/api/v1/rules/backtest", shop.apiKey, {
        rules: ["Block if :amount_in_eur: > 10"],
        from: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      });
      expect(status, JSON.stringify(body)).toBe(200);
      totals.push(body.inReportingCurrency);
    }
    expect(totals[0]).toMatchObject({ currency: "eur", blocked: { amount: 42, unconverted: [] } });
    // 42 EUR at the committed rates (0.92 EUR per USD).
    expect(totals[1]).toMatchObject({ currency: "usd", blocked: { amount: 45.65, unconverted: [] } });
  });
});

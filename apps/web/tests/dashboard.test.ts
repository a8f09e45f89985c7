import {
  detectBurst,
  feedCursorAt,
  getDashboardStats,
  getDetection,
  listDetectionsPage,
  type OrgCtx,
  withOrganization,
} from "@orylo/core";
import { convert } from "@orylo/engine";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { blockSource, labelPayment } from "@/app/(dashboard)/detections/[id]/actions";
import { backtestRuleText, saveRule, validateRuleText } from "@/app/(dashboard)/rules/actions";
import { saveSettings } from "@/app/(dashboard)/settings/actions";
import { GET as feed } from "@/app/api/dashboard/feed/route";
import { FEED_CAP_PER_ORGANIZATION } from "@/server/dashboard/feed-slots";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
let shop: TestMerchant;
let quiet: TestMerchant;
let ctx: OrgCtx;
let sent: { decision: string; id: string }[];
let startCursor: string;

const orgCtx = (organizationId: string): OrgCtx =>
  withOrganization(
    {
      db: runtime.database.db,
      actor: { type: "system", task: "test" },
      requestId: "t",
      logger: runtime.logger,
      now: () => new Date(),
      analytics: runtime.analytics,
    },
    organizationId,
  );

beforeAll(async () => {
  runtime = await bootTestRuntime();
  shop = await createTestMerchant(runtime.database.db);
  quiet = await createTestMerchant(runtime.database.db);
  ctx = orgCtx(shop.id);
  startCursor = feedCursorAt(new Date(Date.now() - 1000));
  sent = [];
  for (const { event } of simulatedTraffic({ seed: 7, end: new Date(), shoppers: 8, burstCards: 20 })) {
    const { body } = await sendWebhook({ ...event, account: shop.account }, { secret: CONNECT_SECRET });
    const detection = body.detection as { id: string; decision: string } | undefined;
    if (detection) sent.push(detection);
  }
}, 60_000);

/** Reads a live feed response until `count` detections arrived (or a second passed), then hangs up. */
async function readFeed(response: Response, abort: AbortController, count: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && (text.match(/event: detection/g) ?? []).length < count) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), 200)),
    ]);
    if (chunk?.done) break;
    if (chunk) text += decoder.decode(chunk.value);
  }
  abort.abort();
  await reader.cancel();
  return [...text.matchAll(/id: (\S+)\nevent: detection\ndata: (.+)\n/g)].map((match) => ({
    cursor: match[1],
    ...(JSON.parse(match[2] ?? "{}") as { id: string }),
  }));
}

function openFeed(cookie: string, { after, lastEventId }: { after?: string; lastEventId?: string }) {
  const abort = new AbortController();
  const headers = new Headers({ cookie });
  if (lastEventId) headers.set("last-event-id", lastEventId);
  const url = `http://localhost/api/dashboard/feed${after ? `?after=${after}` : ""}`;
  return {
    abort,
    response: feed(new Request(url, { headers, signal: abort.signal }), { params: Promise.resolve({}) }),
  };
}

describe("home numbers", () => {
  it("counts today's decisions and the blocked amount in the reporting currency", async () => {
    const stats = await getDashboardStats(ctx);
    expect(stats.days).toHaveLength(30);
    expect(stats.today.total).toBe(sent.length);
    const blocked = sent.filter((d) => d.decision === "BLOCK");
    expect(stats.today.byDecision.BLOCK).toBe(blocked.length);
    let expected = 0;
    for (const { id } of blocked) {
      const { payment } = await getDetection(ctx, id);
      expected += convert(payment?.amount ?? 0, payment?.currency ?? "eur", stats.reportingCurrency);
    }
    expect(stats.today.blockedAmount).toBeCloseTo(expected, 2);
    expect(stats.last30Days.total).toBe(stats.today.total);
    expect(stats.days.at(-1)?.byDecision.BLOCK).toBe(blocked.length);
  });

  it("raises the burst banner for the attacked shop only", async () => {
    expect(sent.filter((d) => d.decision === "BLOCK").length).toBeGreaterThanOrEqual(10);
    expect(await detectBurst(ctx)).toMatchObject({ blocked: expect.any(Number) });
    expect(await detectBurst(orgCtx(quiet.id))).toBeNull();
  });
});

describe("detections filters", () => {
  it("filters by detector, label, mode and amount on the server", async () => {
    const byDetector = await listDetectionsPage(ctx, { detector: "card_testing", limit: 100 });
    expect(byDetector.data.length).toBeGreaterThan(0);
    for (const item of byDetector.data) {
      const detail = await getDetection(ctx, item.id);
      expect(detail.contributions.find((c) => c.detector === "card_testing")?.status).toBe("hit");
    }
    const all = await listDetectionsPage(ctx, { limit: 100 });
    const small = await listDetectionsPage(ctx, { maxAmount: 300, limit: 100 });
    expect(small.data.every((item) => (item.amount ?? 0) <= 300)).toBe(true);
    expect(small.data.length).toBeLessThan(all.data.length);
    const test = await listDetectionsPage(ctx, { mode: "test", limit: 100 });
    const live = await listDetectionsPage(ctx, { mode: "live", limit: 100 });
    expect(test.data.length + live.data.length).toBe(all.data.length);
    expect((await listDetectionsPage(ctx, { label: "none", limit: 100 })).data).toHaveLength(all.data.length);
  });
});

describe("live feed (SSE over polling)", () => {
  it("streams the shop's detections past the cursor and resumes after Last-Event-ID", async () => {
    const owner = await createMemberSession(runtime, shop.id, "viewer");
    const first = openFeed(owner.cookie, { after: startCursor });
    const response = await first.response;
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const items = await readFeed(response, first.abort, sent.length);
    expect(items.map((item) => item.id)).toEqual(sent.map((d) => d.id));

    const resumed = openFeed(owner.cookie, { lastEventId: items[2]?.cursor });
    const rest = await readFeed(await resumed.response, resumed.abort, sent.length - 3);
    expect(rest.map((item) => item.id)).toEqual(sent.slice(3).map((d) => d.id));
  });

  it("shows another organization nothing of the shop's", async () => {
    const stranger = await createMemberSession(runtime, quiet.id, "owner");
    const { abort, response } = openFeed(stranger.cookie, { after: startCursor });
    expect(await readFeed(await response, abort, 1)).toEqual([]);
  });

  it("caps the open feeds per organization", async () => {
    const member = await createMemberSession(runtime, quiet.id, "analyst");
    const open = await Promise.all(
      Array.from({ length: FEED_CAP_PER_ORGANIZATION }, async () => {
        const { abort, response } = openFeed(member.cookie, {});
        return { abort, response: await response };
      }),
    );
    expect(open.every(({ response }) => response.status === 200)).toBe(true);
    const refused = await openFeed(member.cookie, {}).response;
    expect(refused.status).toBe(429);
    for (const { abort, response } of open) {
      abort.abort();
      await response.body?.cancel();
    }
    const again = openFeed(member.cookie, {});
    expect((await again.response).status).toBe(200);
    again.abort.abort();
  });
});

describe("roles", () => {
  it("lets a viewer read but not act, an analyst act but not change rules, an admin change rules", async () => {
    const detectionId = sent[0]?.id ?? "";
    actAs(await createMemberSession(runtime, shop.id, "viewer"));
    expect(await blockSource({ detectionId })).toMatchObject({
      ok: false,
      status: 403,
      error: { code: "forbidden" },
    });
    const { payment } = await getDetection(ctx, detectionId);
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(
      await labelPayment({
        transactionId: payment?.chargeId ?? "",
        label: { kind: "legitimate", reason: "known" },
      }),
    ).toMatchObject({ ok: true });
    expect(await saveRule({ text: "Block if :amount_in_eur: > 5000", mode: "shadow" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await saveSettings({ blockThreshold: 90 })).toMatchObject({ ok: false, status: 403 });
    actAs(await createMemberSession(runtime, shop.id, "admin"));
    expect(await saveSettings({ blockThreshold: 90 })).toMatchObject({
      ok: true,
      data: { blockThreshold: 90 },
    });
    expect(await saveRule({ text: "Block if :amount_in_eur: > 5000", mode: "shadow" })).toMatchObject({
      ok: true,
    });
  });
});

describe("rule editor actions", () => {
  it("reports a compile error at its line and column, and backtests a text before it is saved", async () => {
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    const invalid = await validateRuleText({ text: "Block if\n  :card_count_for_ip_adress_hourly: >= 3" });
    expect(invalid).toMatchObject({
      ok: true,
      data: { valid: false, errors: [{ code: "unknown_attribute", line: 2, column: 3 }] },
    });
    const backtest = await backtestRuleText({ text: "Block if :card_count_for_ip_address_hourly: >= 3" });
    if (!backtest.ok) throw new Error(backtest.error.message);
    expect(backtest.data.payments).toBe(sent.length);
    expect(backtest.data.candidate.decisions.BLOCK.count).toBeGreaterThan(0);
  });
});

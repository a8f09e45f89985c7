import { raiseAlert, withOrganization } from "@orylo/core";
import { alerts } from "@orylo/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAlerts } from "@/app/api/v1/alerts/route";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

async function get(shop: TestMerchant, query = "") {
  const response = await listAlerts(
    new Request(`http://localhost/api/v1/alerts${query}`, {
      headers: { authorization: `Bearer ${shop.apiKey}` },
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
}

function raise(shop: TestMerchant, key: string, severity: "info" | "warning" | "critical" = "warning") {
  const ctx = withOrganization(
    { ...requestContext(runtime), actor: { type: "system", task: "test" } },
    shop.id,
  );
  return raiseAlert(ctx, {
    kind: "webhooks.silence",
    severity,
    dedupeKey: key,
    title: `No events (${key})`,
    body: "Stripe has sent nothing for an unusual time.",
  });
}

describe("GET /api/v1/alerts", () => {
  it("lists the organization's incidents newest first, by pages, with open and resolved counts", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    const first = await raise(shop, "a");
    await raise(shop, "a"); // a repeat counts, it is not a second incident
    const second = await raise(shop, "b", "critical");
    const third = await raise(shop, "c");
    // An incident last seen two days ago is over, though its row is closed only at its next occurrence.
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    await runtime.database.db
      .update(alerts)
      .set({ firstSeenAt: twoDaysAgo, lastSeenAt: twoDaysAgo })
      .where(eq(alerts.id, first.id));

    const page1 = await get(shop, "?limit=2");
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((a: { id: string }) => a.id)).toEqual([third.id, second.id]);
    expect(page1.body.counts).toEqual({ open: 2, resolved: 1 });
    const page2 = await get(shop, `?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({
      nextCursor: null,
      data: [{ id: first.id, count: 2, status: "resolved", delivery: expect.any(String) }],
    });
    expect(page2.body.data[0].resolvedAt).toBe(new Date(twoDaysAgo.getTime() + 24 * 3600_000).toISOString());

    expect((await get(shop, "?status=resolved")).body.data.map((a: { id: string }) => a.id)).toEqual([
      first.id,
    ]);
    const critical = await get(shop, "?severity=critical&status=open");
    expect(critical.body).toMatchObject({
      data: [{ id: second.id, status: "open" }],
      counts: { open: 1, resolved: 0 },
    });
  });

  it("shows one organization nothing of another's", async () => {
    const [mine, theirs] = [
      await createTestMerchant(runtime.database.db),
      await createTestMerchant(runtime.database.db),
    ];
    await raise(theirs, "secret");
    expect((await get(mine)).body).toEqual({ data: [], nextCursor: null, counts: { open: 0, resolved: 0 } });
  });

  it.each([
    ["?status=closed", "status"],
    ["?severity=fatal", "severity"],
    ["?limit=0", "limit"],
    ["?cursor=not-a-cursor", "cursor"],
    ["?shop=other", "shop"],
  ])("answers 400 to %s", async (query, field) => {
    const shop = await createTestMerchant(runtime.database.db);
    const { status, body } = await get(shop, query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_request", message: expect.stringContaining(field) });
  });
});

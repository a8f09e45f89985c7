import { customers, trustScoreEvents } from "@orylo/db";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { POST as addItems } from "@/app/api/v1/lists/[id]/items/route";
import { POST as createList } from "@/app/api/v1/lists/route";
import { POST as createRule } from "@/app/api/v1/rules/route";
import { POST as labelRoute } from "@/app/api/v1/transactions/[id]/label/route";
import type { Runtime } from "@/server/runtime";
import { sendCharge } from "./send-charge";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

type Shop = TestMerchant;
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});
const newShop = (): Promise<Shop> => createTestMerchant(runtime.database.db);

async function call<P>(handler: Handler<P>, shop: Shop, params: P, body?: unknown) {
  const request = new Request("http://localhost/api/v1", {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${shop.apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

async function listWith(
  shop: Shop,
  list: { name: string; kind: string; action: string | null },
  values: string[],
) {
  const { id } = await call(createList, shop, {}, list);
  await call(addItems, shop, { id }, { items: values.map((value) => ({ value })) });
  return id as string;
}

async function trustHistory(shop: Shop, stripeCustomerId: string) {
  const [customer] = await runtime.database.db
    .select({ id: customers.id, trustScore: customers.trustScore })
    .from(customers)
    .where(and(eq(customers.organizationId, shop.id), eq(customers.customerKey, stripeCustomerId)));
  const events = await runtime.database.db
    .select({ reason: trustScoreEvents.reason, scoreAfter: trustScoreEvents.scoreAfter })
    .from(trustScoreEvents)
    .where(eq(trustScoreEvents.customerId, customer!.id))
    .orderBy(asc(trustScoreEvents.createdAt), asc(trustScoreEvents.id));
  return { score: customer!.trustScore, events };
}

describe("allow and block lists decide ahead of rules (ARCHITECTURE §4)", () => {
  it("a card blocked by a fraud label is BLOCKed on its next payment, with no rule naming the list", async () => {
    const shop = await newShop();
    const first = await sendCharge(shop.account, 21);
    expect(first.detection?.decision).toBe("ALLOW");
    await call(labelRoute, shop, { id: first.chargeId }, { kind: "fraud" });

    // Same card, another email, IP and device.
    const next = await sendCharge(shop.account, 22, {
      card: { fingerprint: "fp_seed_21", brand: "visa", funding: "credit", country: "FR", last4: "4242" },
    });
    expect(next.detection?.decision).toBe("BLOCK");
    expect(next.detection!.riskScore).toBeLessThan(20);
    const detail = await call(getDetection, shop, { id: next.detection!.id });
    expect(detail.listHits).toEqual([
      { list: "blocked_cards", action: "block", kind: "card_fingerprint", value: "fp_seed_21" },
    ]);
    expect(detail.ruleHits).toEqual([]);
  });

  it("an allow list wins over a block rule, a block list over an allow rule", async () => {
    const shop = await newShop();
    await call(createRule, shop, {}, { text: "Block if :amount_in_eur: > 10" });
    await call(createRule, shop, {}, { text: "Allow if :card_country: = 'FR'" });
    await listWith(shop, { name: "vip", kind: "email", action: "allow" }, ["Buyer31@Example.com"]);
    await listWith(shop, { name: "bad_domains", kind: "email_domain", action: "block" }, ["@example.org"]);

    expect((await sendCharge(shop.account, 31)).detection?.decision).toBe("ALLOW");
    expect((await sendCharge(shop.account, 32, { email: "x@example.org" })).detection?.decision).toBe(
      "BLOCK",
    );
    // Neither list: the rules decide (allow rules before block rules).
    expect((await sendCharge(shop.account, 33)).detection?.decision).toBe("ALLOW");
  });

  it("a list without an action and an expired item decide nothing", async () => {
    const shop = await newShop();
    await listWith(shop, { name: "watch", kind: "ip_address", action: null }, ["198.51.100.41"]);
    const { id } = await call(
      createList,
      shop,
      {},
      { name: "blocked_ips", kind: "ip_address", action: "block" },
    );
    await call(
      addItems,
      shop,
      { id },
      { items: [{ value: "198.51.100.41", expiresAt: "2020-01-01T00:00:00Z" }] },
    );
    expect((await sendCharge(shop.account, 41)).detection?.decision).toBe("ALLOW");
  });

  it("a customer put on a block list costs 10 trust once; on an allow list, trust 90", async () => {
    const shop = await newShop();
    await sendCharge(shop.account, 51, { customerId: "cus_listed" });
    const blocked = await listWith(shop, { name: "blocked_people", kind: "customer", action: "block" }, [
      "cus_listed",
    ]);
    await call(addItems, shop, { id: blocked }, { items: [{ value: "cus_listed" }] });
    expect(await trustHistory(shop, "cus_listed")).toEqual({
      score: 40,
      events: [{ reason: "blocked", scoreAfter: 40 }],
    });
    await listWith(shop, { name: "trusted", kind: "customer", action: "allow" }, ["cus_listed"]);
    expect((await trustHistory(shop, "cus_listed")).score).toBe(90);
    // Both lists hold the customer: the allow list wins.
    expect((await sendCharge(shop.account, 52, { customerId: "cus_listed" })).detection?.decision).toBe(
      "ALLOW",
    );
  });
});

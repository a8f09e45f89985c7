import { getCustomerProfile, listCustomersByTrust, listDetectionsPage, withOrganization } from "@orylo/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { blockThisCustomer, trustThisCustomer } from "@/app/(dashboard)/customers/[ref]/actions";
import { undoListAdditions } from "@/app/(dashboard)/detections/[id]/actions";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { sendCharge } from "./send-charge";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

async function shopWithCustomer() {
  const shop = await createTestMerchant(runtime.database.db);
  const customer = `cus_page${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
  await sendCharge(shop.account, 31, { customerId: customer, email: "Ana@Example.com" });
  const ctx = withOrganization(
    { ...requestContext(runtime), actor: { type: "system", task: "test" } },
    shop.id,
  );
  return { shop, customer, profile: () => getCustomerProfile(ctx, customer) };
}

describe("the customer page", () => {
  it("shows the customer, then a block with its trust drop and list memberships, and an exact undo", async () => {
    const { shop, customer, profile } = await shopWithCustomer();
    const before = await profile();
    expect(before).toMatchObject({
      ref: customer,
      stripeCustomerId: customer,
      trustScore: 50,
      trustHistory: [],
      listMemberships: [],
    });

    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    const blocked = await blockThisCustomer({ ref: customer });
    if (!blocked.ok) throw new Error(JSON.stringify(blocked));
    expect(blocked.data.map((item) => item.value).sort()).toEqual(["ana@example.com", customer]);

    const after = await profile();
    expect(after.trustScore).toBeLessThan(50);
    expect(after.trustHistory).toEqual([
      expect.objectContaining({ reason: "blocked", score: after.trustScore, delta: after.trustScore - 50 }),
    ]);
    expect(after.listMemberships.map((item) => [item.listName, item.action, item.value]).sort()).toEqual([
      ["blocked_customers", "block", customer],
      ["blocked_emails", "block", "ana@example.com"],
    ]);

    // Blocking again adds nothing: an undo of that second click would remove nothing of the first.
    expect(await blockThisCustomer({ ref: customer })).toEqual({ ok: true, data: [] });
    expect(await undoListAdditions({ items: blocked.data })).toEqual({ ok: true, data: 2 });
    expect((await profile()).listMemberships).toEqual([]);
  });

  it("trusting puts the customer on the allow lists", async () => {
    const { shop, customer, profile } = await shopWithCustomer();
    actAs(await createMemberSession(runtime, shop.id, "owner"));
    expect(await trustThisCustomer({ ref: customer })).toMatchObject({ ok: true });
    const { listMemberships, trustHistory } = await profile();
    expect(listMemberships.map((item) => item.listName).sort()).toEqual([
      "allowed_customers",
      "allowed_emails",
    ]);
    expect(trustHistory.at(-1)).toMatchObject({ reason: "whitelisted" });
  });

  it("lists a customer's payments by Stripe id or, without one, by its email's key", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    const stripeCustomer = `cus_list${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const withId = await sendCharge(shop.account, 41, {
      customerId: stripeCustomer,
      email: "id@example.com",
    });
    const byEmail = await sendCharge(shop.account, 42, { customerId: null, email: "key@example.com" });
    await sendCharge(shop.account, 43, { customerId: null, email: "someone-else@example.com" });
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "t" } },
      shop.id,
    );
    const keyed = (await listCustomersByTrust(ctx)).filter((customer) => !customer.stripeCustomerId);
    const ids = async (customer: string) =>
      (await listDetectionsPage(ctx, { customer, limit: 10 })).data.map((detection) => detection.id);
    expect(await ids(stripeCustomer)).toEqual([withId.detection?.id]);
    const found = await Promise.all(keyed.map((customer) => ids(customer.ref)));
    expect(found).toContainEqual([byEmail.detection?.id]);
    expect(found.every((list) => list.length === 1)).toBe(true);
  });

  it("another organization's customer is a 404, and a viewer may not act", async () => {
    const { customer } = await shopWithCustomer();
    const stranger = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, stranger.id, "owner"));
    expect(await blockThisCustomer({ ref: customer })).toMatchObject({ ok: false, status: 404 });
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "t" } },
      stranger.id,
    );
    await expect(getCustomerProfile(ctx, customer)).rejects.toMatchObject({ code: "not_found" });
    actAs(await createMemberSession(runtime, stranger.id, "viewer"));
    expect(await trustThisCustomer({ ref: customer })).toMatchObject({ ok: false, status: 403 });
  });
});

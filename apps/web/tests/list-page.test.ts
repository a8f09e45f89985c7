import { createList, getListWithItems, withOrganization } from "@orylo/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { addItems, removeItems } from "@/app/(dashboard)/lists/[id]/actions";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

async function shopWithList() {
  const shop = await createTestMerchant(runtime.database.db);
  const ctx = withOrganization(
    { ...requestContext(runtime), actor: { type: "system", task: "test" } },
    shop.id,
  );
  const list = await createList(ctx, { name: "vip_emails", kind: "email", action: "allow" });
  const values = async () => (await getListWithItems(ctx, list.id)).items.map((item) => item.value);
  return { shop, listId: list.id, values };
}

describe("the list page's add and remove", () => {
  it("adds values (normalized), removes one, and undoes each exactly", async () => {
    const { shop, listId, values } = await shopWithList();
    actAs(await createMemberSession(runtime, shop.id, "admin"));
    const added = await addItems({
      listId,
      items: [{ value: "Ana@Example.com" }, { value: "bo@example.com" }],
    });
    expect(added).toMatchObject({ ok: true });
    expect(await values()).toEqual(["ana@example.com", "bo@example.com"]);

    expect(await removeItems({ listId, values: ["bo@example.com"] })).toEqual({ ok: true, data: 1 });
    expect(await values()).toEqual(["ana@example.com"]);
    // The removal's undo puts the value back.
    await addItems({ listId, items: [{ value: "bo@example.com", expiresAt: null }] });
    expect(await values()).toEqual(["ana@example.com", "bo@example.com"]);

    // An add's undo removes the new values only; removing a value that is not there is a 404.
    expect(await removeItems({ listId, values: ["ana@example.com"] })).toEqual({ ok: true, data: 1 });
    expect(await removeItems({ listId, values: ["ana@example.com"] })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("refuses an invalid value, an analyst, and another organization's list", async () => {
    const { shop, listId, values } = await shopWithList();
    actAs(await createMemberSession(runtime, shop.id, "owner"));
    expect(await addItems({ listId, items: [{ value: "not an email" }] })).toMatchObject({
      ok: false,
      status: 400,
    });
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(await addItems({ listId, items: [{ value: "a@example.com" }] })).toMatchObject({
      ok: false,
      status: 403,
    });
    const stranger = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, stranger.id, "owner"));
    expect(await addItems({ listId, items: [{ value: "a@example.com" }] })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await values()).toEqual([]);
  });
});

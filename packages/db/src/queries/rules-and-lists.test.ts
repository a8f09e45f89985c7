import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { deleteListItem, findListValuesByName, insertList, selectLists, upsertListItems } from "./lists";
import { findRule, insertRule, listEnabledRules, selectRuleVersions, updateRuleRow } from "./rules";

const AST = { action: "block", condition: { type: "truthy", operand: { type: "attribute", name: "x" } } };

describe("rules", () => {
  it("keeps a version row per saved change and scopes every read by organization", async () => {
    const { db } = await getTestDatabase();
    const org = await createTestOrganization(db);
    const other = await createTestOrganization(db);
    const id = `rule_${crypto.randomUUID()}`;
    await insertRule(db, {
      id,
      organizationId: org.id,
      name: "r",
      action: "block",
      text: "Block if :x:",
      ast: AST,
      createdBy: "user:u1",
    });
    const updated = await updateRuleRow(db, org.id, id, { mode: "shadow" }, "api_key:k1");
    expect(updated?.version).toBe(2);
    expect(await updateRuleRow(db, other.id, id, { enabled: false }, "x")).toBeUndefined();
    expect(await findRule(db, other.id, id)).toBeUndefined();
    const versions = await selectRuleVersions(db, org.id, id);
    expect(versions.map((v) => [v.version, v.mode, v.author])).toEqual([
      [2, "shadow", "api_key:k1"],
      [1, "enforced", "user:u1"],
    ]);
    expect(await selectRuleVersions(db, other.id, id)).toEqual([]);
    expect((await listEnabledRules(db, org.id)).map((r) => r.id)).toEqual([id]);
    expect(await listEnabledRules(db, other.id)).toEqual([]);
  });
});

describe("lists", () => {
  it("reads unexpired values by name, one list per name per organization", async () => {
    const { db } = await getTestDatabase();
    const org = await createTestOrganization(db);
    const listId = `list_${crypto.randomUUID()}`;
    const base = { organizationId: org.id, kind: "email" as const, createdBy: "user:u1" };
    expect(await insertList(db, { ...base, id: listId, name: "vip" })).toBeDefined();
    expect(await insertList(db, { ...base, id: `${listId}_2`, name: "vip" })).toBeUndefined();
    const now = new Date("2026-01-01T00:00:00Z");
    const item = { source: "manual" as const, author: "user:u1" };
    await upsertListItems(db, {
      organizationId: org.id,
      listId,
      items: [
        { ...item, id: `${listId}_a`, value: "a@x.com", expiresAt: null },
        { ...item, id: `${listId}_b`, value: "b@x.com", expiresAt: new Date("2025-01-01T00:00:00Z") },
      ],
    });
    await upsertListItems(db, {
      organizationId: org.id,
      listId,
      items: [{ ...item, id: `${listId}_a2`, value: "a@x.com", expiresAt: null }],
    });
    expect(await findListValuesByName(db, { organizationId: org.id, names: ["vip", "nope"], now })).toEqual({
      vip: ["a@x.com"],
    });
    expect((await selectLists(db, org.id))[0]?.itemCount).toBe(2);
    // The refreshed item keeps its first id: a Radar mirror keyed on it is not queued again.
    expect(await deleteListItem(db, { organizationId: org.id, listId, value: "a@x.com" })).toBe(
      `${listId}_a`,
    );
    expect(await findListValuesByName(db, { organizationId: org.id, names: ["vip"], now })).toEqual({
      vip: [],
    });
  });
});

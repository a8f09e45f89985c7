import { selectAuditLog } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { ConflictError } from "../src/errors";
import { addListItems, createList, removeListItem } from "../src/lists/manage-lists";
import { createRule } from "../src/rules/create-rule";
import { deleteRule } from "../src/rules/get-rule";
import { setRuleMode, updateRule } from "../src/rules/update-rule";
import { testCtx } from "./helpers";

async function apiKeyCtx() {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  const ctx = {
    ...testCtx(db),
    actor: { type: "api_key" as const, apiKeyId: "key_1" },
    requestId: "req_audit_1",
  };
  return withOrganization(ctx, organization.id);
}

describe("the audit log", () => {
  it("records every change to rules and lists with actor, target and request id", async () => {
    const ctx = await apiKeyCtx();
    const rule = await createRule(ctx, { text: "Block if :email: = 'jane@example.com'" });
    await updateRule(ctx, rule.id, { priority: 5 });
    await setRuleMode(ctx, rule.id, "shadow");
    await deleteRule(ctx, rule.id);
    const list = await createList(ctx, { name: "vip", kind: "email" });
    await addListItems(ctx, list.id, {
      items: [{ value: "jane@example.com" }, { value: "joe@example.com" }],
    });
    await removeListItem(ctx, list.id, "joe@example.com");

    const entries = (await selectAuditLog(ctx.db, ctx.organizationId, 50)).reverse();
    expect(entries.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
      ["rule.created", "rule", rule.id],
      ["rule.updated", "rule", rule.id],
      ["rule.updated", "rule", rule.id],
      ["rule.deleted", "rule", rule.id],
      ["list.created", "list", list.id],
      ["list.items_added", "list", list.id],
      ["list.item_removed", "list", list.id],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorType: "api_key", actorId: "key_1", requestId: "req_audit_1" });
    }
    expect(entries[1]?.data).toEqual({ version: 2, fields: ["priority"] });
    expect(entries[5]?.data).toEqual({ count: 2, source: "manual" });
    // Personal data stays out of the log (it outlives a customer's erasure).
    expect(JSON.stringify(entries)).not.toContain("example.com");
  });

  it("writes nothing when the change fails, and nothing into another organization's log", async () => {
    const ctx = await apiKeyCtx();
    const other = await apiKeyCtx();
    await createList(ctx, { name: "dup", kind: "email" });
    await expect(createList(ctx, { name: "dup", kind: "email" })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateRule(ctx, "rule_missing", { priority: 1 })).rejects.toThrow();
    expect((await selectAuditLog(ctx.db, ctx.organizationId, 50)).map((e) => e.action)).toEqual([
      "list.created",
    ]);
    expect(await selectAuditLog(ctx.db, other.organizationId, 50)).toEqual([]);
  });
});

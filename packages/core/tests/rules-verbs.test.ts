import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { InvalidRuleError, NotFoundError } from "../src/errors";
import { addListItems, createList, listLists, removeListItem } from "../src/lists/manage-lists";
import { validateRule } from "../src/rules/compile-rule-text";
import { createRule } from "../src/rules/create-rule";
import { getRule, listRules } from "../src/rules/get-rule";
import { setRuleMode, updateRule } from "../src/rules/update-rule";
import { testCtx } from "./helpers";

async function orgCtx() {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  return withOrganization({ ...testCtx(db), actor: { type: "user", userId: "u1" } }, organization.id);
}

describe("rule verbs", () => {
  it("refuses text that does not compile, naming line, column and the nearest attribute", async () => {
    const ctx = await orgCtx();
    const error = await createRule(ctx, { text: "Block if\n  :card_contry: = 'US'" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRuleError);
    expect(error.details.errors[0]).toMatchObject({
      code: "unknown_attribute",
      line: 2,
      column: 3,
      suggestion: "card_country",
    });
    expect(validateRule({ text: "Block if :card_country: = 'US'" })).toMatchObject({ valid: true });
  });

  it("keeps a version per change with the fields it changed, and hides rules from other organizations", async () => {
    const ctx = await orgCtx();
    const other = await orgCtx();
    const rule = await createRule(ctx, { text: "block if :card_country: = 'US'", name: "US cards" });
    expect(rule).toMatchObject({ action: "block", version: 1, createdBy: "user:u1", mode: "enforced" });
    await updateRule(ctx, rule.id, { text: "Review if :card_country: = 'US'" });
    await setRuleMode(ctx, rule.id, "shadow");
    const detail = await getRule(ctx, rule.id);
    expect(detail).toMatchObject({ version: 3, action: "review", mode: "shadow" });
    expect(detail.versions.map((v) => [v.version, v.changed])).toEqual([
      [3, ["mode"]],
      [2, ["action", "text"]],
      [1, ["name", "action", "text", "priority", "mode", "enabled", "expiresAt"]],
    ]);
    await expect(getRule(other, rule.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRule(other, rule.id, { enabled: false })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listRules(other)).data).toEqual([]);
  });
});

describe("list verbs", () => {
  it("normalizes values, refuses a taken name, and scopes by organization", async () => {
    const ctx = await orgCtx();
    const other = await orgCtx();
    const list = await createList(ctx, { name: "vip_customers", kind: "email" });
    await expect(createList(ctx, { name: "vip_customers", kind: "email" })).rejects.toMatchObject({
      code: "conflict",
    });
    const added = await addListItems(ctx, list.id, { items: [{ value: " Ann@Example.COM " }] });
    expect(added.data.map((item) => item.value)).toEqual(["ann@example.com"]);
    expect((await listLists(ctx)).data[0]).toMatchObject({ name: "vip_customers", itemCount: 1 });
    await expect(addListItems(other, list.id, { items: [{ value: "x@y.z" }] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(removeListItem(other, list.id, "ann@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await removeListItem(ctx, list.id, "ANN@example.com");
    expect((await listLists(ctx)).data[0]?.itemCount).toBe(0);
  });
});

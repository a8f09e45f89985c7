import { detections, type Executor, insertList, insertRule, upsertListItems } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { compileRule } from "@orylo/engine";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { platformDelivery, testCtx } from "./helpers";

async function setup() {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  const charge = async (patch: Record<string, unknown> = {}) => {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const object = event.data.object as Record<string, unknown>;
    Object.assign(
      object,
      { id: `ch_rules_${crypto.randomUUID().slice(0, 12)}`, payment_intent: null },
      patch,
    );
    const result = await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));
    const [stored] = await db
      .select()
      .from(detections)
      .where(eq(detections.id, result.detection?.id ?? ""));
    if (!stored) throw new Error("the charge was not scored");
    return stored;
  };
  return { db, organizationId: organization.id, charge };
}

async function saveRule(
  db: Executor,
  organizationId: string,
  text: string,
  mode: "enforced" | "shadow" = "enforced",
) {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
  return insertRule(db, {
    id: `rule_${crypto.randomUUID()}`,
    organizationId,
    name: text,
    action: compiled.ast.action,
    text: compiled.text,
    ast: compiled.ast,
    mode,
    createdBy: "user:test",
  });
}

describe("merchant rules on the live path", () => {
  it("decides with the built-in detectors alone when the organization has no rule", async () => {
    const { charge } = await setup();
    const detection = await charge();
    expect(detection.decision).toBe("ALLOW");
    expect(detection.rulesetVersion).toBe("builtin");
  });

  it("turns an otherwise ALLOW payment into BLOCK when a block rule matches, and names the rule set", async () => {
    const { db, organizationId, charge } = await setup();
    const rule = await saveRule(
      db,
      organizationId,
      "Block if :amount_in_usd: >= 20 and :card_country: = 'US'",
    );
    const detection = await charge();
    expect(detection.decision).toBe("BLOCK");
    expect(detection.rulesetVersion).toMatch(/^rs_[0-9a-f]{16}$/);
    expect(detection.trace).toMatchObject({
      ruleHits: [{ ruleId: rule.id, action: "block", shadow: false }],
    });
  });

  it("records a shadow rule's hit in the trace but never lets it decide", async () => {
    const { db, organizationId, charge } = await setup();
    const rule = await saveRule(db, organizationId, "Block if :card_country: = 'US'", "shadow");
    const detection = await charge();
    expect(detection.decision).toBe("ALLOW");
    expect(detection.trace).toMatchObject({ ruleHits: [{ ruleId: rule.id, shadow: true }] });
  });

  it("reads the items of a list a rule names as @name", async () => {
    const { db, organizationId, charge } = await setup();
    const listId = `list_${crypto.randomUUID()}`;
    await insertList(db, {
      id: listId,
      organizationId,
      name: "blocked_emails",
      kind: "email",
      createdBy: "t",
    });
    await upsertListItems(db, {
      organizationId,
      listId,
      items: [
        { id: `${listId}_1`, value: "fraud@example.com", source: "manual", author: "t", expiresAt: null },
      ],
    });
    await saveRule(db, organizationId, "Block if :email: in @blocked_emails");
    expect((await charge({ receipt_email: "someone@example.com" })).decision).toBe("ALLOW");
    expect((await charge({ receipt_email: "Fraud@Example.com" })).decision).toBe("BLOCK");
  });
});

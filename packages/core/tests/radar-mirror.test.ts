import assert from "node:assert/strict";
import { auditLog, createOutboxStore, selectListItems, stripeActions, taskOutbox } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { relayOutbox, runTaskInline } from "@orylo/platform";
import { FAKE_PLATFORM_ACCOUNT, type FakeStripe, startFakeStripe } from "@orylo/testkit";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mirrorRadarList } from "../src/actions/mirror-radar-list";
import { withOrganization } from "../src/context";
import { removeListAdditions } from "../src/detections/act-on-detection";
import { addToSystemBlockLists } from "../src/labels/system-block-lists";
import { expireListItems } from "../src/lists/expire-list-items";
import { addListItems, createList, removeListItem } from "../src/lists/manage-lists";
import { updateSettings } from "../src/organizations/manage-settings";
import type { StripeAccess } from "../src/stripe/stripe-access";
import { DetectionActPayload, TASKS, type TaskDeps } from "../src/tasks";
import { testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

const PLATFORM_KEY = "sk_test_orylo_platform";
const ITEM_CREATES = /^\/v1\/radar\/value_list_items$/;
let fake: FakeStripe;
beforeAll(async () => {
  await getTestDatabase();
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

async function organizationWith(mirrorRadarLists: boolean) {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db, { settings: { actions: { mirrorRadarLists } } });
  const ctx = withOrganization({ ...testCtx(db), actor: { type: "user", userId: "u1" } }, organization.id);
  return { db, ctx, organizationId: organization.id };
}

async function queuedMirrors(organizationId: string) {
  const { db } = await getTestDatabase();
  const rows = await db
    .select()
    .from(taskOutbox)
    .where(and(eq(taskOutbox.organizationId, organizationId), eq(taskOutbox.taskId, "detection.act")));
  return rows.map((row) => row.payload);
}

async function actionsOf(organizationId: string) {
  const { db } = await getTestDatabase();
  return db
    .select()
    .from(stripeActions)
    .where(eq(stripeActions.organizationId, organizationId))
    .orderBy(asc(stripeActions.createdAt), asc(stripeActions.id));
}

async function relay(stripe: StripeAccess) {
  const { db } = await getTestDatabase();
  const logger = testCtx(db).logger;
  const deps: TaskDeps = { db, logger, stripe, ai: testAi(), analytics: testAnalytics() };
  await relayOutbox(createOutboxStore(db), runTaskInline(new Map(TASKS.map((t) => [t.id, t])), deps, logger));
  return deps;
}

function stored(object: string, where: (o: Record<string, unknown>) => boolean) {
  return fake.store.list(FAKE_PLATFORM_ACCOUNT, object, { url: "", limit: "100", where }).data;
}
const radarItems = (valueListId: string) =>
  stored("radar.value_list_item", (o) => o.value_list === valueListId);
const valueList = (alias: string) => stored("radar.value_list", (o) => o.alias === alias);

describe("Radar value list mirroring", () => {
  it("adds a blocked email to orylo_<list> once, removes it, and adds it again after a re-listing", async () => {
    const { ctx, organizationId } = await organizationWith(true);
    const name = `fraud-emails-${organizationId.slice(-6)}`;
    const alias = `orylo_${name.replaceAll("-", "_")}`;
    const list = await createList(ctx, { name, kind: "email", action: "block" });
    const access = testStripeAccess({
      fake,
      platformKey: PLATFORM_KEY,
      defaultOrganizationId: organizationId,
    });

    await addListItems(ctx, list.id, { items: [{ value: "Fraud@Example.com" }] });
    const [queued] = await queuedMirrors(organizationId);
    expect(queued).toMatchObject({ trigger: "list_mirror", operation: "add", value: "fraud@example.com" });
    const creates = fake.executed("POST", ITEM_CREATES);
    const deps = await relay(access);
    const [radarList] = valueList(alias);
    expect(radarList).toMatchObject({ item_type: "email" });
    expect(radarItems(radarList?.id ?? "").map((o) => o.value)).toEqual(["fraud@example.com"]);
    expect(fake.executed("POST", ITEM_CREATES)).toBe(creates + 1);

    // The task run again (a retry, a duplicate delivery) finds the key taken and does not call Stripe.
    const payload = DetectionActPayload.parse(queued);
    assert(payload.trigger === "list_mirror");
    const again = await mirrorRadarList(ctx, deps.stripe, payload);
    expect(again).toMatchObject({ kind: "radar_add", status: "succeeded", outcome: "added_to_radar" });
    expect(fake.executed("POST", ITEM_CREATES)).toBe(creates + 1);

    await removeListItem(ctx, list.id, "fraud@example.com");
    await relay(access);
    expect(radarItems(radarList?.id ?? "")).toEqual([]);

    await addListItems(ctx, list.id, { items: [{ value: "fraud@example.com" }] });
    await relay(access);
    expect(radarItems(radarList?.id ?? "").map((o) => o.value)).toEqual(["fraud@example.com"]);
    expect(valueList(alias)).toHaveLength(1);
    expect((await actionsOf(organizationId)).map((a) => [a.kind, a.status, a.trigger])).toEqual([
      ["radar_add", "succeeded", "list_mirror"],
      ["radar_remove", "succeeded", "list_mirror"],
      ["radar_add", "succeeded", "list_mirror"],
    ]);
  });

  it("records a dry run without Stripe credentials", async () => {
    const { ctx, organizationId } = await organizationWith(true);
    const list = await createList(ctx, { name: "good-ips", kind: "ip_address", action: "allow" });
    const before = fake.requests.length;
    await addListItems(ctx, list.id, { items: [{ value: "203.0.113.7" }] });
    await relay(testStripeAccess());
    expect(await actionsOf(organizationId)).toEqual([
      expect.objectContaining({
        kind: "radar_add",
        status: "dry_run",
        outcome: "would_add_to_radar",
        dryRun: true,
        stripeObjectId: expect.stringMatching(/^orylo_good_ips:203\.0\.113\.7:litem_/),
        request: {
          alias: "orylo_good_ips",
          name: "Orylo allow list @good-ips",
          itemType: "ip_address",
          value: "203.0.113.7",
        },
      }),
    ]);
    expect(fake.requests.length).toBe(before);
  });

  it("queues nothing when the setting is off, for lists without an action, or for kinds Radar lacks", async () => {
    const off = await organizationWith(false);
    const blocked = await createList(off.ctx, { name: "cards", kind: "card_fingerprint", action: "block" });
    await addListItems(off.ctx, blocked.id, { items: [{ value: "fp_1" }] });
    await removeListItem(off.ctx, blocked.id, "fp_1");
    expect(await queuedMirrors(off.organizationId)).toEqual([]);

    const on = await organizationWith(true);
    const ruleOnly = await createList(on.ctx, { name: "watch", kind: "email" });
    const strings = await createList(on.ctx, { name: "words", kind: "string", action: "block" });
    await addListItems(on.ctx, ruleOnly.id, { items: [{ value: "a@example.com" }] });
    await addListItems(on.ctx, strings.id, { items: [{ value: "scam" }] });
    expect(await queuedMirrors(on.organizationId)).toEqual([]);
  });

  it("mirrors the system block lists Orylo fills, and an undo of a block", async () => {
    const { ctx, organizationId } = await organizationWith(true);
    const added = await addToSystemBlockLists(ctx, { email: ["Thief@Example.com"], device_id: ["dev_1"] });
    expect(await queuedMirrors(organizationId)).toEqual([
      expect.objectContaining({ operation: "add", value: "thief@example.com" }),
    ]);
    await removeListAdditions(ctx, added);
    await relay(testStripeAccess());
    // The addition ran after its item was gone: it did nothing, so only the removal is recorded.
    expect((await actionsOf(organizationId)).map((a) => [a.kind, a.status, a.stripeObjectId])).toEqual([
      ["radar_remove", "dry_run", expect.stringMatching(/^orylo_blocked_emails:thief@example\.com:litem_/)],
    ]);
  });

  it("queues the lists' unexpired items once when mirroring is switched on (Radar's first sync)", async () => {
    const { ctx, organizationId } = await organizationWith(false);
    const emails = await createList(ctx, { name: "bad-emails", kind: "email", action: "block" });
    const ips = await createList(ctx, { name: "good-ips", kind: "ip_address", action: "allow" });
    const ruleOnly = await createList(ctx, { name: "watch", kind: "email" });
    const past = new Date(ctx.now().getTime() - 60_000).toISOString();
    await addListItems(ctx, emails.id, {
      items: [{ value: "a@example.com" }, { value: "b@example.com", expiresAt: past }],
    });
    await addListItems(ctx, ips.id, { items: [{ value: "203.0.113.9" }] });
    await addListItems(ctx, ruleOnly.id, { items: [{ value: "c@example.com" }] });
    expect(await queuedMirrors(organizationId)).toEqual([]);

    await updateSettings(ctx, { actions: { mirrorRadarLists: true } });
    const values = async () =>
      (await queuedMirrors(organizationId)).map((p) => (p as { value: string }).value);
    expect((await values()).sort()).toEqual(["203.0.113.9", "a@example.com"]);

    await updateSettings(ctx, { actions: { mirrorRadarLists: true } });
    await updateSettings(ctx, { actions: { mirrorRadarLists: false } });
    await updateSettings(ctx, { actions: { mirrorRadarLists: true } });
    expect(await values()).toHaveLength(2);
    await relay(testStripeAccess());
    expect((await actionsOf(organizationId)).map((a) => [a.kind, a.status])).toEqual([
      ["radar_add", "dry_run"],
      ["radar_add", "dry_run"],
    ]);
  });

  it("removes an expired item from the list and from Radar, and keeps the live ones", async () => {
    const { db, ctx, organizationId } = await organizationWith(true);
    const name = `temp-${organizationId.slice(-6)}`;
    const list = await createList(ctx, { name, kind: "email", action: "block" });
    const access = testStripeAccess({
      fake,
      platformKey: PLATFORM_KEY,
      defaultOrganizationId: organizationId,
    });
    const inAnHour = new Date(ctx.now().getTime() + 3_600_000);
    await addListItems(ctx, list.id, {
      items: [
        { value: "short@example.com", expiresAt: inAnHour.toISOString() },
        { value: "long@example.com" },
      ],
    });
    await relay(access);
    const [radarList] = valueList(`orylo_${name.replace("-", "_")}`);
    expect(
      radarItems(radarList?.id ?? "")
        .map((o) => o.value)
        .sort(),
    ).toEqual(["long@example.com", "short@example.com"]);

    const later = { ...ctx, now: () => new Date(inAnHour.getTime() + 1) };
    expect((await expireListItems(later)).expired).toBeGreaterThanOrEqual(1);
    await relay(access);
    expect(radarItems(radarList?.id ?? "").map((o) => o.value)).toEqual(["long@example.com"]);
    expect((await selectListItems(db, organizationId, list.id)).map((item) => item.value)).toEqual([
      "long@example.com",
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.organizationId, organizationId));
    expect(audit.filter((entry) => entry.action === "list.items_expired")).toEqual([
      expect.objectContaining({ actorType: "user", data: { count: 1 } }),
    ]);
  });
});

import { getRule, listRecommendations, listSuggestions, withOrganization } from "@orylo/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  acceptSuggestionAction,
  applyRecommendationAction,
  editSuggestionAction,
  rejectRecommendationAction,
  rejectSuggestionAction,
} from "@/app/(dashboard)/ai/inbox/actions";
import { InboxPager } from "@/app/(dashboard)/ai/inbox/inbox-pager";
import { en } from "@/i18n/en";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { seedRecommendation } from "./seed-recommendation";
import { seedSuggestions } from "./seed-suggestion";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

async function shopWithProposals() {
  const shop = await createTestMerchant(runtime.database.db);
  const ctx = withOrganization(
    { ...requestContext(runtime), actor: { type: "system", task: "test" } },
    shop.id,
  );
  const ids = await seedSuggestions(runtime.database.db, shop.id, 3);
  const recommendations = {
    apply: await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'BR'"),
    reject: await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'NG'"),
  };
  return { shop, ctx, suggestionId: (n: number) => ids[n - 1] ?? "", recommendations };
}

describe("the AI inbox's answers", () => {
  it("accepts, edits and rejects suggestions (reason required) for an analyst; a viewer is refused", async () => {
    const { shop, ctx, suggestionId } = await shopWithProposals();
    actAs(await createMemberSession(runtime, shop.id, "viewer"));
    expect(await acceptSuggestionAction({ id: suggestionId(1) })).toMatchObject({ ok: false, status: 403 });

    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(await acceptSuggestionAction({ id: suggestionId(1) })).toMatchObject({
      ok: true,
      data: { suggestion: { status: "accepted" }, listItem: { value: "198.51.100.1" } },
    });
    expect(await editSuggestionAction({ id: suggestionId(2), value: "198.51.100.200" })).toMatchObject({
      ok: true,
      data: { listItem: { value: "198.51.100.200" } },
    });
    expect(await rejectSuggestionAction({ id: suggestionId(3), reason: "  " })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await rejectSuggestionAction({ id: suggestionId(3), reason: "Our office" })).toMatchObject({
      ok: true,
      data: { suggestion: { status: "rejected" } },
    });
    // Decided once: the inbox is empty and a second answer is a conflict.
    expect((await listSuggestions(ctx)).data).toEqual([]);
    expect(await acceptSuggestionAction({ id: suggestionId(1) })).toMatchObject({ ok: false, status: 409 });
  });

  it("applies a recommendation in shadow and rejects one with a reason, for a configurer only", async () => {
    const { shop, ctx, recommendations } = await shopWithProposals();
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(await applyRecommendationAction({ id: recommendations.apply, mode: "shadow" })).toMatchObject({
      ok: false,
      status: 403,
    });

    actAs(await createMemberSession(runtime, shop.id, "admin"));
    const applied = await applyRecommendationAction({ id: recommendations.apply, mode: "shadow" });
    if (!applied.ok || !applied.data.ruleId) throw new Error(JSON.stringify(applied));
    expect(applied.data).toMatchObject({ status: "applied", appliedMode: "shadow" });
    expect(await getRule(ctx, applied.data.ruleId)).toMatchObject({ mode: "shadow" });
    expect(await rejectRecommendationAction({ id: recommendations.reject, reason: "" })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(
      await rejectRecommendationAction({ id: recommendations.reject, reason: "Too broad" }),
    ).toMatchObject({ ok: true, data: { status: "rejected", rejectReason: "Too broad" } });
    expect((await listRecommendations(ctx, { status: "pending" })).data).toEqual([]);
  });

  it("does not reach another organization's proposals", async () => {
    const { suggestionId, recommendations } = await shopWithProposals();
    const stranger = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, stranger.id, "owner"));
    expect(await acceptSuggestionAction({ id: suggestionId(1) })).toMatchObject({ ok: false, status: 404 });
    expect(
      await rejectRecommendationAction({ id: recommendations.reject, reason: "Not mine" }),
    ).toMatchObject({ ok: false, status: 404 });
  });

  it("applies a recommendation with the rule text the admin edited, in shadow; a broken edit is refused", async () => {
    const { shop, ctx, recommendations } = await shopWithProposals();
    actAs(await createMemberSession(runtime, shop.id, "admin"));
    const broken = await applyRecommendationAction({
      id: recommendations.apply,
      mode: "shadow",
      text: "Review if :card_contry: = 'BR'",
    });
    expect(broken).toMatchObject({ ok: false, status: 400 });
    const edited = "Review if :card_country: = 'BR' and :amount_in_eur: > 50";
    const applied = await applyRecommendationAction({
      id: recommendations.apply,
      mode: "shadow",
      text: edited,
    });
    if (!applied.ok || !applied.data.ruleId) throw new Error(JSON.stringify(applied));
    expect(await getRule(ctx, applied.data.ruleId)).toMatchObject({ mode: "shadow", text: edited });
  });

  it("pages the pending suggestions by cursor; each section's link keeps the other's cursor", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "test" } },
      shop.id,
    );
    await seedSuggestions(runtime.database.db, shop.id, 25);
    const first = await listSuggestions(ctx, { status: "pending", limit: 20 });
    expect(first.data).toHaveLength(20);
    const second = await listSuggestions(ctx, {
      status: "pending",
      limit: 20,
      cursor: first.nextCursor ?? "",
    });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((suggestion) => suggestion.id);
    expect(new Set(ids).size).toBe(25);

    const links = (element: ReturnType<typeof InboxPager>) =>
      [element?.props.children]
        .flat()
        .filter(Boolean)
        .map((link) => link.props.href as string);
    const pager = (cursors: Record<string, string>, nextCursor: string | null) =>
      links(InboxPager({ section: "suggestions", cursors, nextCursor, t: en.aiInbox }));
    expect(pager({}, null)).toEqual([]);
    expect(pager({ recommendations: "r1" }, "s2")).toEqual([
      "/ai/inbox?recommendations=r1&suggestions=s2#inbox-suggestions",
    ]);
    expect(pager({ suggestions: "s2", recommendations: "r1" }, null)).toEqual([
      "/ai/inbox?recommendations=r1#inbox-suggestions",
    ]);
  });
});

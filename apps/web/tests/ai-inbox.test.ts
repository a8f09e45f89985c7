import { getRule, listRecommendations, listSuggestions, withOrganization } from "@orylo/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  acceptSuggestionAction,
  applyRecommendationAction,
  editSuggestionAction,
  rejectRecommendationAction,
  rejectSuggestionAction,
} from "@/app/(dashboard)/ai/inbox/actions";
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
});

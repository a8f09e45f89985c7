import { beforeAll, describe, expect, it, vi } from "vitest";
import { createKey, revokeKey, saveSettings } from "@/app/(dashboard)/settings/actions";
import { GET as listDetections } from "@/app/api/v1/detections/route";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

const callWith = async (token: string) =>
  (
    await listDetections(
      new Request("http://localhost/api/v1/detections", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    )
  ).status;

describe("settings: API keys and automatic actions", () => {
  it("creates a key whose token works once shown, with its scopes, and revokes it", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, shop.id, "admin"));
    const created = await createKey({ name: "reporting", scopes: ["read"] });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.data).toMatchObject({
      name: "reporting",
      scopes: ["read"],
      token: expect.stringMatching(/^ork_/),
    });
    expect(await callWith(created.data.token)).toBe(200);
    expect(await revokeKey({ id: created.data.id })).toMatchObject({ ok: true });
    expect(await callWith(created.data.token)).toBe(401);
    expect(await revokeKey({ id: created.data.id })).toMatchObject({ ok: false, status: 404 });
  });

  it("switches automatic actions and the AI budget; an analyst may not", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, shop.id, "owner"));
    const saved = await saveSettings({ actions: { cancelOnBlock: true }, aiMonthlyBudgetUsd: 5 });
    expect(saved).toMatchObject({
      ok: true,
      data: { actions: { cancelOnBlock: true, refundOnBlock: false }, aiMonthlyBudgetUsd: 5 },
    });
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(await createKey({ name: "x", scopes: ["read"] })).toMatchObject({ ok: false, status: 403 });
    expect(await saveSettings({ actions: { refundOnBlock: true } })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("changes the retention period within 30–3650 days; an analyst may not", async () => {
    const shop = await createTestMerchant(runtime.database.db);
    actAs(await createMemberSession(runtime, shop.id, "admin"));
    expect(await saveSettings({ retentionDays: 365 })).toMatchObject({
      ok: true,
      data: { retentionDays: 365 },
    });
    expect(await saveSettings({ retentionDays: 7 })).toMatchObject({ ok: false, status: 400 });
    actAs(await createMemberSession(runtime, shop.id, "analyst"));
    expect(await saveSettings({ retentionDays: 30 })).toMatchObject({ ok: false, status: 403 });
    actAs(await createMemberSession(runtime, shop.id, "owner"));
    expect(await saveSettings({})).toMatchObject({ ok: true, data: { retentionDays: 365 } });
  });
});

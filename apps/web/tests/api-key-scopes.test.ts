import { createApiKey, listApiKeys, NotFoundError, revokeApiKey, withOrganization } from "@orylo/core";
import { selectAuditLog, user } from "@orylo/db";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as evaluate } from "@/app/api/v1/evaluate/route";
import { POST as createList, GET as listLists } from "@/app/api/v1/lists/route";
import type { Runtime } from "@/server/runtime";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
async function call(handler: Handler, path: string, apiKey: string, body?: unknown) {
  const response = await handler(
    new Request(`http://localhost${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
}

async function merchantCtx() {
  const merchant = await createTestMerchant(runtime.database.db);
  const userId = `user_${merchant.id}`;
  await runtime.database.db.insert(user).values({ id: userId, name: "Owner", email: `${userId}@shop.test` });
  const ctx = withOrganization(
    {
      db: runtime.database.db,
      actor: { type: "user", userId },
      requestId: "req_keys",
      logger: runtime.logger,
      now: () => new Date(),
      analytics: runtime.analytics,
    },
    merchant.id,
  );
  return { merchant, ctx };
}

const payment = { amount: 2000, currency: "usd", card: { fingerprint: "fpScope1", country: "US" } };

describe("API key scopes", () => {
  it("lets a key do only what its scopes allow, with a JSON 403 naming the missing scope", async () => {
    const { ctx } = await merchantCtx();
    const reader = await createApiKey(ctx, { name: "reporting", scopes: ["read"] });
    const evaluator = await createApiKey(ctx, { name: "checkout", scopes: ["evaluate"] });

    expect((await call(listLists, "/api/v1/lists", reader.token)).status).toBe(200);
    const write = await call(createList, "/api/v1/lists", reader.token, { name: "vip", kind: "email" });
    expect(write.status).toBe(403);
    expect(write.body.error).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("`write`"),
    });
    expect((await call(evaluate, "/api/v1/evaluate", reader.token, payment)).status).toBe(403);

    expect((await call(evaluate, "/api/v1/evaluate", evaluator.token, payment)).status).toBe(200);
    expect((await call(listLists, "/api/v1/lists", evaluator.token)).status).toBe(403);
    const [scopes] = (await listApiKeys(ctx)).filter((k) => k.id === reader.id).map((k) => k.scopes);
    expect(scopes).toEqual(["read"]);
  });

  it("gives keys made before scopes existed every scope", async () => {
    const { merchant } = await merchantCtx();
    expect((await call(listLists, "/api/v1/lists", merchant.apiKey)).status).toBe(200);
    const created = await call(createList, "/api/v1/lists", merchant.apiKey, { name: "vip", kind: "email" });
    expect(created.status).toBe(201);
  });

  it("revokes a key at once, only in its own organization, and audits both", async () => {
    const { ctx } = await merchantCtx();
    const other = await merchantCtx();
    const key = await createApiKey(ctx, { name: "ci" });
    expect((await call(listLists, "/api/v1/lists", key.token)).status).toBe(200);

    await expect(revokeApiKey(other.ctx, key.id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeApiKey(ctx, key.id);
    const after = await call(listLists, "/api/v1/lists", key.token);
    expect(after.status).toBe(401);
    await expect(revokeApiKey(ctx, key.id)).rejects.toBeInstanceOf(NotFoundError);

    const audit = await selectAuditLog(runtime.database.db, ctx.organizationId, 10);
    expect(audit.map((e) => [e.action, e.targetId, e.actorId])).toEqual([
      ["api_key.revoked", key.id, `user_${ctx.organizationId}`],
      ["api_key.created", key.id, `user_${ctx.organizationId}`],
    ]);
    expect(JSON.stringify(audit)).not.toContain(key.token);
  });
});

import { API_KEY_SCOPES, insertApiKey, revokeApiKeyRow, selectApiKeys } from "@orylo/db";
import { generateApiKey, generateId, hashApiKey } from "@orylo/platform";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .default([...API_KEY_SCOPES]),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

/** A new key: the token is returned once, only its hash is stored. */
export async function createApiKey(ctx: OrgCtx, input: CreateApiKeyInput) {
  const { name, scopes } = CreateApiKeyInput.parse(input);
  const token = generateApiKey();
  const id = generateId("key");
  const uniqueScopes = [...new Set(scopes)];
  await ctx.db.transaction(async (tx) => {
    await insertApiKey(tx, {
      id,
      organizationId: ctx.organizationId,
      name,
      prefix: token.slice(0, 8),
      keyHash: hashApiKey(token),
      scopes: uniqueScopes,
      createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
    });
    const data = { name, scopes: uniqueScopes };
    await recordAudit(ctx, { action: "api_key.created", target: { type: "api_key", id }, data }, tx);
  });
  return { id, name, scopes: uniqueScopes, token };
}

/** Revokes a key at once: its next call is a 401. Another organization's key, or a revoked one, is a 404. */
export async function revokeApiKey(ctx: OrgCtx, id: string): Promise<void> {
  const revoked = await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiKeyRow(tx, ctx.organizationId, id, ctx.now()))) return false;
    await recordAudit(ctx, { action: "api_key.revoked", target: { type: "api_key", id } }, tx);
    return true;
  });
  if (!revoked) throw new NotFoundError("API key", id);
}

export async function listApiKeys(ctx: OrgCtx) {
  return selectApiKeys(ctx.db, ctx.organizationId);
}

import { type ApiKeyScope, findActiveApiKeyByHash, touchApiKey } from "@orylo/db";
import { hashApiKey } from "@orylo/platform";
import type { Ctx } from "../context";
import { UnauthorizedError } from "../errors";

const BEARER = /^Bearer\s+(ork_[A-Za-z0-9]+)$/;

/** `Authorization: Bearer ork_…` → the key's organization. Missing, malformed, unknown or revoked → 401. */
export async function authenticateApiKey(
  ctx: Ctx,
  authorization: string | null,
): Promise<{ organizationId: string; apiKeyId: string; scopes: ApiKeyScope[] }> {
  const token = authorization?.trim().match(BEARER)?.[1];
  if (!token) throw new UnauthorizedError();
  const key = await findActiveApiKeyByHash(ctx.db, hashApiKey(token));
  if (!key) throw new UnauthorizedError("This API key is unknown or revoked.");
  await touchApiKey(ctx.db, key.id, ctx.now());
  return { organizationId: key.organizationId, apiKeyId: key.id, scopes: key.scopes };
}

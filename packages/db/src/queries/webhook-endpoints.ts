import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Executor } from "../client";
import { webhookEndpointSecrets, webhookEndpoints } from "../schema";

/** An endpoint that still receives: enabled, joined to its unexpired secrets. */
const receiving = (now: Date) =>
  and(
    isNull(webhookEndpoints.disabledAt),
    or(isNull(webhookEndpointSecrets.expiresAt), gt(webhookEndpointSecrets.expiresAt, now)),
  );

/** An enabled endpoint with its unexpired secrets (still encrypted). */
export async function findWebhookEndpointWithSecrets(db: Executor, endpointId: string, now: Date) {
  const rows = await db
    .select({
      organizationId: webhookEndpoints.organizationId,
      secretCiphertext: webhookEndpointSecrets.secretCiphertext,
    })
    .from(webhookEndpoints)
    .innerJoin(webhookEndpointSecrets, eq(webhookEndpointSecrets.endpointId, webhookEndpoints.id))
    .where(and(eq(webhookEndpoints.id, endpointId), receiving(now)));
  const [first] = rows;
  return first
    ? { organizationId: first.organizationId, secretCiphertexts: rows.map((r) => r.secretCiphertext) }
    : undefined;
}

export async function insertWebhookEndpoint(
  db: Executor,
  endpoint: typeof webhookEndpoints.$inferInsert,
  secrets: Omit<typeof webhookEndpointSecrets.$inferInsert, "endpointId">[],
): Promise<void> {
  await db.insert(webhookEndpoints).values(endpoint);
  if (secrets.length > 0) {
    await db.insert(webhookEndpointSecrets).values(secrets.map((s) => ({ ...s, endpointId: endpoint.id })));
  }
}

/** A disabled endpoint answers 404: Stripe's deliveries to it stop counting for the organization. */
export async function disableWebhookEndpoint(
  db: Executor,
  organizationId: string,
  endpointId: string,
  now: Date,
): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ disabledAt: now })
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, endpointId)));
}

/** The organization's newest enabled endpoint with its newest unexpired secret (encrypted), if it has one. */
export async function findOrganizationEndpoint(db: Executor, organizationId: string, now: Date) {
  const [row] = await db
    .select({
      id: webhookEndpoints.id,
      stripeWebhookEndpointId: webhookEndpoints.stripeWebhookEndpointId,
      secretCiphertext: webhookEndpointSecrets.secretCiphertext,
    })
    .from(webhookEndpoints)
    .innerJoin(webhookEndpointSecrets, eq(webhookEndpointSecrets.endpointId, webhookEndpoints.id))
    .where(and(eq(webhookEndpoints.organizationId, organizationId), receiving(now)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpointSecrets.createdAt))
    .limit(1);
  return row;
}

import { eraseSubjectRows, selectDataSubject, selectSubjectRows } from "@orylo/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

/** A customer as API v1 names it: its Stripe customer id, its customer key (`email_…`) or our row id. */
export const CustomerIdParam = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "a customer id is a Stripe customer id or a customer key");

async function findSubject(ctx: OrgCtx, id: string) {
  const subject = await selectDataSubject(ctx.db, ctx.organizationId, CustomerIdParam.parse(id));
  if (!subject) throw new NotFoundError("customer", id);
  return subject;
}

export const CustomerExport = z.object({
  customerId: z.string(),
  exportedAt: z.iso.datetime(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).meta({
    description: "Every row of every table the personal-data registry links to the customer, by table.",
  }),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

/** GDPR access: everything stored about one customer, read from the tables the registry names. Audited. */
export async function exportCustomerData(ctx: OrgCtx, id: string): Promise<CustomerExport> {
  const subject = await findSubject(ctx, id);
  const tables = await selectSubjectRows(ctx.db, subject);
  await recordAudit(ctx, {
    action: "customer.exported",
    target: { type: "customer", id: subject.customerKey },
    data: { rows: Object.values(tables).reduce((sum, rows) => sum + rows.length, 0) },
  });
  return { customerId: subject.customerKey, exportedAt: ctx.now().toISOString(), tables };
}

export const CustomerErasure = z.object({
  customerId: z.string(),
  erased: z.record(z.string(), z.number().int()).meta({
    description: "Rows changed (pseudonymized, redacted or deleted) per table; zero when already erased.",
  }),
});
export type CustomerErasure = z.infer<typeof CustomerErasure>;

/**
 * GDPR erasure: every personal value of the customer, wherever the registry says it lives, is nulled,
 * pseudonymized, redacted or deleted in one transaction, with its audit entry. Payments, labels and the
 * customer key stay (pseudonymized) so a later dispute still matches its charge (SPEC §F). Running it again
 * finds nothing left to change.
 */
export async function eraseCustomerData(ctx: OrgCtx, id: string): Promise<CustomerErasure> {
  return ctx.db.transaction(async (tx) => {
    const subject = await findSubject({ ...ctx, db: tx }, id);
    const erased = await eraseSubjectRows(tx, subject);
    await recordAudit(
      ctx,
      { action: "customer.erased", target: { type: "customer", id: subject.customerKey }, data: { erased } },
      tx,
    );
    ctx.logger.info({ customerKey: subject.customerKey, erased }, "customer erased");
    return { customerId: subject.customerKey, erased };
  });
}

import { ensureMember, insertOrganization } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { z } from "zod";
import type { Ctx } from "../context";

export const CreateOrganizationInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    timeZone: z
      .string()
      .refine(
        (zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC",
        "Unknown time zone.",
      )
      .default("UTC"),
    reportingCurrency: z
      .string()
      .regex(/^[a-zA-Z]{3}$/)
      .transform((code) => code.toLowerCase())
      .default("eur"),
    locale: z.enum(["en", "fr"]).default("en"),
  })
  .strict();
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

/** A new merchant organization with `ownerId` as its owner (sign-up's second step). */
export async function createOrganization(
  ctx: Ctx,
  ownerId: string,
  input: CreateOrganizationInput,
): Promise<{ organizationId: string }> {
  const fields = CreateOrganizationInput.parse(input);
  const organizationId = generateId("org");
  await ctx.db.transaction(async (db) => {
    await insertOrganization(db, { id: organizationId, slug: organizationId, ...fields });
    await ensureMember(db, { id: generateId("mem"), organizationId, userId: ownerId, role: "owner" });
  });
  ctx.logger.info({ organizationId }, "organization created");
  return { organizationId };
}

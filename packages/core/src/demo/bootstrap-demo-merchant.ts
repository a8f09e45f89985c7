import {
  ensureMember,
  findOrganizationBySlug,
  findUserByEmail,
  insertApiKey,
  insertOrganization,
  insertUser,
  upsertCredentialAccount,
} from "@orylo/db";
import { generateId, hashApiKey } from "@orylo/platform";
import { hashPassword } from "better-auth/crypto";
import type { Ctx } from "../context";

export const DEMO_ORGANIZATION_SLUG = "demo";

export interface DemoCredentials {
  email: string;
  password: string;
  apiKey: string;
}

/**
 * Creates the demo merchant (organization, owner, password login, API key) on first boot and re-applies its
 * credentials at every boot, so `ORYLO_DEMO_PASSWORD` / `ORYLO_DEMO_API_KEY` changes take effect on restart.
 * The demo starts with automatic actions on: they are dry runs, since it has no Stripe keys.
 */
export async function bootstrapDemoMerchant(
  ctx: Ctx,
  credentials: DemoCredentials,
): Promise<{ organizationId: string }> {
  return ctx.db.transaction(async (db) => {
    await insertOrganization(db, {
      id: generateId("org"),
      name: "Demo Shop",
      slug: DEMO_ORGANIZATION_SLUG,
      isDemo: true,
      // A French shop: its explanations and AI texts are in French; the dashboard follows each browser.
      locale: "fr-FR",
      reportingCurrency: "eur",
      timeZone: "Europe/Paris",
      settings: {
        actions: {
          cancelOnBlock: true,
          refundOnBlock: true,
          closeReviews: true,
          refundEarlyFraudWarnings: true,
          mirrorRadarLists: true,
        },
      },
    });
    const organization = await findOrganizationBySlug(db, DEMO_ORGANIZATION_SLUG);
    if (!organization) throw new Error("demo organization could not be created");

    await insertUser(db, {
      id: generateId("user"),
      name: "Demo Merchant",
      email: credentials.email,
      emailVerified: true,
    });
    const owner = await findUserByEmail(db, credentials.email);
    if (!owner) throw new Error("demo user could not be created");
    await upsertCredentialAccount(db, {
      id: generateId("acct"),
      userId: owner.id,
      passwordHash: await hashPassword(credentials.password),
    });
    await ensureMember(db, {
      id: generateId("mem"),
      organizationId: organization.id,
      userId: owner.id,
      role: "owner",
    });
    await insertApiKey(db, {
      id: generateId("key"),
      organizationId: organization.id,
      name: "Demo key",
      prefix: credentials.apiKey.slice(0, 8),
      keyHash: hashApiKey(credentials.apiKey),
      createdBy: owner.id,
    });
    ctx.logger.info({ organizationId: organization.id }, "demo merchant ready");
    return { organizationId: organization.id };
  });
}

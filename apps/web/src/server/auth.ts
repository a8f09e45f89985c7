import { type Database, schema } from "@orylo/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { adminAc, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * Merchant sign-in: better-auth over our own Drizzle tables (user, session, account, verification,
 * organization, member, invitation), email + password, organizations with roles.
 */
export function createAuth({ db, secret, baseURL }: { db: Database; secret: string; baseURL: string }) {
  return betterAuth({
    database: drizzleAdapter(db, { provider: "pg", schema }),
    secret,
    baseURL,
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    plugins: [
      // Our four roles, so invitations accept them; what each may do in Orylo is `roleAllows` in core.
      // Analysts and viewers manage nothing of the organization itself (members, invitations).
      organization({ roles: { owner: ownerAc, admin: adminAc, analyst: memberAc, viewer: memberAc } }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

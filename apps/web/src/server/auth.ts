import { type Database, schema } from "@orylo/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";

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
    plugins: [organization(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

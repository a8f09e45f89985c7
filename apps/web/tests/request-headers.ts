import type { Role } from "@orylo/core";
import { ensureMember } from "@orylo/db";
import type { Runtime } from "@/server/runtime";

/**
 * The request a server action or server component runs in. Next.js gives them `headers()` and `cookies()`
 * from its request scope, which exists only inside its server; tests replace the `next/headers` module
 * (`vi.mock("next/headers", () => nextHeaders)`) with these, fed by `actAs`.
 */
export const currentRequest = { headers: new Headers() };

export const nextHeaders = {
  headers: async () => currentRequest.headers,
  cookies: async () => ({
    get: (name: string) => {
      const cookie = (currentRequest.headers.get("cookie") ?? "")
        .split("; ")
        .find((pair) => pair.startsWith(`${name}=`));
      return cookie ? { name, value: cookie.slice(name.length + 1) } : undefined;
    },
    // better-auth's nextCookies refreshes the session cookie on the response; a test has no response.
    set: () => undefined,
    delete: () => undefined,
  }),
};

/** Later `headers()` calls answer as this member's browser would. */
export function actAs(session: { cookie: string } | null): void {
  currentRequest.headers = new Headers(session ? { cookie: session.cookie } : {});
}

/** A new user who is a member of `organizationId` with `role`, signed in: its session cookie. */
export async function createMemberSession(
  runtime: Runtime,
  organizationId: string,
  role: Role,
): Promise<{ cookie: string; userId: string }> {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const response = await runtime.auth.api.signUpEmail({
    body: { name: role, email, password: "correct horse battery staple" },
    asResponse: true,
  });
  const { user } = (await response.json()) as { user: { id: string } };
  await ensureMember(runtime.database.db, { id: `mem_${user.id}`, organizationId, userId: user.id, role });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { cookie, userId: user.id };
}

import { member } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { generateId } from "@orylo/platform";
import type { Runtime } from "@/server/runtime";

export interface SignedInMember {
  userId: string;
  organizationId: string;
  /** The `cookie` header of the member's better-auth session. */
  cookie: string;
}

/** A user with a real better-auth session and the given role in a new organization. */
export async function signedInMember(runtime: Runtime, role: string): Promise<SignedInMember> {
  const db = runtime.database.db;
  const email = `${generateId("u")}@example.test`;
  const password = "a long enough password";
  const { user } = await runtime.auth.api.signUpEmail({ body: { email, password, name: "Merchant" } });
  const organization = await createTestOrganization(db);
  await db
    .insert(member)
    .values({ id: generateId("mem"), organizationId: organization.id, userId: user.id, role });
  const response = await runtime.auth.api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { userId: user.id, organizationId: organization.id, cookie };
}

/** Calls a session route handler as the browser would, with the member's cookie. */
export async function asMember(
  handler: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  path: string,
  { cookie, method = "GET", body }: { cookie: string | null; method?: string; body?: unknown },
) {
  const headers = new Headers({ "content-type": "application/json" });
  if (cookie) headers.set("cookie", cookie);
  const response = await handler(
    new Request(`http://localhost:3000${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve({} as never) },
  );
  const text = await response.text();
  return {
    status: response.status,
    location: response.headers.get("location"),
    body: text ? JSON.parse(text) : null,
  };
}

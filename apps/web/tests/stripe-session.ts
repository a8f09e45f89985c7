import type { Role } from "@orylo/core";
import { createTestOrganization } from "@orylo/db/testing";
import type { Runtime } from "@/server/runtime";
import { createMemberSession } from "./request-headers";

export interface SignedInMember {
  userId: string;
  organizationId: string;
  /** The `cookie` header of the member's better-auth session. */
  cookie: string;
}

/** A user with a real better-auth session and the given role in a new organization. */
export async function signedInMember(runtime: Runtime, role: Role): Promise<SignedInMember> {
  const organization = await createTestOrganization(runtime.database.db);
  const session = await createMemberSession(runtime, organization.id, role);
  return { ...session, organizationId: organization.id };
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

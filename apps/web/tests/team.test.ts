import { getTeam, withOrganization } from "@orylo/core";
import { auditLog } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cancelInvitation, inviteMember } from "@/app/(dashboard)/settings/team-actions";
import { acceptInvitation } from "@/app/invitations/[id]/actions";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { redirectedTo: url });
  },
}));

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

/** A signed-in user with their own account (as after sign-up), by email. */
async function signUp(email: string) {
  const response = await runtime.auth.api.signUpEmail({
    body: { name: "Invitee", email, password: "correct horse battery staple" },
    asResponse: true,
  });
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

describe("team: invitations through better-auth's organization plugin", () => {
  it("an owner invites an analyst, who accepts and works in the organization with that role", async () => {
    const organization = await createTestOrganization(runtime.database.db);
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "t" } },
      organization.id,
    );
    actAs(await createMemberSession(runtime, organization.id, "owner"));
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invited = await inviteMember({ email, role: "analyst" });
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expect(invited.data.url).toMatch(new RegExp(`/invitations/${invited.data.id}$`));
    expect((await getTeam(ctx)).invitations).toEqual([expect.objectContaining({ email, role: "analyst" })]);

    // Someone else cannot take it.
    actAs(await signUp(`other-${crypto.randomUUID().slice(0, 8)}@example.test`));
    expect(await acceptInvitation({ invitationId: invited.data.id })).toEqual({
      error: expect.stringMatching(/recipient/i),
    });

    actAs(await signUp(email));
    await expect(acceptInvitation({ invitationId: invited.data.id })).rejects.toMatchObject({
      redirectedTo: "/",
    });
    const team = await getTeam(ctx);
    expect(team.invitations).toEqual([]);
    expect(team.members.find((member) => member.email === email)).toMatchObject({ role: "analyst" });
    const joined = await runtime.database.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organization.id), eq(auditLog.action, "member.joined")));
    expect(joined).toEqual([{ action: "member.joined", data: { role: "analyst" } }]);
  });

  it("withdraws an invitation; an analyst may not invite; nobody invites an owner", async () => {
    const organization = await createTestOrganization(runtime.database.db);
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "system", task: "t" } },
      organization.id,
    );
    actAs(await createMemberSession(runtime, organization.id, "admin"));
    const invited = await inviteMember({ email: "later@example.test", role: "viewer" });
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expect(await cancelInvitation({ invitationId: invited.data.id })).toMatchObject({ ok: true });
    expect((await getTeam(ctx)).invitations).toEqual([]);
    expect(await inviteMember({ email: "boss@example.test", role: "owner" as "admin" })).toMatchObject({
      ok: false,
      status: 400,
    });
    actAs(await createMemberSession(runtime, organization.id, "analyst"));
    expect(await inviteMember({ email: "x@example.test", role: "viewer" })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

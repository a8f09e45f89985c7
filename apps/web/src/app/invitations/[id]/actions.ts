"use server";

import { OryloError, recordAudit, withOrganization } from "@orylo/core";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestContext } from "@/server/request-context";
import { getRuntime } from "@/server/runtime";
import { betterAuthCall } from "@/server/session/better-auth-call";

const AcceptInput = z.object({ invitationId: z.string().min(1).max(100) });

// Server action — the signed-in invitee joins the organization (better-auth checks the invitation names
// their email) and works in it from now on.
export async function acceptInvitation(input: z.input<typeof AcceptInput>): Promise<{ error: string }> {
  const { invitationId } = AcceptInput.parse(input);
  const runtime = await getRuntime();
  const requestHeaders = await headers();
  try {
    const accepted = await betterAuthCall(() =>
      runtime.auth.api.acceptInvitation({ headers: requestHeaders, body: { invitationId } }),
    );
    const organizationId = accepted?.invitation.organizationId;
    if (organizationId && accepted.member) {
      const { id, userId, role } = accepted.member;
      const ctx = withOrganization(
        { ...requestContext(runtime), actor: { type: "user", userId } },
        organizationId,
      );
      await recordAudit(ctx, { action: "member.joined", target: { type: "member", id }, data: { role } });
      await runtime.auth.api.setActiveOrganization({ headers: requestHeaders, body: { organizationId } });
    }
  } catch (error) {
    if (error instanceof OryloError) return { error: error.message };
    throw error;
  }
  redirect("/");
}

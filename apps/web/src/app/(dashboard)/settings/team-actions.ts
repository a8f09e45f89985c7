"use server";

import { Role, recordAudit, recordInvitation, requirePendingInvitation } from "@orylo/core";
import { headers } from "next/headers";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { betterAuthCall } from "@/server/session/better-auth-call";
import { memberAction } from "@/server/session/member-action";

// Server action — invite someone by email with a role; the link is emailed to them when SMTP is configured,
// and answered so the inviter can send it otherwise (owner, admin).
export const inviteMember = memberAction(
  "configure",
  z.object({ email: z.email().max(320), role: Role.exclude(["owner"]) }),
  async (ctx, { email, role }) => {
    const runtime = await getRuntime();
    const requestHeaders = await headers();
    const invitation = await betterAuthCall(() =>
      runtime.auth.api.createInvitation({
        headers: requestHeaders,
        body: { email, role, organizationId: ctx.organizationId },
      }),
    );
    const url = `${runtime.config.publicUrl}/invitations/${invitation.id}`;
    await recordInvitation(ctx, { invitationId: invitation.id, role, acceptUrl: url });
    return { id: invitation.id, url, emailed: runtime.config.email !== null };
  },
);

// Server action — withdraw a pending invitation (owner, admin of its organization).
export const cancelInvitation = memberAction(
  "configure",
  z.object({ invitationId: z.string().min(1) }),
  async (ctx, { invitationId }) => {
    await requirePendingInvitation(ctx, invitationId);
    const runtime = await getRuntime();
    const requestHeaders = await headers();
    await betterAuthCall(() =>
      runtime.auth.api.cancelInvitation({ headers: requestHeaders, body: { invitationId } }),
    );
    await recordAudit(ctx, {
      action: "invitation.canceled",
      target: { type: "invitation", id: invitationId },
    });
    return { invitationId };
  },
);

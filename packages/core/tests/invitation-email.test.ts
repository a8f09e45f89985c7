import { invitation, taskOutbox, user } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { createMailer } from "@orylo/platform";
import { type FakeSmtpServer, startFakeSmtpServer } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { recordInvitation } from "../src/members/record-invitation";
import { sendInvitationEmail } from "../src/members/send-invitation-email";
import { INVITATIONS_SEND_TASK, InvitationsSendPayload } from "../src/tasks";
import { testCtx } from "./helpers";

let smtp: FakeSmtpServer;
beforeAll(async () => {
  smtp = await startFakeSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

/** An invitation as better-auth stores it, audited and queued by `recordInvitation`. */
async function invited(status = "pending") {
  const { db } = await getTestDatabase();
  const org = await createTestOrganization(db, { locale: "en" });
  const inviterId = `user_${org.id}`;
  await db.insert(user).values({ id: inviterId, name: "Ada", email: `ada-${org.id}@shop.test` });
  const id = `inv_${org.id}`;
  const email = `new-${org.id.slice(-8)}@example.test`;
  await db.insert(invitation).values({
    id,
    organizationId: org.id,
    email,
    role: "viewer",
    status,
    expiresAt: new Date(Date.now() + 86_400_000),
    inviterId,
  });
  const ctx = withOrganization(testCtx(db), org.id);
  await recordInvitation(ctx, {
    invitationId: id,
    role: "viewer",
    acceptUrl: `https://app.test/invitations/${id}`,
  });
  const [queued] = await db.select().from(taskOutbox).where(eq(taskOutbox.organizationId, org.id));
  expect(queued?.taskId).toBe(INVITATIONS_SEND_TASK);
  return { ctx, email, payload: InvitationsSendPayload.parse(queued?.payload) };
}

describe("invitation emails", () => {
  it("sends the link in English, to the invitee only", async () => {
    const { ctx, email, payload } = await invited();
    const mailer = createMailer({
      email: { smtpUrl: smtp.url, from: null, operatorRecipients: [] },
      publicUrl: "https://app.test",
    });
    try {
      expect(await sendInvitationEmail(ctx, mailer ?? undefined, payload)).toEqual({ delivery: "emailed" });
    } finally {
      mailer?.close();
    }
    const mail = (await smtp.waitForMessages(1)).find((message) => message.to.includes(email));
    expect(mail).toMatchObject({
      to: [email],
      subject: expect.stringMatching(/^Ada invited you to Test organization/),
    });
    expect(mail?.raw.replace(/=\r?\n/g, "")).toContain(payload.acceptUrl);
  });

  it("sends nothing without SMTP, nor for an invitation no longer pending", async () => {
    const pending = await invited();
    expect(await sendInvitationEmail(pending.ctx, undefined, pending.payload)).toEqual({
      delivery: "not_configured",
    });
    const withdrawn = await invited("canceled");
    const mailer = createMailer({
      email: { smtpUrl: smtp.url, from: null, operatorRecipients: [] },
      publicUrl: "https://app.test",
    });
    try {
      expect(await sendInvitationEmail(withdrawn.ctx, mailer ?? undefined, withdrawn.payload)).toEqual({
        delivery: "not_pending",
      });
    } finally {
      mailer?.close();
    }
    expect(smtp.messages.some((message) => message.to.includes(withdrawn.email))).toBe(false);
  });

  it("finds another organization's invitation nowhere", async () => {
    const theirs = await invited();
    const mine = await invited();
    const mailer = createMailer({
      email: { smtpUrl: smtp.url, from: null, operatorRecipients: [] },
      publicUrl: "https://app.test",
    });
    try {
      expect(await sendInvitationEmail(mine.ctx, mailer ?? undefined, theirs.payload)).toEqual({
        delivery: "not_pending",
      });
    } finally {
      mailer?.close();
    }
    expect(smtp.messages.some((message) => message.to.includes(theirs.email))).toBe(false);
  });
});

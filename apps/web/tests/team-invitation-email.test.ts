import { taskOutbox } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { type FakeSmtpServer, startFakeSmtpServer } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inviteMember } from "@/app/(dashboard)/settings/team-actions";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { bootTestRuntime } from "./web-test-runtime";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let smtp: FakeSmtpServer;
let runtime: Runtime;
beforeAll(async () => {
  smtp = await startFakeSmtpServer();
  runtime = await bootTestRuntime(
    { SMTP_URL: smtp.url, EMAIL_FROM: "Orylo <team@orylo.test>" },
    { startTasks: true },
  );
});
afterAll(async () => {
  await runtime?.close();
  await smtp?.close();
});

/** An RFC 2047 `=?UTF-8?Q?…?=` header as nodemailer folds non-ASCII subjects, back to text. */
function decodeQ(header: string): string {
  const words = header.replace(/\?=\s+=\?UTF-8\?Q\?/g, "").replace(/^=\?UTF-8\?Q\?|\?=$/g, "");
  return decodeURIComponent(words.replaceAll("_", " ").replace(/=([0-9A-F]{2})/g, "%$1"));
}

describe("team: an invitation is emailed through the alerts' SMTP", () => {
  it("emails the invitee the link to join, once, in the organization's language", async () => {
    const organization = await createTestOrganization(runtime.database.db, { locale: "fr-FR" });
    actAs(await createMemberSession(runtime, organization.id, "owner"));
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const invited = await inviteMember({ email, role: "analyst" });
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expect(invited.data.emailed).toBe(true);

    const mails = await smtp.waitForMessages(1, 30_000);
    const mail = mails.find((message) => message.to.includes(email));
    expect(mail).toMatchObject({ from: "team@orylo.test", to: [email] });
    expect(decodeQ(mail?.subject ?? "")).toBe(`owner vous invite à rejoindre ${organization.name} sur Orylo`);
    const body = mail?.raw.replace(/=\r?\n/g, "") ?? "";
    expect(body).toContain(`${invited.data.url}\r\n`);
    expect(body).toContain("connectez-vous");

    const queued = () =>
      runtime.database.db
        .select({ status: taskOutbox.status, payload: taskOutbox.payload })
        .from(taskOutbox)
        .where(
          and(eq(taskOutbox.organizationId, organization.id), eq(taskOutbox.taskId, "invitations.send")),
        );
    await expect.poll(queued, { timeout: 10_000 }).toEqual([
      {
        status: "done",
        payload: {
          organizationId: organization.id,
          invitationId: invited.data.id,
          acceptUrl: invited.data.url,
        },
      },
    ]);
  });
});

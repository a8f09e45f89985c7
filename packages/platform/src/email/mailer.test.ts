import { type FakeSmtpServer, startFakeSmtpServer } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "./mailer";

let smtp: FakeSmtpServer;
beforeAll(async () => {
  smtp = await startFakeSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

describe("mailer", () => {
  it("is absent without SMTP_URL", () => {
    expect(createMailer({ email: null, publicUrl: "http://localhost:3000" })).toBeNull();
  });

  it("sends over SMTP with the URL's credentials and the configured sender", async () => {
    const mailer = createMailer({
      email: { smtpUrl: smtp.url, from: "Orylo alerts <alerts@orylo.test>", operatorRecipients: [] },
      publicUrl: "http://localhost:3000",
    });
    const sent = await mailer?.send({
      to: ["ops@shop.test"],
      subject: "Webhook silence",
      text: "No events.",
    });
    mailer?.close();
    expect(sent?.messageId).toEqual(expect.any(String));
    const [mail] = await smtp.waitForMessages(1);
    expect(mail).toMatchObject({
      from: "alerts@orylo.test",
      to: ["ops@shop.test"],
      subject: "Webhook silence",
    });
    expect(mail?.raw).toContain("No events.");
  });

  it("fails when the server refuses the login", async () => {
    const mailer = createMailer({
      email: { smtpUrl: smtp.url.replace("smtp-test-password", "wrong"), from: null, operatorRecipients: [] },
      publicUrl: "https://app.orylo.test",
    });
    await expect(mailer?.send({ to: ["ops@shop.test"], subject: "x", text: "y" })).rejects.toThrow();
    mailer?.close();
  });
});

import { createTransport } from "nodemailer";
import type { Config } from "../config";

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends email over SMTP. `null` from `createMailer` means no SMTP is configured: callers store instead. */
export interface Mailer {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * nodemailer over `SMTP_URL` (smtp:// or smtps://, credentials in the URL), sender `EMAIL_FROM` or
 * `orylo@<public host>`. Timeouts are short: a task retries later rather than hanging on a dead server.
 */
export function createMailer(config: Pick<Config, "email" | "publicUrl">): Mailer | null {
  if (!config.email) return null;
  const transport = createTransport({
    url: config.email.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = config.email.from ?? `Orylo <orylo@${new URL(config.publicUrl).hostname}>`;
  return {
    async send({ to, subject, text }) {
      const info = await transport.sendMail({ from, to, subject, text });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}

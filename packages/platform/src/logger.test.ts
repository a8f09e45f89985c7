import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskEmail, redactLogFields } from "./logger";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  return { lines, destination };
}

describe("maskEmail", () => {
  it.each([
    ["jane.doe@example.com", "j***@example.com"],
    ["a@b.co", "a***@b.co"],
    ["not an email", "***"],
    ["@example.com", "***"],
    ["jane@", "***"],
  ])("%s → %s", (input, expected) => expect(maskEmail(input)).toBe(expected));
});

describe("createLogger (JSON)", () => {
  it("writes one JSON line per event with the child's context", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info", prettyLogs: false }, { destination });
    logger.child({ requestId: "req_1", organizationId: "org_1", eventId: "evt_1" }).info({ n: 1 }, "scored");
    logger.debug("below the level");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: "info",
      msg: "scored",
      n: 1,
      requestId: "req_1",
      organizationId: "org_1",
      eventId: "evt_1",
    });
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("redacts secrets and masks emails", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info", prettyLogs: false }, { destination });
    logger.info(
      {
        req: { headers: { authorization: "Bearer ork_secret", "stripe-signature": "t=1,v1=abc", host: "x" } },
        headers: { cookie: "session=abc" },
        stripe: { secretKey: "sk_live_123", webhookSecret: "whsec_123" },
        user: { email: "jane.doe@example.com", password: "hunter2" },
        apiKey: "ork_abc",
        token: "tok",
        email: "john@example.org",
        webhook: { secret: "whsec_456" },
      },
      "request",
    );
    const text = lines.join("\n");
    for (const leaked of [
      "ork_secret",
      "t=1,v1",
      "session=abc",
      "sk_live_123",
      "whsec_",
      "hunter2",
      "ork_abc",
    ]) {
      expect(text).not.toContain(leaked);
    }
    expect(text).not.toContain("jane.doe@");
    expect(text).not.toContain("john@");
    const entry = JSON.parse(lines[0]!);
    expect(entry.user.email).toBe("j***@example.com");
    expect(entry.email).toBe("j***@example.org");
    expect(entry.req.headers.authorization).toBe("[Redacted]");
    expect(entry.req.headers.host).toBe("x");
    expect(entry.webhook.secret).toBe("[Redacted]");
  });
});

describe("redactLogFields", () => {
  it("censors a child's bindings, leaves the logged object as it was, and keeps an error's message and stack", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info", prettyLogs: false }, { destination });
    const error = Object.assign(new Error("card declined"), { token: "tok_secret" });
    const fields = { requestId: "req_1", stripe: { secretKey: "sk_live_9" }, err: error };
    logger.child({ apiKey: "ork_bound", organizationId: "org_1" }).error(fields, "failed");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ apiKey: "[Redacted]", organizationId: "org_1", requestId: "req_1" });
    expect(entry.stripe.secretKey).toBe("[Redacted]");
    expect(entry.err).toMatchObject({ message: "card declined", token: "[Redacted]" });
    expect(entry.err.stack).toContain("card declined");
    expect(fields.stripe.secretKey).toBe("sk_live_9");
    expect(error.token).toBe("tok_secret");
  });

  it("returns the same object when nothing is censored", () => {
    const fields = { requestId: "req_1", nested: { decision: "ALLOW", headers: { host: "x" } } };
    expect(redactLogFields(fields)).toBe(fields);
  });
});

describe("createLogger (pretty)", () => {
  it("writes readable lines synchronously and still redacts", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ logLevel: "info", prettyLogs: true }, { destination });
    logger.child({ requestId: "req_2" }).warn({ apiKey: "ork_abc" }, "slow webhook");
    const text = lines.join("\n");
    expect(text).toContain("WARN");
    expect(text).toContain("slow webhook");
    expect(text).toContain("req_2");
    expect(text).not.toContain("ork_abc");
  });
});

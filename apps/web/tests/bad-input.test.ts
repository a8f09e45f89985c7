import { beforeAll, describe, expect, it } from "vitest";
import { GET as unknownRoute } from "@/app/api/[...path]/route";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, PLATFORM_SECRET } from "./web-test-runtime";

beforeAll(async () => {
  await bootTestRuntime();
});

describe("bad input gets a clear JSON error", () => {
  it("refuses a webhook body over 1 MB with a 413", async () => {
    const huge = JSON.stringify({ id: "evt_huge", padding: "x".repeat(1_100_000) });
    const { status, body } = await sendWebhook(huge, { secret: PLATFORM_SECRET });
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "payload_too_large" });
  });

  it("answers an unknown API path with a JSON 404 that names it", async () => {
    const response = await unknownRoute(new Request("http://localhost/api/v1/nope"), {
      params: Promise.resolve({ path: ["v1", "nope"] }),
    });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "not_found" });
    expect(body.error.message).toContain("GET /api/v1/nope");
  });
});

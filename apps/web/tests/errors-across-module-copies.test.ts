import { OverloadedError } from "@orylo/core";
import { createLogger } from "@orylo/platform";
import { describe, expect, it } from "vitest";
import { toHttpResponse } from "@/server/http/to-http-response";

const context = {
  requestId: "req_copytest01",
  logger: createLogger({ logLevel: "silent", prettyLogs: false }),
};

describe("errors thrown by another copy of core", () => {
  it("keep their status: Next.js runs instrumentation (which boots the runtime) and routes as separate module instances", async () => {
    // A second instance of core's errors module, as the runtime booted by instrumentation has.
    const errorsModule = new URL("../../../packages/core/src/errors.ts", import.meta.url).pathname;
    const specifier = `${errorsModule}?instrumentation-copy`;
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("@orylo/core");
    const fromCopy = new copy.OverloadedError(2);
    expect(fromCopy).not.toBeInstanceOf(OverloadedError);

    const response = toHttpResponse(fromCopy, context);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.json()).toMatchObject({
      error: { code: "overloaded", requestId: "req_copytest01" },
    });
  });

  it("still answers 500 without details for an error that only has a code, like a driver's", async () => {
    const driverError = Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" });
    const response = toHttpResponse(driverError, context);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: "internal_error" } });
  });
});

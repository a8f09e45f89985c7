import { describe, expect, it } from "vitest";
import { GET as readiness } from "@/app/api/health/ready/route";
import { GET as liveness } from "@/app/api/health/route";
import { bootTestRuntime } from "./web-test-runtime";

describe("health", () => {
  it("answers liveness without touching anything", async () => {
    const response = liveness();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers, and lists the backends", async () => {
    await bootTestRuntime();
    const response = await readiness(new Request("http://localhost/api/health/ready"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok" } });
    expect(body.backends).toMatchObject({ database: "pglite", tasks: "inline", cache: "memory" });
  });

  it("answers 503 when the database is down", async () => {
    const runtime = await bootTestRuntime();
    await runtime.database.close();
    const response = await readiness(new Request("http://localhost/api/health/ready"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: "unavailable",
      database: { status: "unavailable" },
    });
  });
});

import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { bootTestRuntime } from "./web-test-runtime";

const signIn = (email: string, password: string) =>
  POST(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    }),
  );

describe("merchant sign-in (better-auth on our tables)", () => {
  it("signs the demo merchant in with the banner's credentials and returns its session", async () => {
    await bootTestRuntime({ PORT: "3000" });
    const response = await signIn("demo@example.test", "correct horse battery staple");
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain("better-auth.session_token=");

    const session = await GET(
      new Request("http://localhost:3000/api/auth/get-session", {
        headers: { cookie: cookie.split(";")[0] ?? "" },
      }),
    );
    expect(await session.json()).toMatchObject({ user: { email: "demo@example.test" } });
  });

  it("refuses a wrong password", async () => {
    await bootTestRuntime({ PORT: "3000" });
    const response = await signIn("demo@example.test", "not the password");
    expect(response.status).toBe(401);
  });
});

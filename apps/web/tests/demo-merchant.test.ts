import { account, member, organization, user } from "@orylo/db";
import { verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listDetections } from "@/app/api/v1/detections/route";
import { bootTestRuntime, DEMO_API_KEY } from "./web-test-runtime";

describe("the demo merchant (embedded mode)", () => {
  it("exists after boot with an owner who can sign in and an API key that works", async () => {
    const runtime = await bootTestRuntime();
    const db = runtime.database.db;
    const demoId = runtime.demo?.organizationId as string;
    const [org] = await db.select().from(organization).where(eq(organization.id, demoId));
    expect(org).toMatchObject({ slug: "demo", isDemo: true });
    const [owner] = await db.select().from(user).where(eq(user.email, "demo@example.test"));
    const [membership] = await db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, demoId), eq(member.userId, owner!.id)));
    expect(membership?.role).toBe("owner");
    const [credential] = await db.select().from(account).where(eq(account.userId, owner!.id));
    expect(
      await verifyPassword({ hash: credential!.password!, password: "correct horse battery staple" }),
    ).toBe(true);

    const response = await listDetections(
      new Request("http://localhost/api/v1/detections", {
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
  });

  it("re-applies ORYLO_DEMO_PASSWORD at every boot, without a second organization", async () => {
    const first = await bootTestRuntime();
    const second = await bootTestRuntime({ ORYLO_DEMO_PASSWORD: "a new password for the demo" });
    expect(second.demo?.organizationId).toBe(first.demo?.organizationId);
    const db = second.database.db;
    const [owner] = await db.select().from(user).where(eq(user.email, "demo@example.test"));
    const [credential] = await db.select().from(account).where(eq(account.userId, owner!.id));
    expect(
      await verifyPassword({ hash: credential!.password!, password: "a new password for the demo" }),
    ).toBe(true);
    const demos = await db.select().from(organization).where(eq(organization.slug, "demo"));
    expect(demos).toHaveLength(1);
  });
});

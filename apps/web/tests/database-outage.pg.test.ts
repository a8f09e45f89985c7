// Full suite: a real PostgreSQL behind a TCP proxy that the test cuts and restores.
import {
  type DatabaseHandle,
  detections,
  migrateDatabase,
  openDatabase,
  stripeEvents,
  transactions,
} from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture, startTcpProxy, type TcpProxy } from "@orylo/testkit";
import { type PostgresServer, startPostgresServer } from "@orylo/testkit/postgres-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootRuntime, type Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { PLATFORM_SECRET } from "./web-test-runtime";

let server: PostgresServer;
let proxy: TcpProxy;
let direct: DatabaseHandle;
let runtime: Runtime;
let organizationId: string;

beforeAll(async () => {
  server = await startPostgresServer();
  direct = await openDatabase({ driver: "pg", url: server.url });
  await migrateDatabase(direct);
  organizationId = (await createTestOrganization(direct.db)).id;
  const target = new URL(server.url);
  proxy = await startTcpProxy(Number(target.port));
  target.port = String(proxy.port);
  runtime = await bootRuntime({
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATABASE_URL: target.toString(),
      STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET,
      BETTER_AUTH_SECRET: "outage-auth-secret-outage-auth-secret-00",
      ORYLO_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      ORYLO_DEFAULT_ORGANIZATION: organizationId,
    },
    printBanner: false,
  });
});

afterAll(async () => {
  await runtime?.close();
  await proxy?.close();
  await direct?.close();
  await server?.stop();
});

describe("the database refuses connections on the webhook path", () => {
  it("answers 5xx JSON and writes nothing, then processes Stripe's redelivery once it is back", async () => {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    expect(
      (
        await sendWebhook(asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json")), {
          secret: PLATFORM_SECRET,
        })
      ).status,
    ).toBe(200);

    await proxy.cut();
    const during = await sendWebhook(event, { secret: PLATFORM_SECRET });
    expect(during.status).toBeGreaterThanOrEqual(500);
    expect(during.body.error).toMatchObject({ requestId: expect.any(String) });
    expect(JSON.stringify(during.body)).not.toMatch(/\n\s+at /);
    expect(await direct.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);

    await proxy.restore();
    const after = await sendWebhook(event, { secret: PLATFORM_SECRET });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ duplicate: false, status: "processed" });
    const charges = await direct.db
      .select()
      .from(transactions)
      .where(eq(transactions.organizationId, organizationId));
    const decided = await direct.db
      .select()
      .from(detections)
      .where(eq(detections.organizationId, organizationId));
    expect(charges).toHaveLength(2);
    expect(decided).toHaveLength(2);
  });
});

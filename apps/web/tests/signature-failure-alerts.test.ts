import { alerts } from "@orylo/db";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime } from "./web-test-runtime";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

const sharedAlert = () =>
  runtime.database.db
    .select({ count: alerts.count })
    .from(alerts)
    .where(
      and(
        isNull(alerts.organizationId),
        eq(alerts.kind, "webhooks.signature_failures"),
        isNull(alerts.resolvedAt),
      ),
    );

describe("signature failures on the webhook", () => {
  it("answer 400 each, and a burst from many addresses raises one operator alert", async () => {
    const before = (await sharedAlert())[0]?.count ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const { status } = await sendWebhook(
        { id: `evt_forged_${i}`, object: "event" },
        { secret: "whsec_not_ours", ip: `192.0.2.${i + 1}` },
      );
      statuses.push(status);
    }
    expect(new Set(statuses)).toEqual(new Set([400]));
    const [alert] = await sharedAlert();
    expect(alert?.count).toBe(before + 1);
  });
});

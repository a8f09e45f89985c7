import { transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { makeTransaction } from "@orylo/engine/testing";
import { beginForegroundWork } from "@orylo/platform";
import { describe, expect, it } from "vitest";
import { backtestRuleSet } from "../src/backtest/backtest-rule-set";
import { withOrganization } from "../src/context";
import { testCtx } from "./helpers";

const database = usePostgresDatabase();
const PAYMENTS = 30_000;
const END = Date.UTC(2025, 5, 1);

/**
 * A backtest runs in the web process (the API, the inline task host) beside webhook deliveries: its replay
 * must hand the event loop back every few milliseconds instead of holding it for a page of 20 000 payments.
 * On pg the reads do not block the loop, so the longest stall the timer sees is the replay's.
 */
describe("backtest time slicing (PostgreSQL)", () => {
  it("keeps the event loop responsive while a delivery is in flight", async () => {
    const { db } = database();
    const organization = await createTestOrganization(db);
    const rows = Array.from({ length: PAYMENTS }, (_, index) => ({
      id: `txn_slice_${index}`,
      organizationId: organization.id,
      ...makeTransaction({
        chargeId: `ch_slice_${index}`,
        createdAt: new Date(END - (PAYMENTS - index) * 60_000),
        cardFingerprint: `card_${index % 5_000}`,
        ipAddress: `10.0.${index % 200}.${index % 7}`,
        email: `shopper${index % 4_000}@example.com`,
      }),
    }));
    for (let start = 0; start < rows.length; start += 1_000)
      await db.insert(transactions).values(rows.slice(start, start + 1_000));
    const ctx = withOrganization(
      testCtx(db, () => new Date(END)),
      organization.id,
    );

    const endDelivery = beginForegroundWork();
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestStall = Math.max(longestStall, performance.now() - last);
      last = performance.now();
    }, 2);
    const started = performance.now();
    try {
      const report = await backtestRuleSet(ctx, {
        rules: ["Block if :card_count_for_ip_address_10m: >= 3"],
        from: new Date(END - 20 * 86_400_000).toISOString(),
        to: new Date(END).toISOString(),
      });
      expect(report.payments).toBeGreaterThan(20_000);
    } finally {
      clearInterval(ticker);
      endDelivery();
    }
    const elapsed = performance.now() - started;
    // The replay alone holds the loop for about 500 ms per page of 20 000 payments when it does not yield.
    expect(elapsed).toBeGreaterThan(750);
    // Decoding a page of rows is not sliced (tens of milliseconds); a busy machine adds some.
    expect(longestStall).toBeLessThan(Math.min(250, elapsed / 3));
  }, 120_000);
});

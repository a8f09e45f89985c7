import { insertTransaction } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import type { Transaction } from "@orylo/engine";
import { makeTransaction } from "@orylo/engine/testing";
import { expect, it } from "vitest";
import { backtestHistoryPages } from "../src/backtest/backtest-history-pages";
import { backtestRuleSet } from "../src/backtest/backtest-rule-set";
import { withOrganization } from "../src/context";
import { testCtx } from "./helpers";

const END = Date.UTC(2025, 5, 1);
const DAY_MS = 86_400_000;

it("replays payments the caller already read exactly as it reads them itself, warm-up and bounds included", async () => {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  // 100 days of payments, so some fall before the warm-up, some in it, and the rest in the range.
  for (let index = 0; index < 300; index++)
    await insertTransaction(db, {
      id: `txn_stored_${organization.id}_${index}`,
      organizationId: organization.id,
      ...makeTransaction({
        chargeId: `ch_stored_${index}`,
        createdAt: new Date(END - 100 * DAY_MS + index * 8 * 3_600_000),
        ipAddress: `198.51.100.${index % 2}`,
        cardFingerprint: `card_${index % 40}`,
      }),
    });
  const ctx = withOrganization(
    testCtx(db, () => new Date(END)),
    organization.id,
  );
  const input = {
    rules: ["Block if :total_charges_per_ip_address_daily: >= 1"],
    from: new Date(END - 60 * DAY_MS).toISOString(),
    to: new Date(END).toISOString(),
  };
  const stored: Transaction[] = [];
  const everything = { organizationId: organization.id, since: new Date(0), until: new Date(END) };
  for await (const page of backtestHistoryPages(db, everything)) stored.push(...page);

  const read = await backtestRuleSet(ctx, input);
  const given = await backtestRuleSet(ctx, input, {}, { stored });
  expect(read.warmupPayments).toBeGreaterThan(0);
  expect(read.rules[0]!.hits).toBeGreaterThan(0);
  expect(given).toEqual(read);
  await expect(backtestRuleSet(ctx, input, { maxRows: 100 }, { stored })).rejects.toThrow(
    /More than 100 payments/,
  );
});

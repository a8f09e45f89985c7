import { insertTransaction } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { makeTransaction } from "@orylo/engine/testing";
import { describe, expect, it } from "vitest";
import { backtestHistoryPages } from "../src/backtest/backtest-history-pages";

describe("backtest history pages", () => {
  it("stream every payment once, in (created, ingest order), across pages that split same-second payments", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const neighbour = await createTestOrganization(db);
    const start = Date.UTC(2025, 4, 1);
    // Bursts of up to 4 payments in the same second, inserted out of time order: only (created, ingest) orders them.
    const seconds = [5, 1, 1, 1, 3, 3, 9, 1, 3, 7, 7, 7, 7, 2, 0];
    for (const [index, second] of seconds.entries()) {
      const payment = makeTransaction({
        chargeId: `ch_page_${index}`,
        createdAt: new Date(start + second * 1000),
      });
      await insertTransaction(db, {
        id: `txn_page_${organization.id}_${index}`,
        organizationId: organization.id,
        ...payment,
      });
      await insertTransaction(db, {
        id: `txn_page_${neighbour.id}_${index}`,
        organizationId: neighbour.id,
        ...payment,
      });
    }
    const range = {
      organizationId: organization.id,
      since: new Date(start + 1000),
      until: new Date(start + 7000),
    };

    const pages: string[][] = [];
    for await (const page of backtestHistoryPages(db, range, 3)) pages.push(page.map((row) => row.chargeId));

    const inRange = seconds
      .map((second, index) => ({ second, index }))
      .filter(({ second }) => second >= 1 && second <= 7)
      .sort((a, b) => a.second - b.second || a.index - b.index)
      .map(({ index }) => `ch_page_${index}`);
    expect(pages.flat()).toEqual(inRange);
    expect(pages.length).toBe(Math.ceil(inRange.length / 3));
    expect(pages.every((page) => page.length <= 3)).toBe(true);
  });
});

import { type Executor, insertTransaction } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { makeTransaction } from "@orylo/engine/testing";
import { expect, it } from "vitest";
import { backtestHistoryPages } from "../src/backtest/backtest-history-pages";

/** The history reader on one driver: its rows are the engine's payments whatever the driver parses. */
export function backtestHistoryPagesCases(database: () => Promise<Executor>) {
  it("stream every payment once, in (created, ingest order), across pages that split same-second payments", async () => {
    const db = await database();
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

  it("hand back each payment exactly as stored: every field, nulls, milliseconds, large amounts, metadata", async () => {
    const db = await database();
    const organization = await createTestOrganization(db);
    const everything = makeTransaction({
      createdAt: new Date("2025-06-01T10:20:30.456Z"),
      paymentIntentId: "pi_full",
      amount: 9_007_199_254_740,
      status: "failed",
      captured: false,
      failureCode: "card_declined",
      declineCode: "do_not_honor",
      outcomeType: "issuer_declined",
      radarRiskScore: 37.5,
      cardIin: "424242",
      wallet: "apple_pay",
      threeDSecureResult: "authenticated",
      addressLine1Check: "fail",
      billingAddressKey: "addr_b",
      shippingAddressKey: "addr_s",
      deviceId: "dev_1",
      userAgent: "Mozilla/5.0",
      metadata: { order: "A-1", é: "ü" },
    });
    const sparse = makeTransaction({
      createdAt: new Date("2025-06-01T10:20:31Z"),
      livemode: false,
      status: "pending",
      outcomeType: null,
      networkStatus: null,
      radarRiskLevel: null,
      radarRiskScore: null,
      cardFingerprint: null,
      cardBrand: null,
      cardFunding: null,
      cardCountry: null,
      cvcCheck: null,
      addressPostalCodeCheck: null,
      customerId: null,
      email: null,
      billingCountry: null,
      shippingCountry: null,
      ipAddress: null,
    });
    for (const [index, payment] of [everything, sparse].entries())
      await insertTransaction(db, {
        id: `txn_shape_${organization.id}_${index}`,
        organizationId: organization.id,
        ...payment,
      });

    const range = {
      organizationId: organization.id,
      since: new Date("2025-06-01"),
      until: new Date("2025-06-02"),
    };
    const rows = [];
    for await (const page of backtestHistoryPages(db, range)) rows.push(...page);

    expect(rows).toEqual([
      { ...everything, ingestSeq: expect.any(Number) },
      { ...sparse, ingestSeq: expect.any(Number) },
    ]);
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });
}

import { createTestOrganization, getTestDatabase, testDetection } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client";
import { detections, transactions } from "../schema";
import { type DetectionFilters, listDetections } from "./detection-list";

const START = Date.UTC(2025, 0, 1);

/** `count` payments of one organization with one detection each; two share each second to test the (createdAt, id) key. */
async function seed(db: Executor, count: number) {
  const org = await createTestOrganization(db);
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `txn_${org.id}_${index}`,
    createdAt: new Date(START + Math.floor(index / 2) * 1000),
    amount: (index * 37) % 1_000,
  }));
  await db.insert(transactions).values(
    rows.map((row) => ({
      id: row.id,
      organizationId: org.id,
      chargeId: `ch_${row.id}`,
      livemode: false,
      createdAt: row.createdAt,
      amount: row.amount,
      currency: "eur",
      status: "succeeded" as const,
      captured: true,
    })),
  );
  await db.insert(detections).values(
    rows.map((row) =>
      testDetection(org.id, {
        id: `det_${row.id}`,
        transactionId: row.id,
        source: "webhook",
        createdAt: row.createdAt,
      }),
    ),
  );
  return { organizationId: org.id, rows };
}

/** Every page, following the keyset cursor as the API does. */
async function allPages(
  db: Executor,
  organizationId: string,
  filters: Omit<DetectionFilters, "limit" | "before">,
  narrowRange: number,
) {
  const ids: string[] = [];
  let before: DetectionFilters["before"];
  for (;;) {
    const page = await listDetections(db, organizationId, { ...filters, before, limit: 4 }, { narrowRange });
    ids.push(...page.map((row) => row.id));
    const last = page.at(-1);
    if (page.length < 4 || !last) return ids;
    before = { createdAt: last.createdAt, id: last.id };
  }
}

describe("the detections list's amount filter", () => {
  it.each([
    ["a narrow range, started from its payments", 1_000],
    ["a wide range, walking the newest detections", 1],
  ])("pages exactly through %s, in this organization only", async (_, narrowRange) => {
    const { db } = await getTestDatabase();
    const { organizationId, rows } = await seed(db, 40);
    await seed(db, 10);
    const expected = rows
      .filter((row) => row.amount >= 200 && row.amount <= 700)
      .sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (`det_${b.id}` > `det_${a.id}` ? 1 : -1),
      )
      .map((row) => `det_${row.id}`);
    expect(expected.length).toBeGreaterThan(8);
    const listed = await allPages(db, organizationId, { minAmount: 200, maxAmount: 700 }, narrowRange);
    expect(listed).toEqual(expected);
  });

  it("answers an empty page when no payment is in the range", async () => {
    const { db } = await getTestDatabase();
    const { organizationId } = await seed(db, 6);
    expect(await listDetections(db, organizationId, { minAmount: 5_000, limit: 10 })).toEqual([]);
  });
});

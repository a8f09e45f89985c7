import { type Database, insertTransaction, schema } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { computeLiveFeatures } from "../src/features/live-features";
import { checkParity, generateHistory, LOW_AMOUNT_HISTORY_LIMIT, SEEDS } from "./live-features-parity-case";

const CASES = SEEDS.flatMap((seed) => [
  { seed, limit: undefined },
  { seed, limit: LOW_AMOUNT_HISTORY_LIMIT },
]);

describe("live (SQL) features agree with the streaming evaluator", () => {
  it.each(CASES)(
    "on a dense in-order history (seed $seed, amount history limit $limit)",
    async (parityCase) => {
      await checkParity((await getTestDatabase()).db, parityCase);
    },
    120_000,
  );

  it("issues one SQL statement per payment", async () => {
    const handle = await getTestDatabase();
    if (handle.driver !== "pglite") throw new Error("the default suite runs on PGlite");
    const statements: string[] = [];
    // A second Drizzle instance over the same PGlite client, observing what it sends.
    const observed = drizzle({
      client: handle.client,
      schema,
      casing: "snake_case",
      logger: { logQuery: (query) => statements.push(query) },
    }) as unknown as Database;
    const organization = await createTestOrganization(handle.db);
    const history = generateHistory(5, 40);
    // Every entity missing: the entity query has nothing to count.
    history.push({
      ...history.at(-1)!,
      chargeId: "ch_parity_no_entities",
      cardFingerprint: null,
      customerId: null,
      email: null,
      ipAddress: null,
      deviceId: null,
    });

    for (const payment of history) {
      const stored = await insertTransaction(handle.db, {
        id: `txn_count_${organization.id}_${payment.chargeId}`,
        organizationId: organization.id,
        ...payment,
      });
      statements.length = 0;
      await computeLiveFeatures(observed, organization.id, payment, stored!.ingestSeq);
      const seen = `${payment.chargeId}: ${statements.map((query) => query.slice(0, 100)).join(" | ")}`;
      expect(statements.length, seen).toBe(1);
    }
  });
});

import { randomUUID } from "node:crypto";
import {
  type DatabaseHandle,
  type Executor,
  migrateDatabase,
  type NewDetection,
  openDatabase,
  organization,
} from "../index";

/**
 * PGlite costs 1–2 s and 100–250 MB per instance, so a worker opens one, migrated, and every test shares
 * it; tests isolate by organization (`createTestOrganization`) or by a rolled-back transaction.
 * Kept on globalThis so that test files sharing a worker (vitest `isolate: false`) share it too.
 */
const KEY = Symbol.for("orylo.testkit.testDatabase");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

export function getTestDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase({ driver: "pglite" }).then(async (handle) => {
    await migrateDatabase(handle);
    return handle;
  });
  return holder[KEY];
}

export type TestOrganization = typeof organization.$inferSelect;

export async function createTestOrganization(
  db: Executor,
  overrides: Partial<typeof organization.$inferInsert> = {},
): Promise<TestOrganization> {
  const suffix = randomUUID().replaceAll("-", "");
  const [row] = await db
    .insert(organization)
    .values({
      id: `org_test_${suffix}`,
      name: `Test organization ${suffix}`,
      slug: `test-${suffix}`,
      ...overrides,
    })
    .returning();
  return row!;
}

/** A pre-payment evaluation's detection (no charge) that no rule or detector flagged, to insert as it is or varied. */
export function testDetection(organizationId: string, overrides: Partial<NewDetection> = {}): NewDetection {
  return {
    id: `det_${randomUUID()}`,
    organizationId,
    source: "evaluate",
    livemode: false,
    decision: "ALLOW",
    riskScore: 0,
    confidence: 1,
    trace: { contributions: [], ruleHits: [], failedDetectors: [] },
    features: {},
    engineVersion: "test",
    rulesetVersion: "test",
    latencyMs: 1,
    ...overrides,
  };
}

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back: nothing a test writes outlives it. */
export async function rollbackAfter<T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

import { type Executor, transactions as t } from "@orylo/db";
import {
  amountHistoryLimit,
  CARD_COUNT_ENTITIES,
  CHARGE_OUTCOMES,
  cardCountFeatureName,
  type FeatureOptions,
  type FeatureVector,
  FIRST_SEEN_FEATURES,
  MERCHANT_AMOUNT_HISTORY_SECONDS,
  MERCHANT_WINDOWS,
  paymentFeatures,
  secondsSince,
  type Transaction,
  VELOCITY_ENTITIES,
  type VelocityEntity,
  velocityFeatureName,
  WINDOW_NAMES,
  WINDOWS,
  type Window,
} from "@orylo/engine";
import { and, desc, eq, gt, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";

/**
 * The live (SQL) evaluator of the feature catalogue: two queries per payment, whatever the number of
 * features. Each count covers the organization's payments strictly earlier in (created, ingest order) and
 * inside the window (t − w, t]. The streaming evaluator in the engine computes the same values in memory.
 *
 * Both queries are shaped for the indexes on (organization, created) and (organization, entity, created):
 * - entity features: one aggregate per entity present, joined with UNION ALL, so each reads only its own
 *   entity's rows through its own index and evaluates only its own filters (an OR across entities made
 *   every row of a busy IP evaluate every entity's aggregates);
 * - merchant features: the last hour's payments (10m and hourly counts), and the amount history as the
 *   latest `limit` earlier payments in this currency within 30 days, read newest first from the index and
 *   cut by LIMIT, so at most `limit` matching rows whatever the merchant's volume.
 */
export async function computeLiveFeatures(
  db: Executor,
  organizationId: string,
  payment: Transaction,
  ingestSeq: number,
  options: FeatureOptions = {},
): Promise<FeatureVector> {
  const at = payment.createdAt;
  const earlier = and(
    eq(t.organizationId, organizationId),
    // Implied by the next condition; stated so the planner bounds the index range at `at`.
    lte(t.createdAt, at),
    or(lt(t.createdAt, at), and(eq(t.createdAt, at), lt(t.ingestSeq, ingestSeq))),
  );
  const [entityFeatures, merchantFeatures] = await Promise.all([
    queryEntityFeatures(db, payment, earlier),
    queryMerchantFeatures(db, payment, earlier, amountHistoryLimit(options)),
  ]);
  return { ...paymentFeatures(payment, options), ...entityFeatures, ...merchantFeatures };
}

const ENTITY_COLUMNS = {
  card_number: t.cardFingerprint,
  customer: t.customerId,
  email: t.email,
  ip_address: t.ipAddress,
  device: t.deviceId,
} as const satisfies Record<VelocityEntity, unknown>;

const CARD_ENTITIES: ReadonlySet<string> = new Set(CARD_COUNT_ENTITIES);

function windowStart(at: Date, window: Window): Date | null {
  const seconds = WINDOWS[window];
  return seconds === null ? null : new Date(at.getTime() - seconds * 1000);
}

function inWindow(at: Date, window: Window): SQL {
  const start = windowStart(at, window);
  return start ? sql`${t.createdAt} > ${start}` : sql`true`;
}

async function queryEntityFeatures(db: Executor, payment: Transaction, earlier: SQL | undefined) {
  const features: FeatureVector = {};
  const present: VelocityEntity[] = [];
  for (const entity of Object.keys(VELOCITY_ENTITIES) as VelocityEntity[]) {
    for (const window of WINDOW_NAMES) {
      for (const outcome of CHARGE_OUTCOMES) features[velocityFeatureName(outcome, entity, window)] = null;
      if (CARD_ENTITIES.has(entity))
        features[cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)] = null;
    }
    if (payment[VELOCITY_ENTITIES[entity]] !== null) present.push(entity);
  }
  for (const name of Object.keys(FIRST_SEEN_FEATURES)) features[name] = null;
  if (present.length === 0) return features;

  // One row per entity, with the same column names for every entity so the rows can be UNIONed.
  const branches = present.map((entity) => {
    const column = ENTITY_COLUMNS[entity];
    const selections: Record<string, SQL<number | string | null>> = {
      entity: sql<string>`${entity}::text`,
      // Epoch milliseconds of the first earlier payment, and of the first authorized one (all time).
      first_ms: sql<number | null>`(extract(epoch from min(${t.createdAt})) * 1000)::float8`,
      first_authorized_ms: sql<
        number | null
      >`(extract(epoch from min(${t.createdAt}) filter (where ${t.status} = 'succeeded')) * 1000)::float8`,
    };
    for (const window of WINDOW_NAMES) {
      const scope = inWindow(payment.createdAt, window);
      selections[`total_${window}`] = sql<number>`count(*) filter (where ${scope})::int`;
      selections[`authorized_${window}`] =
        sql<number>`count(*) filter (where ${scope} and ${t.status} = 'succeeded')::int`;
      selections[`declined_${window}`] =
        sql<number>`count(*) filter (where ${scope} and ${t.status} = 'failed')::int`;
      selections[`cards_${window}`] = CARD_ENTITIES.has(entity)
        ? sql<number>`count(distinct ${t.cardFingerprint}) filter (where ${scope})::int`
        : sql<null>`null::int`;
    }
    const value = payment[VELOCITY_ENTITIES[entity]]!;
    return db
      .select(selections)
      .from(t)
      .where(and(earlier, eq(column, value)));
  });
  const [first, second, ...rest] = branches;
  const rows = (second ? await unionAll(first!, second, ...rest) : await first!) as Record<
    string,
    number | string | null
  >[];

  if (rows.length !== present.length)
    throw new Error(`entity query returned ${rows.length} rows for ${present.length} entities`);
  const at = payment.createdAt.getTime();
  for (const row of rows) {
    const entity = row.entity as VelocityEntity;
    for (const [name, feature] of Object.entries(FIRST_SEEN_FEATURES)) {
      if (feature.entity !== entity) continue;
      const first = row[feature.authorizedOnly ? "first_authorized_ms" : "first_ms"];
      features[name] = first === null ? null : secondsSince(at, Math.round(Number(first)));
    }
    for (const window of WINDOW_NAMES) {
      for (const outcome of CHARGE_OUTCOMES)
        features[velocityFeatureName(outcome, entity, window)] = Number(row[`${outcome}_${window}`]);
      if (CARD_ENTITIES.has(entity))
        features[cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)] = Number(
          row[`cards_${window}`],
        );
    }
  }
  return features;
}

async function queryMerchantFeatures(
  db: Executor,
  payment: Transaction,
  earlier: SQL | undefined,
  limit: number,
) {
  const sameCurrency = sql`${t.currency} = ${payment.currency}`;
  const counts: Record<string, SQL.Aliased<number>> = {};
  for (const window of MERCHANT_WINDOWS) {
    const scope = inWindow(payment.createdAt, window);
    counts[`merchant_charges_${window}`] = sql<number>`count(*) filter (where ${scope})::int`.as(
      `merchant_charges_${window}`,
    );
    counts[`merchant_declined_charges_${window}`] =
      sql<number>`count(*) filter (where ${scope} and ${t.status} = 'failed')::int`.as(
        `merchant_declined_charges_${window}`,
      );
    counts[`merchant_same_amount_charges_${window}`] =
      sql<number>`count(*) filter (where ${scope} and ${t.amount} = ${payment.amount} and ${sameCurrency})::int`.as(
        `merchant_same_amount_charges_${window}`,
      );
  }
  const longest = Math.max(...MERCHANT_WINDOWS.map((window) => WINDOWS[window]));
  const windowsStart = new Date(payment.createdAt.getTime() - longest * 1000);
  const windowCounts = db
    .select(counts)
    .from(t)
    .where(and(earlier, gt(t.createdAt, windowsStart)))
    .as("window_counts");

  const historyStart = new Date(payment.createdAt.getTime() - MERCHANT_AMOUNT_HISTORY_SECONDS * 1000);
  const recent = db
    .select({ amount: t.amount })
    .from(t)
    .where(and(earlier, eq(t.currency, payment.currency), gt(t.createdAt, historyStart)))
    .orderBy(desc(t.createdAt), desc(t.ingestSeq))
    .limit(limit)
    .as("recent");
  const history = db
    .select({
      merchant_amount_count_recent: sql<number>`count(*)::int`.as("merchant_amount_count_recent"),
      merchant_amount_mean_recent: sql<number | null>`avg(${recent.amount})::float8`.as(
        "merchant_amount_mean_recent",
      ),
      merchant_amount_stddev_recent: sql<number | null>`stddev_pop(${recent.amount})::float8`.as(
        "merchant_amount_stddev_recent",
      ),
    })
    .from(recent)
    .as("amount_history");

  const [row] = await db.select().from(windowCounts).crossJoin(history);
  const features: FeatureVector = { ...row!.window_counts, ...row!.amount_history };
  for (const window of MERCHANT_WINDOWS) {
    const charges = Number(features[`merchant_charges_${window}`] ?? 0);
    const declined = Number(features[`merchant_declined_charges_${window}`] ?? 0);
    features[`merchant_decline_rate_${window}`] = charges === 0 ? null : declined / charges;
  }
  return features;
}

import { type Executor, transactions as t } from "@orylo/db";
import {
  CARD_COUNT_ENTITIES,
  CHARGE_OUTCOMES,
  cardCountFeatureName,
  type FeatureVector,
  MERCHANT_AMOUNT_HISTORY_SECONDS,
  MERCHANT_WINDOWS,
  type Transaction,
  VELOCITY_ENTITIES,
  type VelocityEntity,
  velocityFeatureName,
  WINDOW_NAMES,
  WINDOWS,
  type Window,
} from "@orylo/engine";
import { and, eq, lt, or, type SQL, sql } from "drizzle-orm";

/**
 * The live (SQL) evaluator of the feature catalogue: two queries per payment, whatever the number of
 * features. Each count covers the organization's payments strictly earlier in (created, ingest order) and
 * inside the window (t − w, t]. The streaming evaluator in the engine computes the same values in memory.
 */
export async function computeLiveFeatures(
  db: Executor,
  organizationId: string,
  payment: Transaction,
  ingestSeq: number,
): Promise<FeatureVector> {
  const at = payment.createdAt;
  const earlier = and(
    eq(t.organizationId, organizationId),
    or(lt(t.createdAt, at), and(eq(t.createdAt, at), lt(t.ingestSeq, ingestSeq))),
  );
  const [entityFeatures, merchantFeatures] = await Promise.all([
    queryEntityFeatures(db, payment, earlier),
    queryMerchantFeatures(db, payment, earlier),
  ]);
  return { ...entityFeatures, ...merchantFeatures };
}

const ENTITY_COLUMNS = {
  card_number: t.cardFingerprint,
  customer: t.customerId,
  email: t.email,
  ip_address: t.ipAddress,
  device: t.deviceId,
} as const satisfies Record<VelocityEntity, unknown>;

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
  const selections: Record<string, SQL<number>> = {};
  const matches: SQL[] = [];
  for (const entity of Object.keys(VELOCITY_ENTITIES) as VelocityEntity[]) {
    const value = payment[VELOCITY_ENTITIES[entity]];
    const column = ENTITY_COLUMNS[entity];
    const cardCounted = (CARD_COUNT_ENTITIES as readonly string[]).includes(entity);
    for (const window of WINDOW_NAMES) {
      for (const outcome of CHARGE_OUTCOMES) features[velocityFeatureName(outcome, entity, window)] = null;
      if (cardCounted)
        features[cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)] = null;
    }
    if (value === null) continue;
    matches.push(sql`${column} = ${value}`);
    for (const window of WINDOW_NAMES) {
      const scope = sql`${column} = ${value} and ${inWindow(payment.createdAt, window)}`;
      selections[velocityFeatureName("total", entity, window)] =
        sql<number>`count(*) filter (where ${scope})::int`;
      selections[velocityFeatureName("authorized", entity, window)] =
        sql<number>`count(*) filter (where ${scope} and ${t.status} = 'succeeded')::int`;
      selections[velocityFeatureName("declined", entity, window)] =
        sql<number>`count(*) filter (where ${scope} and ${t.status} = 'failed')::int`;
      if (cardCounted) {
        selections[cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)] =
          sql<number>`count(distinct ${t.cardFingerprint}) filter (where ${scope})::int`;
      }
    }
  }
  if (matches.length === 0) return features;
  const [row] = await db
    .select(selections)
    .from(t)
    .where(and(earlier, or(...matches)));
  return { ...features, ...row };
}

async function queryMerchantFeatures(db: Executor, payment: Transaction, earlier: SQL | undefined) {
  const sameCurrency = sql`${t.currency} = ${payment.currency}`;
  const selections: Record<string, SQL<number | null>> = {
    merchant_amount_count_30d: sql<number>`count(*) filter (where ${sameCurrency})::int`,
    merchant_amount_mean_30d: sql<number | null>`(avg(${t.amount}) filter (where ${sameCurrency}))::float8`,
    merchant_amount_stddev_30d: sql<
      number | null
    >`(stddev_pop(${t.amount}) filter (where ${sameCurrency}))::float8`,
  };
  for (const window of MERCHANT_WINDOWS) {
    const scope = inWindow(payment.createdAt, window);
    selections[`merchant_charges_${window}`] = sql<number>`count(*) filter (where ${scope})::int`;
    selections[`merchant_declined_charges_${window}`] =
      sql<number>`count(*) filter (where ${scope} and ${t.status} = 'failed')::int`;
    selections[`merchant_same_amount_charges_${window}`] =
      sql<number>`count(*) filter (where ${scope} and ${t.amount} = ${payment.amount} and ${sameCurrency})::int`;
  }
  const historyStart = new Date(payment.createdAt.getTime() - MERCHANT_AMOUNT_HISTORY_SECONDS * 1000);
  const [row] = await db
    .select(selections)
    .from(t)
    .where(and(earlier, sql`${t.createdAt} > ${historyStart}`));
  const features: FeatureVector = { ...row };
  for (const window of MERCHANT_WINDOWS) {
    const charges = Number(features[`merchant_charges_${window}`] ?? 0);
    const declined = Number(features[`merchant_declined_charges_${window}`] ?? 0);
    features[`merchant_decline_rate_${window}`] = charges === 0 ? null : declined / charges;
  }
  return features;
}

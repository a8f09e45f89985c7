import { compiledSql, type Executor, organization, transactions as t } from "@orylo/db";
import {
  AMOUNT_ENTITIES,
  AMOUNT_STATISTICS,
  type AmountSpelling,
  type AmountStatistic,
  amountFeatureName,
  amountHistoryLimit,
  CARD_COUNT_ENTITIES,
  CHARGE_OUTCOMES,
  cardCountFeatureName,
  EMAIL_COUNT_ENTITIES,
  type EmailCountSpelling,
  emailCountFeatureName,
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
import { type SQL, sql } from "drizzle-orm";
import { HISTORY_SELECTION, readHistoryFeatures } from "./live-history-features";
import { PARAMETER_ROW, param, since } from "./live-parameters";

/**
 * The live (SQL) evaluator of the feature catalogue: one statement per payment, whatever the number of
 * features. Each count covers the organization's payments strictly earlier in (created, ingest order) and
 * inside the window (t − w, t]. The streaming evaluator in the engine computes the same values in memory.
 *
 * The statement's text never changes (every value is a parameter), so it is built once (compiled-statement.ts):
 * building it with Drizzle on every payment cost more CPU than the database spent running it. Its values are
 * bound once each (live-parameters.ts), so PostgreSQL plans it once per connection. It is two scalar
 * subqueries per entity (all time, last week: `entityColumns`) and two for the merchant, each shaped for an index:
 * - entity features read only that entity's rows through (organization, entity, created); an entity missing
 *   on the payment compares with NULL, which matches no row, and its features stay null;
 * - merchant features read the last hour through (organization, created), and the amount history as the
 *   latest `limit` earlier payments in this currency within 30 days, newest first through
 *   (organization, currency, created), cut by LIMIT whatever the merchant's volume.
 * Each subquery returns its aggregates as one float8 array, read back by position.
 */
export async function computeLiveFeatures(
  db: Executor,
  organizationId: string,
  payment: Transaction,
  ingestSeq: number,
  options: FeatureOptions = {},
): Promise<FeatureVector> {
  const parameters: Record<string, unknown> = {
    organizationId,
    at: payment.createdAt.toISOString(),
    ingestSeq,
    currency: payment.currency,
    amount: payment.amount,
    limit: amountHistoryLimit(options),
  };
  for (const entity of ENTITY_NAMES) parameters[entity] = payment[VELOCITY_ENTITIES[entity]];
  const [row] = await STATEMENT(db, parameters);
  if (!row) throw new Error(`live features: organization ${organizationId} not found`);

  const features: FeatureVector = paymentFeatures(payment, options);
  const at = payment.createdAt.getTime();
  for (const entity of ENTITY_NAMES) {
    const present = payment[VELOCITY_ENTITIES[entity]] !== null;
    readEntity(features, entity, present ? row[entity] : null, at);
  }
  readMerchant(features, row.merchant_windows, row.amount_history);
  readHistoryFeatures(features, row, payment);
  return features;
}

const ENTITY_NAMES = Object.keys(VELOCITY_ENTITIES) as VelocityEntity[];
const CARD_ENTITIES: ReadonlySet<string> = new Set(CARD_COUNT_ENTITIES);
const ENTITY_COLUMNS = {
  card_number: t.cardFingerprint,
  customer: t.customerId,
  email: t.email,
  ip_address: t.ipAddress,
  device: t.deviceId,
  billing_address: t.billingAddressKey,
  shipping_address: t.shippingAddressKey,
} as const satisfies Record<VelocityEntity, unknown>;
const EMAIL_COUNTS = Object.entries(EMAIL_COUNT_ENTITIES) as [EmailCountSpelling, VelocityEntity][];
const AMOUNT_SPELLINGS = Object.keys(AMOUNT_ENTITIES) as AmountSpelling[];
/** The sums an amount feature reads: every status (attempted), succeeded, failed; pending only in attempted. */
const AMOUNT_SUMS = {
  attempted: sql`true`,
  succeeded: sql`${t.status} = 'succeeded'`,
  failed: sql`${t.status} = 'failed'`,
};

/** Strictly earlier in (created, ingest order) than the payment, in its organization. */
const earlier = () =>
  sql`${t.organizationId} = ${param("organization_id")} and ${t.createdAt} <= ${param("at")}
    and (${t.createdAt} < ${param("at")} or ${t.ingestSeq} < ${param("ingest_seq")})`;

function within(seconds: number): SQL {
  return sql`${t.createdAt} > ${since(seconds)}`;
}
function inWindow(window: Window): SQL {
  const seconds = WINDOWS[window];
  return seconds === null ? sql`true` : within(seconds);
}
const asArray = (parts: SQL[]) => sql.join([sql`array[`, sql.join(parts, sql`, `), sql`]::float8[]`]);

/** The longest window short of all time: an entity's windowed counts read only the rows inside it. */
const RECENT_SECONDS = Math.max(
  ...Object.values(WINDOWS).flatMap((seconds) => (seconds === null ? [] : [seconds])),
);

/**
 * An entity's aggregates, as two arrays read back as one (names in that order): the all-time ones (first seen,
 * first authorized, counts per outcome, distinct cards and emails, the count and sum of amounts in this
 * payment's currency per status) over all its earlier rows, and the windowed ones over the rows of the last
 * week only. A busy entity (a carrier IP shared by a thousand shoppers) has most of its rows outside the
 * week: each of them then feeds a handful of aggregates instead of all ~30. Distinct values are counted
 * under the "C" collation: the same count (deterministic collations compare bytes for equality), sorted by
 * byte instead of through the locale.
 */
interface EntityLayout {
  names: string[];
  allTime: SQL[];
  recent: SQL[];
}

function entityColumns(entity: VelocityEntity): EntityLayout {
  const layout: EntityLayout = {
    names: ["first_ms", "first_authorized_ms"],
    allTime: [
      sql`extract(epoch from min(${t.createdAt})) * 1000`,
      sql`extract(epoch from min(${t.createdAt}) filter (where ${t.status} = 'succeeded')) * 1000`,
    ],
    recent: [],
  };
  const windowed: { names: string[]; parts: SQL[] } = { names: [], parts: [] };
  for (const window of WINDOW_NAMES) {
    const into = WINDOWS[window] === null ? { names: layout.names, parts: layout.allTime } : windowed;
    const scope = inWindow(window);
    into.names.push(`total_${window}`, `authorized_${window}`, `declined_${window}`, `blocked_${window}`);
    into.parts.push(
      sql`count(*) filter (where ${scope})`,
      sql`count(*) filter (where ${scope} and ${t.status} = 'succeeded')`,
      sql`count(*) filter (where ${scope} and ${t.status} = 'failed')`,
      sql`count(*) filter (where ${scope} and ${t.outcomeType} = 'blocked')`,
    );
    if (CARD_ENTITIES.has(entity)) {
      into.names.push(`cards_${window}`);
      into.parts.push(sql`count(distinct ${t.cardFingerprint} collate "C") filter (where ${scope})`);
    }
    if (EMAIL_COUNTS.some(([, counted]) => counted === entity)) {
      into.names.push(`emails_${window}`);
      into.parts.push(sql`count(distinct ${t.email} collate "C") filter (where ${scope})`);
    }
  }
  if (AMOUNT_SPELLINGS.some((spelling) => AMOUNT_ENTITIES[spelling] === entity))
    for (const [status, condition] of Object.entries(AMOUNT_SUMS)) {
      const sameCurrency = sql`${t.currency} = ${param("currency")} and ${condition}`;
      layout.names.push(`count_${status}`, `sum_${status}`);
      layout.allTime.push(
        sql`count(*) filter (where ${sameCurrency})`,
        sql`coalesce(sum(${t.amount}) filter (where ${sameCurrency}), 0)`,
      );
    }
  layout.names.push(...windowed.names);
  layout.recent.push(...windowed.parts);
  return layout;
}

const ENTITY_LAYOUT = Object.fromEntries(
  ENTITY_NAMES.map((entity) => [entity, entityColumns(entity)]),
) as Record<VelocityEntity, EntityLayout>;

const MERCHANT_LAYOUT = MERCHANT_WINDOWS.flatMap((window) => [
  {
    name: `merchant_charges_${window}`,
    part: sql`count(*) filter (where ${inWindow(window)})`,
  },
  {
    name: `merchant_declined_charges_${window}`,
    part: sql`count(*) filter (where ${inWindow(window)} and ${t.status} = 'failed')`,
  },
  {
    name: `merchant_same_amount_charges_${window}`,
    part: sql`count(*) filter (where ${inWindow(window)} and ${t.amount} = ${param("amount")}
      and ${t.currency} = ${param("currency")})`,
  },
]);
const LONGEST_MERCHANT_WINDOW = Math.max(...MERCHANT_WINDOWS.map((window) => WINDOWS[window]));
const AMOUNT_HISTORY = [
  "merchant_amount_count_recent",
  "merchant_amount_mean_recent",
  "merchant_amount_stddev_recent",
];

type Values = (number | string | null)[] | null;
const SELECTION = {
  ...(Object.fromEntries(
    ENTITY_NAMES.map((entity) => [
      entity,
      sql<Values>`(select ${asArray(ENTITY_LAYOUT[entity].allTime)} from ${t}
        where ${earlier()} and ${ENTITY_COLUMNS[entity]} = ${param(entity)})
        || (select ${asArray(ENTITY_LAYOUT[entity].recent)} from ${t}
        where ${earlier()} and ${ENTITY_COLUMNS[entity]} = ${param(entity)} and ${within(RECENT_SECONDS)})`,
    ]),
  ) as Record<VelocityEntity, SQL<Values>>),
  merchant_windows: sql<Values>`(select ${asArray(MERCHANT_LAYOUT.map(({ part }) => part))} from ${t}
    where ${earlier()} and ${within(LONGEST_MERCHANT_WINDOW)})`,
  amount_history: sql<Values>`(select array[count(*), avg(amount), stddev_pop(amount)]::float8[] from (
    select ${t.amount} as amount from ${t}
    where ${earlier()} and ${t.currency} = ${param("currency")}
      and ${within(MERCHANT_AMOUNT_HISTORY_SECONDS)}
    order by ${t.createdAt} desc, ${t.ingestSeq} desc
    limit ${param("history_limit")}) recent)`,
  ...HISTORY_SELECTION,
};
type Row = Record<VelocityEntity | "merchant_windows" | "amount_history", Values> & Record<string, Values>;

const STATEMENT = compiledSql<Row>(
  "orylo_live_features",
  sql`select ${sql.join(
    Object.entries(SELECTION).map(([alias, part]) => sql`${part} as ${sql.identifier(alias)}`),
    sql`, `,
  )} from ${PARAMETER_ROW} join ${organization} on ${organization.id} = ${param("organization_id")}`,
);

function readEntity(features: FeatureVector, entity: VelocityEntity, values: Values, atMs: number): void {
  const { names } = ENTITY_LAYOUT[entity];
  const value = (name: string) => numberOrNull(values?.[names.indexOf(name)]);
  for (const [name, feature] of Object.entries(FIRST_SEEN_FEATURES)) {
    if (feature.entity !== entity) continue;
    const first = value(feature.authorizedOnly ? "first_authorized_ms" : "first_ms");
    features[name] = values === null || first === null ? null : secondsSince(atMs, Math.round(first));
  }
  for (const window of WINDOW_NAMES) {
    for (const outcome of CHARGE_OUTCOMES)
      features[velocityFeatureName(outcome, entity, window)] =
        values === null ? null : value(`${outcome}_${window}`);
    if (CARD_ENTITIES.has(entity))
      features[cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)] =
        values === null ? null : value(`cards_${window}`);
    for (const [spelling, counted] of EMAIL_COUNTS)
      if (counted === entity)
        features[emailCountFeatureName(spelling, window)] =
          values === null ? null : value(`emails_${window}`);
  }
  for (const spelling of AMOUNT_SPELLINGS) {
    if (AMOUNT_ENTITIES[spelling] !== entity) continue;
    for (const [statistic, { statistic: kind, status }] of Object.entries(AMOUNT_STATISTICS)) {
      const count = value(`count_${status ?? "attempted"}`) ?? 0;
      const sum = value(`sum_${status ?? "attempted"}`) ?? 0;
      features[amountFeatureName(statistic as AmountStatistic, spelling)] =
        values === null ? null : kind === "total" ? sum : count === 0 ? null : sum / count;
    }
  }
}

function readMerchant(features: FeatureVector, windows: Values, history: Values): void {
  MERCHANT_LAYOUT.forEach(({ name }, index) => {
    features[name] = Number(windows?.[index] ?? 0);
  });
  AMOUNT_HISTORY.forEach((name, index) => {
    features[name] = numberOrNull(history?.[index]);
  });
  features.merchant_amount_count_recent = Number(features.merchant_amount_count_recent ?? 0);
  for (const window of MERCHANT_WINDOWS) {
    const charges = Number(features[`merchant_charges_${window}`] ?? 0);
    const declined = Number(features[`merchant_declined_charges_${window}`] ?? 0);
    features[`merchant_decline_rate_${window}`] = charges === 0 ? null : declined / charges;
  }
}

/** pg and PGlite hand float8[] elements back as numbers; Number() also reads a driver's numeric strings. */
function numberOrNull(raw: number | string | null | undefined): number | null {
  return raw === null || raw === undefined ? null : Number(raw);
}

import { customers, labels as l, transactions as t } from "@orylo/db";
import {
  CUSTOMER_AGE_FEATURE,
  type FeatureVector,
  PRIOR_EVENT_ENTITY_FIELDS,
  PRIOR_EVENT_KINDS,
  PRIOR_EVENT_WINDOWS,
  type PriorEventEntity,
  type PriorEventKind,
  priorEventFeatures,
  secondsSince,
  type Transaction,
  WINDOWS,
} from "@orylo/engine";
import { type SQL, sql } from "drizzle-orm";
import { PRIOR_EVENT_SOURCES } from "./history-facts";
import { param, since } from "./live-parameters";

/**
 * The SQL side of the engine's history-catalogue.ts, as scalar subqueries of the one live-features statement
 * (live-features.ts): the fraud labels on earlier payments of each entity, and the customer's creation time.
 * Labels are few, so each entity's subquery reads that entity's payments through (organization, entity,
 * created) and their labels through (organization, transaction); a label counts when it was recorded strictly
 * before the payment, within (t − w, t) for a window.
 */

const ENTITY_COLUMNS = {
  card_number: t.cardFingerprint,
  ip_address: t.ipAddress,
  email: t.email,
  customer: t.customerId,
} as const satisfies Record<PriorEventEntity, unknown>;

/** Per entity: the (kind, window) counts in its array, in order, and their feature names. */
const EVENT_LAYOUT = (Object.keys(PRIOR_EVENT_ENTITY_FIELDS) as PriorEventEntity[]).map((entity) => {
  const cells = PRIOR_EVENT_KINDS.flatMap((kind) =>
    priorEventFeatures(kind)
      .filter((feature) => feature.entity === entity)
      .flatMap(({ names }) => PRIOR_EVENT_WINDOWS.map((window) => ({ kind, window, name: names[window] }))),
  );
  return { entity, cells };
});

function eventCount(kind: PriorEventKind, window: (typeof PRIOR_EVENT_WINDOWS)[number]): SQL {
  const seconds = WINDOWS[window];
  const inWindow = seconds === null ? sql`` : sql` and ${l.createdAt} > ${since(seconds)}`;
  return sql`count(*) filter (where ${l.source} = ${sql.raw(`'${PRIOR_EVENT_SOURCES[kind]}'`)}${inWindow})`;
}

type Values = (number | string | null)[] | null;
const SOURCES = sql.raw(
  Object.values(PRIOR_EVENT_SOURCES)
    .map((source) => `'${source}'`)
    .join(", "),
);

/** Scalar subqueries to add to the live statement's selection; `readHistoryFeatures` reads them back. */
export const HISTORY_SELECTION: Record<string, SQL<Values>> = {
  ...Object.fromEntries(
    EVENT_LAYOUT.map(({ entity, cells }) => [
      `events_${entity}`,
      sql<Values>`(select array[${sql.join(
        cells.map(({ kind, window }) => eventCount(kind, window)),
        sql`, `,
      )}]::float8[]
        from ${l} join ${t} on ${t.id} = ${l.transactionId}
        where ${l.organizationId} = ${param("organization_id")} and ${t.organizationId} = ${param("organization_id")}
          and ${ENTITY_COLUMNS[entity]} = ${param(entity)}
          and ${l.kind} = 'fraud' and ${l.source} in (${SOURCES}) and ${l.createdAt} < ${param("at")})`,
    ]),
  ),
  customer_created: sql<Values>`(select array[extract(epoch from ${customers.stripeCreatedAt}) * 1000]::float8[]
    from ${customers}
    where ${customers.organizationId} = ${param("organization_id")}
      and ${customers.customerKey} = ${param("customer")}
      and ${customers.stripeCustomerId} = ${param("customer")})`,
};

export function readHistoryFeatures(
  features: FeatureVector,
  row: Record<string, unknown>,
  payment: Transaction,
): void {
  for (const { entity, cells } of EVENT_LAYOUT) {
    const present = payment[PRIOR_EVENT_ENTITY_FIELDS[entity]] !== null;
    const values = row[`events_${entity}`] as Values;
    cells.forEach(({ name }, index) => {
      features[name] = present ? Number(values?.[index] ?? 0) : null;
    });
  }
  const atMs = payment.createdAt.getTime();
  const created = (row.customer_created as Values)?.[0];
  features[CUSTOMER_AGE_FEATURE] =
    payment.customerId === null || created === null || created === undefined || Number(created) > atMs
      ? null
      : secondsSince(atMs, Math.round(Number(created)));
}

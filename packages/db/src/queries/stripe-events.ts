import { and, asc, eq, getTableColumns, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { organization, stripeEvents } from "../schema";
import { compiledStatement } from "./compiled-statement";
import { organizationColumns } from "./organizations";

export type StripeEventRow = typeof stripeEvents.$inferSelect;
/** What a delivery stores; every other column takes its default. */
type NewStripeEvent = Required<
  Pick<
    typeof stripeEvents.$inferInsert,
    | "id"
    | "organizationId"
    | "endpointId"
    | "type"
    | "stripeAccountId"
    | "livemode"
    | "apiVersion"
    | "stripeCreatedAt"
    | "payload"
    | "status"
    | "lastError"
  >
>;
const NEW_EVENT_COLUMNS = [
  "id",
  "organizationId",
  "endpointId",
  "type",
  "stripeAccountId",
  "livemode",
  "apiVersion",
  "stripeCreatedAt",
  "payload",
  "status",
  "lastError",
] as const satisfies readonly (keyof NewStripeEvent)[];

const RETRYABLE = ["received", "failed"] as const;

/** What a delivery needs to know about the stored event: never its payload, which the caller holds. */
const storedState = {
  organizationId: stripeEvents.organizationId,
  status: stripeEvents.status,
  detectionId: stripeEvents.detectionId,
};
export type StoredStripeEventState = Pick<StripeEventRow, keyof typeof storedState>;

/** Inserts a delivery; `inserted: false` means the event id was already stored (a redelivery). */
export async function insertStripeEvent(
  db: Executor,
  event: NewStripeEvent,
): Promise<{ inserted: boolean; row: StoredStripeEventState }> {
  const [inserted] = await insertEvent(db, event);
  if (inserted) return { inserted: true, row: inserted };
  const [existing] = await selectEventState(db, { id: event.id });
  if (!existing) throw new Error(`stripe event ${event.id} conflicted but cannot be read`);
  return { inserted: false, row: existing };
}

/**
 * Locks an event that still needs processing, and reads its organization in the same round trip (null when
 * the event has none, or it is gone). `SKIP LOCKED`: when another request or the retry sweep is already
 * processing it, this returns nothing instead of waiting, and the caller answers "in progress".
 * Without `payload` (the delivery that just stored it still holds the event), the payload is not read back.
 */
export async function claimStripeEvent(db: Executor, id: string, { payload }: { payload: boolean }) {
  if (!payload) {
    const [claimed] = await claimEventWithoutPayload(db, { id });
    return claimed && { ...claimed, event: { ...claimed.event, payload: undefined } };
  }
  const [claimed] = await claimEvent(db, { id });
  return claimed;
}

export async function findStripeEvent(db: Executor, id: string): Promise<StripeEventRow | undefined> {
  const [row] = await selectEvent(db, { id });
  return row;
}

// The webhook path's statements, built once (compiled-statement.ts).
const insertEvent = compiledStatement("orylo_insert_stripe_event", (db) =>
  db
    .insert(stripeEvents)
    .values(Object.fromEntries(NEW_EVENT_COLUMNS.map((column) => [column, sql.placeholder(column)])) as never)
    .onConflictDoNothing()
    .returning(storedState),
);
const selectEventState = compiledStatement("orylo_select_stripe_event_state", (db) =>
  db
    .select(storedState)
    .from(stripeEvents)
    .where(eq(stripeEvents.id, sql.placeholder("id"))),
);
const selectEvent = compiledStatement("orylo_select_stripe_event", (db) =>
  db
    .select()
    .from(stripeEvents)
    .where(eq(stripeEvents.id, sql.placeholder("id"))),
);
function claimBuilder<Columns extends Partial<typeof eventColumns>>(event: Columns) {
  return (db: Executor) =>
    db
      .select({ event, organization: organizationColumns })
      .from(stripeEvents)
      .leftJoin(organization, eq(organization.id, stripeEvents.organizationId))
      .where(and(eq(stripeEvents.id, sql.placeholder("id")), inArray(stripeEvents.status, RETRYABLE)))
      .for("update", { of: stripeEvents, skipLocked: true });
}
const eventColumns = getTableColumns(stripeEvents);
const { payload: _payload, ...eventColumnsButPayload } = eventColumns;
const claimEvent = compiledStatement("orylo_claim_stripe_event", claimBuilder(eventColumns));
const claimEventWithoutPayload = compiledStatement(
  "orylo_claim_stripe_event_without_payload",
  claimBuilder(eventColumnsButPayload),
);
const markProcessed = compiledStatement("orylo_mark_stripe_event_processed", (db) =>
  db
    .update(stripeEvents)
    .set({
      status: "processed",
      detectionId: sql`${sql.placeholder("detectionId")}`,
      processedAt: sql`${sql.placeholder("now")}`,
      attempts: sql`${stripeEvents.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
    })
    .where(eq(stripeEvents.id, sql.placeholder("id"))),
);

export async function markStripeEventProcessed(
  db: Executor,
  id: string,
  { detectionId, now }: { detectionId: string | null; now: Date },
): Promise<void> {
  await markProcessed(db, { id, detectionId, now });
}

/** Records a failed attempt: `failed` with the next attempt's time, or `dead` when `retryAt` is null. */
export async function markStripeEventFailed(
  db: Executor,
  id: string,
  { error, retryAt }: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(stripeEvents)
    .set({
      status: retryAt ? "failed" : "dead",
      attempts: sql`${stripeEvents.attempts} + 1`,
      lastError: error.slice(0, 2_000),
      nextAttemptAt: retryAt,
    })
    .where(and(eq(stripeEvents.id, id), inArray(stripeEvents.status, RETRYABLE)));
}

export async function markStripeEventIgnored(
  db: Executor,
  id: string,
  { reason, now }: { reason: string; now: Date },
): Promise<void> {
  await db
    .update(stripeEvents)
    .set({ status: "ignored", lastError: reason, processedAt: now })
    .where(eq(stripeEvents.id, id));
}

/**
 * Events the sweep must (re)process: `failed` ones whose backoff has passed, and `received` ones older than
 * `stalledBefore` (the process that stored them died before finishing).
 */
export async function listRetryableStripeEvents(
  db: Executor,
  { now, stalledBefore, limit }: { now: Date; stalledBefore: Date; limit: number },
): Promise<Pick<StripeEventRow, "id" | "organizationId">[]> {
  return db
    .select({ id: stripeEvents.id, organizationId: stripeEvents.organizationId })
    .from(stripeEvents)
    .where(
      or(
        and(eq(stripeEvents.status, "failed"), lte(stripeEvents.nextAttemptAt, now)),
        and(eq(stripeEvents.status, "received"), lte(stripeEvents.receivedAt, stalledBefore)),
      ),
    )
    .orderBy(stripeEvents.receivedAt)
    .limit(limit);
}

/**
 * Puts events back to `received` (attempts kept, error cleared) so they are processed again: the replay of
 * dead-lettered events after a fix. Only `dead` and `failed` events move; a processed event never is.
 */
export async function requeueStripeEvents(
  db: Executor,
  filter: { ids: string[] } | { status: "dead" | "failed"; since: Date },
): Promise<string[]> {
  const condition =
    "ids" in filter
      ? and(inArray(stripeEvents.id, filter.ids), inArray(stripeEvents.status, ["dead", "failed"]))
      : and(eq(stripeEvents.status, filter.status), gte(stripeEvents.receivedAt, filter.since));
  const rows = await db
    .update(stripeEvents)
    .set({ status: "received", lastError: null, nextAttemptAt: null })
    .where(condition)
    .returning({ id: stripeEvents.id });
  return rows.map((row) => row.id);
}

/**
 * The events about some Stripe objects (a charge, its PaymentIntent), oldest first: the detection's timeline.
 * Matched on the event's object, or the charge or PaymentIntent it points to.
 */
export async function listStripeEventsAbout(
  db: Executor,
  organizationId: string,
  objectIds: string[],
  limit = 50,
) {
  if (objectIds.length === 0) return [];
  const object = sql`${stripeEvents.payload}->'data'->'object'`;
  return db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      status: stripeEvents.status,
      stripeCreatedAt: stripeEvents.stripeCreatedAt,
      objectId: sql<string | null>`${object}->>'id'`,
    })
    .from(stripeEvents)
    .where(
      and(
        eq(stripeEvents.organizationId, organizationId),
        or(
          inArray(sql<string>`${object}->>'id'`, objectIds),
          inArray(sql<string>`${object}->>'charge'`, objectIds),
          inArray(sql<string>`${object}->>'payment_intent'`, objectIds),
        ),
      ),
    )
    .orderBy(asc(stripeEvents.stripeCreatedAt))
    .limit(limit);
}

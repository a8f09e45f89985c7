import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rowsOf } from "./raw-sql";

export interface WebhookActivity {
  organizationId: string;
  lastReceivedAt: Date;
  /** Events received in the `window` before the last one: the organization's usual rate. */
  eventsInWindow: number;
}

/**
 * For each organization still connected to Stripe (an active connection, or a Connect account id and no
 * disconnection), when its last event arrived and how many came in the `windowMs` before it. Demo
 * organizations receive nothing by design and are left out.
 */
export async function selectWebhookActivity(db: Executor, windowMs: number): Promise<WebhookActivity[]> {
  const rows = rowsOf<{ organization_id: string; last_received_at: string | Date; events: number }>(
    await db.execute(sql`
      with connected as (
        select o.id from organization o
        where not o.is_demo and (
          exists (select 1 from stripe_connections c where c.organization_id = o.id and c.disconnected_at is null)
          or (o.stripe_account_id is not null
              and not exists (select 1 from stripe_connections c where c.organization_id = o.id))
        )
      ), last_event as (
        select e.organization_id, max(e.received_at) as last_received_at
        from stripe_events e join connected on connected.id = e.organization_id
        group by e.organization_id
      )
      select l.organization_id, l.last_received_at,
        (select count(*)::int from stripe_events e
          where e.organization_id = l.organization_id
            and e.received_at > l.last_received_at - make_interval(secs => ${windowMs / 1000})) as events
      from last_event l`),
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    lastReceivedAt: new Date(row.last_received_at),
    eventsInWindow: Number(row.events),
  }));
}

/** Outbox rows due for longer than `olderThan` and still not done: the task runner is stuck or down. */
export async function countStuckTasks(db: Executor, olderThan: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from task_outbox
      where status in ('pending', 'running') and run_after < ${olderThan}`),
  );
  return Number(row?.n ?? 0);
}

/** Every organization with its time zone, for tasks that run at a local hour (the daily report). */
export async function selectOrganizationZones(db: Executor): Promise<{ id: string; timeZone: string }[]> {
  return rowsOf<{ id: string; time_zone: string }>(
    await db.execute(sql`select id, time_zone from organization order by id`),
  ).map((row) => ({ id: row.id, timeZone: row.time_zone }));
}

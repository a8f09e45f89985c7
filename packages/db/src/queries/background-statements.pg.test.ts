import { createTestOrganization, testDetection } from "@orylo/db/testing";
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Executor } from "../client";
import { detections, taskOutbox, transactions } from "../schema";
import { usePostgresDatabase } from "../testing/postgres-database";
import { aiCostSince, recordAiUsage } from "./ai-usage";
import { insertDetection } from "./detections";
import { findExplanationWork, writeExplanation } from "./explanations";
import { claimDueTasks, completeTasks, enqueueTasks } from "./outbox";

const database = usePostgresDatabase();

beforeEach(async () => {
  await database().db.delete(taskOutbox);
});

type PlanCounters = { generic: number; custom: number; parameters: number };

/** This connection's named statements (one transaction keeps a test on one connection), by name. */
async function preparedStatements(tx: Executor): Promise<Map<string, PlanCounters>> {
  const { rows } = (await tx.execute(
    sql`select name, generic_plans, custom_plans, cardinality(parameter_types) as parameters
      from pg_prepared_statements where name like 'orylo_%'`,
  )) as unknown as {
    rows: { name: string; generic_plans: string; custom_plans: string; parameters: number }[];
  };
  return new Map(
    rows.map((row) => [
      row.name,
      { generic: Number(row.generic_plans), custom: Number(row.custom_plans), parameters: row.parameters },
    ]),
  );
}

/** The plan PostgreSQL reuses for a named statement of this connection: its generic plan, made without values. */
async function genericPlan(tx: Executor, name: string): Promise<string> {
  const statement = (await preparedStatements(tx)).get(name);
  if (!statement) throw new Error(`${name} is not a named statement on this connection`);
  await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
  const nulls = Array.from({ length: statement.parameters }, () => "null").join(", ");
  const { rows } = (await tx.execute(sql.raw(`explain execute ${name}(${nulls})`))) as unknown as {
    rows: { "QUERY PLAN": string }[];
  };
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

async function detectionToExplain(db: Executor, organizationId: string) {
  const detection = testDetection(organizationId, { decision: "REVIEW", riskScore: 60 });
  const explanation = {
    detectionId: detection.id,
    organizationId,
    languages: ["en"],
    fallbackLanguage: "en",
  };
  await insertDetection(db, detection, { explanation });
  return detection.id;
}

const RUNS = 8;
const BACKGROUND_STATEMENTS = [
  "orylo_claim_tasks",
  "orylo_complete_tasks",
  "orylo_select_explanation_work",
  "orylo_write_explanation",
  "orylo_insert_ai_usage",
  "orylo_ai_cost_since",
];

/**
 * The relay's claim and completion, the explain task's read and write, the AI budget's read and the ledger's
 * insert are named statements: after PostgreSQL's five custom plans on a connection, each runs on its generic
 * plan, planned no more. Inside a transaction, with the same results as before.
 */
it("runs the background path's statements on their generic plans after five custom ones", async () => {
  await database().db.transaction(async (tx) => {
    const organization = await createTestOrganization(tx);
    const detectionIds: string[] = [];
    for (let run = 0; run < RUNS; run += 1) detectionIds.push(await detectionToExplain(tx, organization.id));
    await enqueueTasks(
      tx,
      detectionIds.flatMap((detectionId) =>
        ["first", "second"].map((copy) => ({
          organizationId: organization.id,
          taskId: "detection.explain",
          payload: { detectionId },
          dedupeKey: `${copy}:${detectionId}`,
          runAfter: new Date(Date.now() - 1000),
        })),
      ),
    );
    const named = (counters: Map<string, PlanCounters>, prefix: string) =>
      [...counters].find(([name]) => name.startsWith(prefix))?.[1] ?? {
        generic: 0,
        custom: 0,
        parameters: 0,
      };
    const before = await preparedStatements(tx);

    const claimed = new Set<string>();
    for (const detectionId of detectionIds) {
      const batch = await claimDueTasks(tx, { limit: 2, leaseMs: 60_000 });
      expect(batch).toHaveLength(2);
      for (const task of batch) claimed.add(task.id);
      expect(
        await completeTasks(
          tx,
          batch.map((task) => task.id),
        ),
      ).toBe(2);
      expect(await findExplanationWork(tx, organization.id, detectionId)).toMatchObject({
        status: "pending",
        decision: "REVIEW",
      });
      const explanation = { summary: detectionId };
      const written = { status: "ready", explanation, source: "template", error: null } as const;
      expect(
        await writeExplanation(tx, {
          organizationId: organization.id,
          detectionId,
          ...written,
          now: new Date(),
        }),
      ).toBe(true);
      expect(await aiCostSince(tx, organization.id, new Date(0))).toBe(0);
      await recordAiUsage(tx, [
        {
          organizationId: organization.id,
          feature: "explanation",
          promptVersion: "explain-v1",
          provider: "templates",
          model: "templates",
          outcome: "ok",
        },
      ]);
    }
    expect(claimed.size).toBe(2 * RUNS);
    expect(await claimDueTasks(tx, { limit: 2, leaseMs: 60_000 })).toEqual([]);

    const after = await preparedStatements(tx);
    for (const name of BACKGROUND_STATEMENTS) {
      const [was, is] = [named(before, name), named(after, name)];
      // The final empty claim is one more execution of the claim.
      const executions = name === "orylo_claim_tasks" ? RUNS + 1 : RUNS;
      expect({
        name,
        executions: is.generic + is.custom - was.generic - was.custom,
        custom: is.custom,
      }).toEqual({ name, executions, custom: 5 });
    }
  });
});

/**
 * The statuses are literals in the claim's text: its generic plan, made without the values, must still find
 * due rows through the partial index `task_outbox_due_idx` and update them by primary key, whatever the
 * number of finished rows the outbox holds.
 */
it("claims through the partial index on its generic plan, however many finished tasks the outbox holds", async () => {
  const { db } = database();
  await db.execute(
    sql`insert into ${taskOutbox} (task_id, payload, status)
      select 'finished.task', '{}', 'done' from generate_series(1, 50000)`,
  );
  const organization = await createTestOrganization(db);
  await enqueueTasks(
    db,
    Array.from({ length: 20 }, (_, n) => ({
      organizationId: organization.id,
      taskId: "detection.explain",
      payload: { n },
      runAfter: new Date(Date.now() - 1000),
    })),
  );
  await db.execute(sql`analyze ${taskOutbox}`);
  await db.transaction(async (tx) => {
    expect(await claimDueTasks(tx, { limit: 3, leaseMs: 60_000 })).toHaveLength(3);
    const plan = await genericPlan(tx, "orylo_claim_tasks");
    expect(plan).toContain("Index Scan using task_outbox_due_idx");
    expect(plan).toContain("Index Scan using task_outbox_pkey");
    expect(plan).not.toContain("Seq Scan");
  });
});

/**
 * The explain task's read looks its payment up by id on its generic plan. As a plain join, that plan merge-joined
 * the detection with `transactions` by walking the primary key from its start: 1 ms a read at 100 000 stored
 * payments (docs/performance.md).
 */
it("reads an explanation's payment by its id on the generic plan, however many payments are stored", async () => {
  const { db } = database();
  const organization = await createTestOrganization(db);
  // As under load: 50 000 payments of imported history, and live payments whose ids sort before them, each with
  // a detection; the newest is the one to explain.
  const payments = (prefix: string, count: number) =>
    db.execute(
      sql`insert into ${transactions} (id, organization_id, charge_id, livemode, created_at, amount, currency, status, captured)
        select ${prefix} || lpad(n::text, 6, '0'), ${organization.id}, 'ch_' || ${prefix} || n, false, now(), 4200, 'eur', 'succeeded', true
        from generate_series(1, ${count}) as n`,
    );
  await payments("txn_history_", 50_000);
  await payments("txn_live_", 3_000);
  await db.execute(
    sql`insert into ${detections} (id, organization_id, transaction_id, source, livemode, decision, risk_score, confidence, trace, features, engine_version, ruleset_version, latency_ms)
      select 'det_' || id, organization_id, id, 'webhook', false, 'ALLOW', 0, 1, '{}', '{}', 'test', 'test', 1
      from ${transactions} where id like 'txn_live_%' and id <> 'txn_live_003000'`,
  );
  const detection = testDetection(organization.id, {
    decision: "REVIEW",
    riskScore: 60,
    transactionId: "txn_live_003000",
  });
  await insertDetection(db, detection, {
    explanation: {
      detectionId: detection.id,
      organizationId: organization.id,
      languages: ["en"],
      fallbackLanguage: "en",
    },
  });
  await db.execute(sql`analyze`);
  await db.transaction(async (tx) => {
    expect(await findExplanationWork(tx, organization.id, detection.id)).toMatchObject({
      amount: 4200,
      currency: "eur",
    });
    const plan = await genericPlan(tx, "orylo_select_explanation_work");
    // A lookup under its own limit, which PostgreSQL cannot turn back into a join of the two tables.
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s*Index Scan using transactions_pkey on transactions/);
    expect(plan).toMatch(/Index Cond: \(id = detections\.transaction_id\)/);
    expect(plan).not.toMatch(/Merge|Hash|Seq Scan on transactions/);
  });
});

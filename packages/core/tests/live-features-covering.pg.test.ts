import { createTestOrganization } from "@orylo/db/testing";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { makeTransaction } from "@orylo/engine/testing";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { computeLiveFeatures } from "../src/features/live-features";

const database = usePostgresDatabase();
const COVERING_SCAN = "Index Only Scan using transactions_ip_address_covering_index ";

/**
 * A busy IP address's history (a carrier address shared by a thousand shoppers) must be read from the
 * covering index alone (docs/performance.md, "Live features"): if the IP aggregates came to read a column the
 * index does not carry, the index-only scan would silently become one heap page per earlier payment. With
 * plain index scans, bitmap scans and sequential scans priced out, PostgreSQL can still plan an index-only
 * scan for both IP subqueries (all time, last week) only while the index covers every column they read. The
 * plan is the generic one the statement runs on, taken from the statement as prepared on the connection.
 */
it("reads an IP address's earlier payments through an index-only scan of the covering index", async () => {
  await database().db.transaction(async (tx) => {
    const organization = await createTestOrganization(tx);
    const payment = makeTransaction({ ipAddress: "203.0.113.7", email: "buyer@example.com" });
    await computeLiveFeatures(tx, organization.id, payment, 1);
    const { rows } = (await tx.execute(
      sql`select statement, cardinality(parameter_types) as parameters
        from pg_prepared_statements where name = 'orylo_live_features'`,
    )) as unknown as { rows: { statement: string; parameters: number }[] };
    const [prepared] = rows;
    if (!prepared) throw new Error("the live-features statement was not prepared on the connection");

    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql.raw(`prepare covering_check as ${prepared.statement}`));
    const nulls = Array.from({ length: prepared.parameters }, () => "null").join(", ");
    const plan = (await tx.execute(sql.raw(`explain execute covering_check(${nulls})`))) as unknown as {
      rows: { "QUERY PLAN": string }[];
    };
    await tx.execute(sql`deallocate covering_check`);
    // A scan node's line, then its "Index Cond" line: the IP subqueries are the nodes bounded by ip_address.
    const lines = plan.rows.map((row) => row["QUERY PLAN"]);
    const ipScans = lines.filter((_, index) => /Index Cond: .*\(ip_address = /.test(lines[index + 1] ?? ""));
    expect(ipScans.filter((line) => line.includes(COVERING_SCAN))).toHaveLength(2);
  });
});

/**
 * The index-only scan skips the table only where autovacuum has marked pages all-visible: the migration
 * makes it visit the insert-only table after every 1 % of growth instead of 20 %. A custom migration, the one
 * a regeneration of drizzle/ could lose: this fails if it is gone.
 */
it("has autovacuum visit transactions after every 1 % of inserted rows", async () => {
  const { rows } = (await database().db.execute(
    sql`select reloptions from pg_class where oid = 'transactions'::regclass`,
  )) as unknown as { rows: { reloptions: string[] | null }[] };
  expect(rows[0]?.reloptions).toContain("autovacuum_vacuum_insert_scale_factor=0.01");
});

// Pre-payment API benchmark: the `evaluatePayment` verb behind `POST /api/v1/evaluate`, on PostgreSQL, at the
// end of a merchant's stored history (features, rules and lists, detection + explanation request + the
// PaymentIntent link, one transaction). HTTP parsing and API-key lookup are not included.
import { createRule, type EvaluatePaymentInput, evaluatePayment, type OrgCtx } from "@orylo/core";
import { migrateDatabase } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import type { Transaction } from "@orylo/engine";
import { createAnalytics, createLogger } from "@orylo/platform";
import { type BenchSize, bySize } from "../lib/bench-size";
import type { RunReport } from "../lib/benchmarks-doc";
import { loadInBatches, rawQuery } from "../lib/bulk-load";
import { count, ms, summarize, verdict } from "../lib/latency-stats";
import { syntheticHistory } from "../lib/synthetic-history";
import { openBenchDatabase } from "./live-features";

const SAMPLES = 300;
const WARM_UP = 30;

/** A stored payment's shopper, as a merchant would describe the next payment before confirming it. */
function asRequest(payment: Transaction, index: number): EvaluatePaymentInput {
  return {
    amount: payment.amount,
    currency: payment.currency,
    payment_intent: `pi_bench${index}`,
    customer: payment.customerId,
    ...(payment.email ? { email: payment.email } : {}),
    ...(payment.ipAddress ? { ip_address: payment.ipAddress } : {}),
    ...(payment.deviceId ? { device_id: payment.deviceId } : {}),
    card: {
      ...(payment.cardFingerprint ? { fingerprint: payment.cardFingerprint } : {}),
      ...(payment.cardBrand ? { brand: payment.cardBrand } : {}),
      ...(payment.cardCountry ? { country: payment.cardCountry } : {}),
    },
    ...(payment.billingCountry ? { billing_country: payment.billingCountry } : {}),
  };
}

export async function runEvaluateBenchmark(requested: BenchSize, command: string): Promise<RunReport> {
  const rows = bySize(requested, { tiny: 10_000, small: 100_000, full: 1_000_000 });
  const { handle, stop } = await openBenchDatabase("pg");
  try {
    await migrateDatabase(handle);
    const organization = await createTestOrganization(handle.db);
    const ctx: OrgCtx = {
      db: handle.db,
      organizationId: organization.id,
      actor: { type: "system", task: "bench" },
      requestId: "req_bench",
      logger: createLogger({ logLevel: "silent", prettyLogs: false }),
      now: () => new Date(),
      analytics: createAnalytics({ posthog: null }),
    };
    // The history ends now, so the evaluated payments land in busy windows.
    const templates: Transaction[] = [];
    const history = syntheticHistory({ seed: 7, count: rows, end: new Date() });
    function* keepLast() {
      for (const payment of history) {
        templates.push(payment);
        if (templates.length > 4 * (SAMPLES + WARM_UP))
          templates.splice(0, templates.length - SAMPLES - WARM_UP);
        yield payment;
      }
    }
    console.log(`  loading ${count(rows)} transactions into pg`);
    const started = performance.now();
    await loadInBatches(rawQuery(handle), organization.id, keepLast(), { batchSize: 5_000 });
    await rawQuery(handle)("analyze transactions");
    const loadMs = performance.now() - started;
    for (const text of [
      "Request 3D Secure if :amount_in_eur: > 250",
      "Block if :card_count_for_ip_address_hourly: >= 5",
      "Review if :total_charges_per_email_daily: >= 4",
    ]) {
      await createRule(ctx, { text });
    }
    console.log(`  loaded in ${(loadMs / 1000).toFixed(1)} s; timing ${SAMPLES} evaluations`);

    const latencies: number[] = [];
    let threeDs = 0;
    for (const [index, payment] of templates.slice(-(SAMPLES + WARM_UP)).entries()) {
      const start = performance.now();
      const result = await evaluatePayment(ctx, asRequest(payment, index), {
        idempotencyKey: `bench-${index}`,
      });
      if (index >= WARM_UP) latencies.push(performance.now() - start);
      if (result.requires3ds) threeDs += 1;
    }
    const stats = summarize(latencies);
    const stored = (await rawQuery(handle)(
      "select count(*)::int as n from detections where organization_id = $1 and source = 'evaluate'",
      [organization.id],
    )) as { rows: { n: number }[] };
    return {
      section: "evaluate-pg",
      size: requested,
      command,
      rows: [
        ["stored transactions", count(rows), "", ""],
        ["evaluations timed", count(stats.count), "", ""],
        ["p50 per evaluation", ms(stats.p50), "", ""],
        ["p95 per evaluation", ms(stats.p95), "< 30 ms", verdict(stats.p95 < 30)],
        ["p99 per evaluation", ms(stats.p99), "", ""],
      ],
      notes: [
        `${count(rows)} transactions of one organization over the 90 days before now, loaded then ANALYZE in ` +
          `${(loadMs / 1000).toFixed(1)} s (not timed); 3 enforced rules.`,
        `Timed: \`evaluatePayment\` (the verb behind \`POST /api/v1/evaluate\`: live features, rules and lists, ` +
          "engine, detection, explanation request, PaymentIntent link, in one transaction), sequentially, " +
          `after ${WARM_UP} warm-up calls, for ${SAMPLES} payments shaped like the last stored ones; ` +
          `${stored.rows[0]?.n} detections stored, ${threeDs} asked for 3D Secure. HTTP parsing and the API-key ` +
          "lookup are not included.",
      ],
    };
  } finally {
    await handle.close().catch(() => {});
    await stop();
  }
}

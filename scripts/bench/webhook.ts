// Webhook verb benchmark: `receiveStripeWebhook` (verify, store, process in one transaction) called in-process
// on PostgreSQL, without Next.js or HTTP: what the webhook path costs in our code and the database alone.
// Compared with `bun run load` (the same events through `next start`), it shows what the server layer adds.
import { receiveStripeWebhook } from "@orylo/core";
import { migrateDatabase } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { createAnalytics, createLogger } from "@orylo/platform";
import { signStripePayload } from "@orylo/testkit";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import { type BenchSize, bySize } from "../lib/bench-size";
import type { RunReport } from "../lib/benchmarks-doc";
import { count, ms, summarize } from "../lib/latency-stats";
import { openBenchDatabase } from "./live-features";

const SECRET = "whsec_bench_webhook";
/** Requests in flight in the throughput phase: as many as the pg pool has connections (10 by default). */
const CONCURRENCY = 10;
const logger = createLogger({ logLevel: "silent", prettyLogs: false });
const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;

export async function runWebhookBenchmark(size: BenchSize, command: string): Promise<RunReport> {
  const events = bySize(size, { tiny: 300, small: 2_000, full: 6_000 });
  const { handle, stop } = await openBenchDatabase("pg");
  try {
    await migrateDatabase(handle);
    const organization = await createTestOrganization(handle.db);
    const traffic = simulatedTraffic({
      seed: 3,
      end: new Date(),
      shoppers: Math.ceil(events * 1.2) + 50,
      days: 1,
    }).slice(-2 * events);
    if (traffic.length < 2 * events)
      throw new Error(`the scenario made ${traffic.length} events, not ${2 * events}`);
    const deliveries = await Promise.all(
      traffic.map(async ({ event }) => {
        const rawBody = JSON.stringify(event);
        return {
          rawBody,
          signature: await signStripePayload(rawBody, SECRET),
          route: {
            kind: "shared" as const,
            connectSecrets: [],
            platformSecrets: [SECRET],
            defaultOrganizationId: organization.id,
          },
        };
      }),
    );
    const analytics = createAnalytics({ posthog: null });
    const ctx = (requestId: string) => ({
      db: handle.db,
      actor: { type: "webhook" as const, source: "stripe" as const },
      requestId,
      logger,
      now: () => new Date(),
      analytics,
    });
    const send = async (index: number) => {
      const receipt = await receiveStripeWebhook(ctx(`req_${index}`), deliveries[index]!);
      if (receipt.duplicate || !receipt.detection) throw new Error(`event ${index} was not scored once`);
    };

    // One at a time: the latency of one event, and our process's CPU for it.
    const latencies: number[] = [];
    const sequentialCpu = process.cpuUsage();
    for (let index = 0; index < events; index++) {
      const start = performance.now();
      await send(index);
      latencies.push(performance.now() - start);
    }
    const cpuPerEvent = cpuMs(process.cpuUsage(sequentialCpu)) / events;
    const stats = summarize(latencies.slice(Math.min(50, events / 10)));

    // As many at a time as the pool allows: how many events per second this process can decide.
    let next = events;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < deliveries.length) await send(next++);
      }),
    );
    const perSecond = (deliveries.length - events) / ((performance.now() - started) / 1000);
    return {
      section: "webhook-pg",
      size,
      command,
      rows: [
        ["events, one at a time", count(events), "", ""],
        ["p50 / p95 per event", `${ms(stats.p50)} / ${ms(stats.p95)}`, "", ""],
        ["CPU of this process per event", ms(cpuPerEvent), "", ""],
        [`events decided per second, ${CONCURRENCY} at a time`, `${count(perSecond)}/s`, "", ""],
      ],
      notes: [
        "`receiveStripeWebhook` in-process (signature check, event stored and committed, then charge, customer, " +
          "live features, rules and lists, engine, detection, explanation request and event status in one " +
          "transaction), on a fresh organization; no HTTP, no Next.js, no task host.",
        `Fresh \`charge.*\` events of simulated shoppers and a card-testing burst, in time order; ${count(events)} ` +
          `one at a time (the first ${Math.min(50, events / 10)} not timed), then ${count(deliveries.length - events)} ` +
          `${CONCURRENCY} at a time over the pg pool.`,
      ],
    };
  } finally {
    await handle.close().catch(() => {});
    await stop();
  }
}

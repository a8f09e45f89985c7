// bun run simulate — sends realistic signed Stripe events to the running app: ordinary shoppers, then a
// card-testing burst, and prints what Orylo decided for each group. `--days 150` gives the shop a history:
// months of shoppers, stolen-card purchases among them and the fraud disputes that followed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { AiUsageReport, DetectionDetail, RecommendationList, SuggestionList } from "@orylo/core";
import { loadConfig } from "@orylo/platform";
import { deliverStripeEvent } from "@orylo/testkit";
import { fraudDisputes, seededRandom, simulatedTraffic, type TrafficLabel } from "@orylo/testkit/scenarios";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
    days: { type: "string", default: "3" },
    // 60 shoppers for the default 3 days; four a day over a longer history.
    shoppers: { type: "string" },
    "burst-cards": { type: "string", default: "40" },
    // An organization's own endpoint (onboarding's "start with demo data" shows both values).
    endpoint: { type: "string" },
    secret: { type: "string" },
  },
});

const config = loadConfig();
const baseUrl = args.url ?? `http://localhost:${config.port}`;
const secret = args.secret ?? config.stripe.webhookSecrets[0];
const webhookUrl = `${baseUrl}/api/webhooks/stripe${args.endpoint ? `/${args.endpoint}` : ""}`;
if (!secret) {
  console.error(
    "No STRIPE_WEBHOOK_SECRET: start the app once (`bun run start`) or set it in the environment.",
  );
  process.exit(1);
}

const startedAt = new Date();
const days = Number(args.days);
const traffic = simulatedTraffic({
  seed: Number(args.seed),
  end: startedAt,
  days,
  shoppers: Number(args.shoppers ?? Math.max(60, days * 4)),
  burstCards: Number(args["burst-cards"]),
  // A fraudster's evening every ten days or so: nothing before a month of history.
  stolenCards: days >= 30 ? Math.floor(days / 10) : 0,
});
const disputes = fraudDisputes(
  seededRandom(Number(args.seed) + 1),
  traffic.filter(({ label }) => label === "stolen_card").map(({ event }) => event),
  startedAt,
);

type Tally = Record<"ALLOW" | "REVIEW" | "BLOCK" | "none", number>;
const tallies: Record<TrafficLabel, Tally> = {
  shopper: { ALLOW: 0, REVIEW: 0, BLOCK: 0, none: 0 },
  stolen_card: { ALLOW: 0, REVIEW: 0, BLOCK: 0, none: 0 },
  card_testing: { ALLOW: 0, REVIEW: 0, BLOCK: 0, none: 0 },
};
const burstDecisions: string[] = [];
const blockedIds: string[] = [];

// Disputes arrive among the payments, at the time each cardholder complained.
const deliveries = [...traffic, ...disputes.map((event) => ({ label: "dispute" as const, event }))].sort(
  (a, b) => a.event.created - b.event.created,
);
const disputeNote = disputes.length > 0 ? ` and ${disputes.length} fraud disputes` : "";
console.log(
  `Sending ${traffic.length} payments${disputeNote} as Stripe events to ${webhookUrl} (seed ${args.seed})`,
);
for (const [sent, { label, event }] of deliveries.entries()) {
  const body = await deliver(JSON.stringify(event), event.id, secret);
  if (sent > 0 && sent % 500 === 0) console.log(`  ${sent} / ${deliveries.length} sent`);
  if (label === "dispute") continue;
  const decision = body.detection?.decision ?? "none";
  tallies[label][decision] += 1;
  if (body.detection?.decision === "BLOCK") blockedIds.push(body.detection.id);
  if (label === "card_testing") burstDecisions.push(decision[0] ?? "?");
}

async function deliver(payload: string, eventId: string, signingSecret: string) {
  let response: Response;
  try {
    response = await deliverStripeEvent(webhookUrl, payload, signingSecret);
  } catch {
    console.error(`Cannot reach ${baseUrl}: is the app running (\`bun run start\` in another terminal)?`);
    process.exit(1);
  }
  const body = (await response.json()) as {
    detection?: { id: string; decision: keyof Tally } | null;
    error?: unknown;
  };
  if (!response.ok) {
    console.error(`${eventId}: HTTP ${response.status}`, JSON.stringify(body));
    process.exit(1);
  }
  return body;
}

console.log("\n            ALLOW  REVIEW  BLOCK");
for (const [label, tally] of Object.entries(tallies)) {
  if (label === "stolen_card" && !traffic.some((entry) => entry.label === "stolen_card")) continue;
  console.log(
    `${label.padEnd(12)}${String(tally.ALLOW).padStart(5)}${String(tally.REVIEW).padStart(8)}${String(tally.BLOCK).padStart(7)}`,
  );
}
console.log(`\ncard-testing attempts in order: ${burstDecisions.join("")}  (A allow, R review, B block)`);
// The actions report reads the demo merchant's API: another organization's endpoint has its own.
if (!args.endpoint) {
  await reportActions(Object.values(tallies).reduce((blocked, tally) => blocked + tally.BLOCK, 0));
  await reportAi(blockedIds);
}
console.log(`Open ${baseUrl} or GET ${baseUrl}/api/v1/detections with the demo API key to see them.`);

interface ActionRow {
  kind: string;
  stripeObjectId: string;
  status: string;
  outcome: string | null;
  createdAt: string;
}

/**
 * What Orylo did on Stripe about the blocked payments: the `detection.act` tasks run in the app right after
 * each webhook, so this waits for them (a few seconds at most) and prints their outcomes. Without
 * STRIPE_SECRET_KEY they are dry runs: recorded, nothing sent to Stripe.
 */
async function reportActions(blocked: number) {
  const apiKey = config.demo.apiKey ?? demoApiKey();
  if (!apiKey || blocked === 0) return;
  const since = startedAt.toISOString();
  let actions: ActionRow[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await fetch(`${baseUrl}/api/v1/actions?limit=100`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (!response.ok) return;
    const page = (await response.json()) as { data: ActionRow[] };
    actions = page.data.filter((a) => a.createdAt >= since && a.status !== "pending");
    if (actions.length >= blocked) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const counts = new Map<string, number>();
  for (const action of actions) {
    const key = `${action.status} ${action.outcome ?? ""}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const dryRun = actions.some((a) => a.status === "dry_run");
  console.log(
    `\nActions on Stripe for the ${blocked} blocked payments${dryRun ? " (DRY RUN: no Stripe credentials, nothing was sent to Stripe)" : ""}:`,
  );
  for (const [key, count] of counts)
    console.log(`  ${String(count).padStart(4)}  ${key.replaceAll("_", " ")}`);
  const example = actions[0];
  if (example) console.log(`  e.g. ${example.outcome?.replaceAll("_", " ")} ${example.stripeObjectId}`);
  if (actions.length === 0)
    console.log("  none yet: the demo organization's automatic actions may be switched off");
}

/**
 * What the background AI work made of the attack: each blocked payment's explanation (written within
 * seconds, by templates when no LLM is configured), and the blacklist suggestions and rule recommendations
 * the card-testing incident asked for; then the month's AI cost. Waits up to 60 s for the tasks.
 */
async function reportAi(blocked: readonly string[]) {
  const apiKey = config.demo.apiKey ?? demoApiKey();
  if (!apiKey || blocked.length === 0) return;
  const get = async <T>(path: string): Promise<T | null> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    return response.ok ? ((await response.json()) as T) : null;
  };
  const waitingSince = Date.now();
  const explanations = new Map<string, NonNullable<DetectionDetail["explanation"]>>();
  let suggestions: SuggestionList["data"] = [];
  let recommendations: RecommendationList["data"] = [];
  while (Date.now() - waitingSince < 60_000) {
    for (const id of blocked) {
      if (explanations.has(id)) continue;
      const detection = await get<DetectionDetail>(`/detections/${id}`);
      const explanation = detection?.explanation;
      if (explanation && explanation.status !== "pending") explanations.set(id, explanation);
    }
    const createdSince = (row: { createdAt: string }) => row.createdAt >= startedAt.toISOString();
    suggestions = ((await get<SuggestionList>("/suggestions"))?.data ?? []).filter(createdSince);
    recommendations = ((await get<RecommendationList>("/recommendations"))?.data ?? []).filter(createdSince);
    if (explanations.size === blocked.length && suggestions.length > 0 && recommendations.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = ((Date.now() - waitingSince) / 1000).toFixed(1);
  const written = [...explanations.values()];
  const kinds = new Map<string, number>();
  for (const explanation of written) {
    const key =
      "source" in explanation
        ? `${explanation.status}: ${explanation.source}, ${explanation.language}`
        : explanation.status;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  console.log(`
AI (waited ${seconds} s for the background tasks):`);
  console.log(`  explanations of the ${blocked.length} blocked payments: ${written.length} written`);
  for (const [key, count] of kinds) console.log(`  ${String(count).padStart(4)}  ${key}`);
  const example = written.find((explanation) => "summary" in explanation);
  if (example && "summary" in example) console.log(`  e.g. "${example.summary}"`);
  console.log(`  suggestions pending: ${suggestions.length}`);
  for (const suggestion of suggestions.slice(0, 3))
    console.log(`        ${suggestion.kind} ${suggestion.subject.replaceAll("_", " ")} ${suggestion.value}`);
  console.log(`  rule recommendations pending: ${recommendations.length}`);
  for (const recommendation of recommendations.slice(0, 3)) console.log(`        ${recommendation.text}`);
  const usage = await get<AiUsageReport>("/ai/usage");
  if (usage) {
    const { costUsd, calls, cacheHitRate } = usage.totals;
    const hits = cacheHitRate === null ? "" : `, cache hit rate ${Math.round(cacheHitRate * 100)} %`;
    console.log(`  AI cost this month: $${costUsd.toFixed(2)} (${calls} calls${hits})`);
  }
}

/** The demo merchant's API key, as the app wrote it into the data dir at its first boot. */
function demoApiKey(): string | null {
  try {
    const stored = JSON.parse(readFileSync(join(config.dataDir, "demo.json"), "utf8")) as {
      apiKey?: unknown;
    };
    return typeof stored.apiKey === "string" ? stored.apiKey : null;
  } catch {
    return null;
  }
}

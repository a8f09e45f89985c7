// bun run simulate — sends realistic signed Stripe events to the running app: ordinary shoppers, then a
// card-testing burst, and prints what Orylo decided for each group.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@orylo/platform";
import { signStripePayload } from "@orylo/testkit";
import { simulatedTraffic, type TrafficLabel } from "@orylo/testkit/scenarios";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
    shoppers: { type: "string", default: "60" },
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
const traffic = simulatedTraffic({
  seed: Number(args.seed),
  end: new Date(),
  shoppers: Number(args.shoppers),
  burstCards: Number(args["burst-cards"]),
});

type Tally = Record<"ALLOW" | "REVIEW" | "BLOCK" | "none", number>;
const tallies: Record<TrafficLabel, Tally> = {
  shopper: { ALLOW: 0, REVIEW: 0, BLOCK: 0, none: 0 },
  card_testing: { ALLOW: 0, REVIEW: 0, BLOCK: 0, none: 0 },
};
const burstDecisions: string[] = [];

console.log(`Sending ${traffic.length} Stripe events to ${webhookUrl} (seed ${args.seed})`);
for (const { label, event } of traffic) {
  const payload = JSON.stringify(event);
  let response: Response;
  try {
    response = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signStripePayload(payload, secret),
      },
      body: payload,
    });
  } catch {
    console.error(`Cannot reach ${baseUrl}: is the app running (\`bun run start\` in another terminal)?`);
    process.exit(1);
  }
  const body = (await response.json()) as { detection?: { decision: keyof Tally } | null; error?: unknown };
  if (!response.ok) {
    console.error(`${event.id}: HTTP ${response.status}`, JSON.stringify(body));
    process.exit(1);
  }
  const decision = body.detection?.decision ?? "none";
  tallies[label][decision] += 1;
  if (label === "card_testing") burstDecisions.push(decision[0] ?? "?");
}

console.log("\n            ALLOW  REVIEW  BLOCK");
for (const [label, tally] of Object.entries(tallies)) {
  console.log(
    `${label.padEnd(12)}${String(tally.ALLOW).padStart(5)}${String(tally.REVIEW).padStart(8)}${String(tally.BLOCK).padStart(7)}`,
  );
}
console.log(`\ncard-testing attempts in order: ${burstDecisions.join("")}  (A allow, R review, B block)`);
// The actions report reads the demo merchant's API: another organization's endpoint has its own.
if (!args.endpoint) await reportActions(tallies.shopper.BLOCK + tallies.card_testing.BLOCK);
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

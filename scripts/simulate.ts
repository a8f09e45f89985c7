// bun run simulate — sends realistic signed Stripe events to the running app: ordinary shoppers, then a
// card-testing burst, and prints what Orylo decided for each group.

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
  },
});

const config = loadConfig();
const baseUrl = args.url ?? `http://localhost:${config.port}`;
const secret = config.stripe.webhookSecrets[0];
if (!secret) {
  console.error(
    "No STRIPE_WEBHOOK_SECRET: start the app once (`bun run start`) or set it in the environment.",
  );
  process.exit(1);
}

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

console.log(`Sending ${traffic.length} Stripe events to ${baseUrl}/api/webhooks/stripe (seed ${args.seed})`);
for (const { label, event } of traffic) {
  const payload = JSON.stringify(event);
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/webhooks/stripe`, {
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
console.log(`Open ${baseUrl} or GET ${baseUrl}/api/v1/detections with the demo API key to see them.`);

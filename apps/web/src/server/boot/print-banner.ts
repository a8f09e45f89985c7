import type { Runtime } from "../runtime";

/**
 * Embedded mode's banner, on stdout outside the logger at every boot: what a newcomer needs to sign in,
 * call the API and send Stripe events, and which backend serves each concern.
 */
export function printBanner(runtime: Runtime, backends: string): void {
  const { config, demo } = runtime;
  const url = `http://localhost:${config.port}`;
  const lines = [
    "",
    "  Orylo is running in embedded mode (no DATABASE_URL): everything lives in this process and the data dir.",
    "",
    `  Dashboard       ${url}`,
    ...(demo
      ? [
          `  Demo login      ${demo.credentials.email}  /  ${demo.credentials.password}`,
          `  Demo API key    ${demo.credentials.apiKey}`,
        ]
      : []),
    `  Webhook URL     ${url}/api/webhooks/stripe`,
    `  Webhook secret  ${config.stripe.webhookSecrets[0] ?? "(none)"}`,
    `  Data dir        ${config.dataDir}`,
    "",
    backends,
    "",
    "  Try it: `bun run simulate` in another terminal sends shoppers and a card-testing burst.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

// bun run backtest --rule "Block if :amount_in_eur: > 500" [--rule …] [--days 90] [--to 2026-11-01] [--org org_…]
// Replays the organization's stored payments through the given rules (with the detectors, as live) and
// prints what they would have allowed, reviewed and blocked, and how they fare against the labels.
// In embedded mode, stop the app first: only one process may open the embedded database (a clear error
// says so otherwise).
import { parseArgs } from "node:util";
import { type BacktestResult, backtestRuleSet, openConfiguredDatabase, withOrganization } from "@orylo/core";
import { findOrganizationBySlug } from "@orylo/db";
import { createAnalytics, createLogger, loadConfig } from "@orylo/platform";

const { values: args } = parseArgs({
  options: {
    rule: { type: "string", multiple: true },
    "rule-id": { type: "string", multiple: true },
    days: { type: "string", default: "90" },
    to: { type: "string" },
    org: { type: "string" },
    examples: { type: "boolean", default: true },
  },
});
if (!args.rule?.length && !args["rule-id"]?.length) {
  console.error('Give at least one --rule "Block if …" (or --rule-id rule_…).');
  process.exit(2);
}
const days = Number(args.days);
if (!Number.isFinite(days) || days <= 0) {
  console.error("--days must be a positive number");
  process.exit(2);
}

const config = loadConfig();
if (config.mode === "embedded")
  console.error("Embedded mode: stop the app first (only one process may open the embedded database).");
const logger = createLogger(config);
const database = await openConfiguredDatabase(config);
try {
  const organizationId =
    args.org ?? config.defaultOrganization ?? (await findOrganizationBySlug(database.db, "demo"))?.id ?? null;
  if (!organizationId) {
    console.error("No organization: pass --org org_… or set ORYLO_DEFAULT_ORGANIZATION.");
    process.exit(2);
  }
  const ctx = withOrganization(
    {
      db: database.db,
      actor: { type: "system", task: "backtest" },
      requestId: "backtest",
      logger,
      now: () => new Date(),
      // A backtest changes nothing: no product event to record.
      analytics: createAnalytics({ posthog: null }),
    },
    organizationId,
  );
  const to = args.to ? new Date(args.to) : new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const result = await backtestRuleSet(ctx, {
    ...(args.rule?.length ? { rules: args.rule } : { ruleIds: args["rule-id"] }),
    from: from.toISOString(),
    to: to.toISOString(),
  });
  console.log(formatBacktest(result, args.examples));
} catch (error) {
  const details = (error as { details?: { errors?: unknown[] } }).details;
  console.error(error instanceof Error ? error.message : String(error));
  if (details?.errors) console.error(JSON.stringify(details.errors, null, 2));
  process.exitCode = 1;
} finally {
  await database.close();
}

function amounts(byCurrency: Record<string, number>): string {
  const entries = Object.entries(byCurrency);
  if (entries.length === 0) return "-";
  return entries
    .map(([currency, minor]) => `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`)
    .join(", ");
}

function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")).join("\n");
}

function formatBacktest(result: BacktestResult, withExamples: boolean): string {
  const { candidate, baseline } = result;
  const lines: string[] = [];
  lines.push(`Backtest ${result.from} → ${result.to} (labels judged at ${result.asOf})`);
  lines.push(
    `${result.payments} payments counted, ${result.warmupPayments} more streamed to warm the features`,
  );
  lines.push("");
  const decisionRows = [["decision", "payments", "amount", ...(baseline ? ["live rules"] : [])]];
  for (const decision of ["ALLOW", "REVIEW", "BLOCK"] as const)
    decisionRows.push([
      decision,
      String(candidate.decisions[decision].count),
      amounts(candidate.decisions[decision].amounts),
      ...(baseline ? [String(baseline.decisions[decision].count)] : []),
    ]);
  lines.push(table(decisionRows));
  const a = candidate.accuracy;
  lines.push("");
  lines.push(
    table([
      ["against labels", ""],
      ["fraud payments", `${a.fraud} (${amounts(a.fraudAmounts)})`],
      [
        "fraud blocked / reviewed",
        `${a.fraudBlocked} / ${a.fraudReviewed} (${amounts(a.fraudCaughtAmounts)})`,
      ],
      ["legitimate payments", String(a.legitimate)],
      [
        "legitimate blocked / reviewed",
        `${a.legitimateBlocked} / ${a.legitimateReviewed} (${amounts(a.legitimateHitAmounts)})`,
      ],
      ["precision", percent(a.precision)],
      ["recall", percent(a.recall)],
      ["too young to judge", String(a.excludedTooYoung)],
    ]),
  );
  lines.push("");
  lines.push(
    table([
      ["rule", "hits", "fraud", "legit", "young", "amount"],
      ...result.rules.map((rule) => [
        `${rule.ruleId}: ${rule.text}`,
        String(rule.hits),
        String(rule.fraud),
        String(rule.legitimate),
        String(rule.tooYoung),
        amounts(rule.amounts),
      ]),
    ]),
  );
  if (withExamples) {
    for (const [name, examples] of Object.entries(result.examples)) {
      if (examples.length === 0) continue;
      lines.push("", `${name}:`);
      for (const e of examples)
        lines.push(
          `  ${e.chargeId}  ${e.createdAt}  ${e.decision}  ${amounts({ [e.currency]: e.amount })}  ${e.verdict}  ${e.why}`,
        );
    }
  }
  lines.push("", ...result.caveats.map((caveat) => `note: ${caveat}`));
  return lines.join("\n");
}

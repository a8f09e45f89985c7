import {
  countBacktestTransactions,
  findListValuesByName,
  findOrganization,
  findRule,
  selectActiveLabelsByCharge,
} from "@orylo/db";
import {
  type BacktestReport,
  listReferences,
  RATES_AS_OF,
  type Rule,
  type RuleAst,
  startBacktest,
} from "@orylo/engine";
import { OFFLINE_LOOKUPS, startTimeSlice } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { InvalidRequestError, InvalidRuleError, NotFoundError } from "../errors";
import { loadPaymentHistoryFacts } from "../features/history-facts";
import { loadBacktestActionLists } from "../lists/load-action-lists";
import { parseOrganizationSettings } from "../organizations/organization-settings";
import { compileRuleText } from "../rules/compile-rule-text";
import { loadRuleSet } from "../rules/load-rule-set";
import { backtestHistoryPages } from "./backtest-history-pages";
import { BacktestInput, type BacktestResult } from "./backtest-schemas";
import { inReportingCurrency } from "./in-reporting-currency";

const DAY_MS = 86_400_000;
/** Weekly windows are warm from the first counted payment; all_time counts are not. */
export const BACKTEST_WARMUP_DAYS = 7;
export const BACKTEST_DEFAULT_DAYS = 90;

export type BacktestLimits = { maxDays?: number; maxRows?: number };
/**
 * The history is streamed page by page, so rows bound the time a backtest takes, not its memory: SPEC §G's
 * 1 M rows (docs/benchmarks.md, `backtest-pg`) within the route's duration limit (vercel.json).
 */
export const BACKTEST_LIMITS = { maxDays: 90, maxRows: 1_000_000 } as const;

type Candidate = { rule: Rule; text: string };

function compileCandidates(texts: readonly string[]): Candidate[] {
  const errors: Record<string, unknown>[] = [];
  const candidates: Candidate[] = [];
  texts.forEach((text, index) => {
    const compiled = compileRuleText(text);
    if (!compiled.ok) {
      for (const error of compiled.errors) errors.push({ ...error, rule: index });
      return;
    }
    const rule: Rule = {
      id: `rule_${index + 1}`,
      version: 1,
      action: compiled.ast.action,
      ast: compiled.ast.condition,
      priority: 0,
      shadow: false,
      enabled: true,
      expiresAt: null,
    };
    candidates.push({ rule, text: compiled.text });
  });
  if (errors.length > 0) throw new InvalidRuleError(errors);
  return candidates;
}

/** Saved rules, tried as if enforced and unexpired (the question is what they would do). */
async function loadCandidates(ctx: OrgCtx, ids: readonly string[]): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const id of ids) {
    const row = await findRule(ctx.db, ctx.organizationId, id);
    if (!row) throw new NotFoundError("rule", id);
    candidates.push({
      rule: {
        id: row.id,
        version: row.version,
        action: row.action,
        ast: (row.ast as RuleAst).condition,
        priority: row.priority,
        shadow: false,
        enabled: true,
        expiresAt: null,
      },
      text: row.text,
    });
  }
  return candidates;
}

/**
 * `POST /api/v1/rules/backtest`, `bun run backtest`: replays the organization's stored payments of
 * [from, to] (default: the last 90 days) through a candidate rule set, with the detectors, and reports
 * against the labels (ARCHITECTURE §3). Payments of the 7 days before `from` are streamed first so
 * windows up to weekly are warm. The live rule set is reported alongside as the baseline. `hitsBefore` (not
 * part of the API) also counts each rule's hits before an instant in the same replay.
 */
export async function backtestRuleSet(
  ctx: OrgCtx,
  input: BacktestInput,
  limits: BacktestLimits = {},
  { hitsBefore }: { hitsBefore?: Date } = {},
): Promise<BacktestResult & Pick<BacktestReport, "hitsBefore">> {
  const parsed = BacktestInput.safeParse(input);
  if (!parsed.success)
    throw new InvalidRequestError(parsed.error.issues[0]?.message ?? "Invalid backtest request.");
  const { rules: texts, ruleIds, from: fromText, to: toText } = parsed.data;
  const maxDays = limits.maxDays ?? BACKTEST_LIMITS.maxDays;
  const maxRows = limits.maxRows ?? BACKTEST_LIMITS.maxRows;
  const now = ctx.now();
  const to = toText ? new Date(toText) : now;
  const from = fromText ? new Date(fromText) : new Date(to.getTime() - BACKTEST_DEFAULT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new InvalidRequestError("`from` must be before `to`.");
  if (to.getTime() - from.getTime() > maxDays * DAY_MS)
    throw new InvalidRequestError(`A backtest covers at most ${maxDays} days; narrow \`from\`/\`to\`.`, {
      maxDays,
    });

  const candidates = texts ? compileCandidates(texts) : await loadCandidates(ctx, ruleIds ?? []);
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) throw new NotFoundError("organization", ctx.organizationId);
  const settings = parseOrganizationSettings(organization);
  const live = await loadRuleSet(ctx.db, ctx.organizationId, now);
  const names = new Set<string>();
  for (const { rule } of candidates) listReferences(rule.ast, names);
  const candidateLists = await findListValuesByName(ctx.db, {
    organizationId: ctx.organizationId,
    names: [...names].filter((name) => !(name in live.lists)),
    now,
  });

  const since = new Date(from.getTime() - BACKTEST_WARMUP_DAYS * DAY_MS);
  const range = { organizationId: ctx.organizationId, since, until: to };
  if ((await countBacktestTransactions(ctx.db, range)) > maxRows)
    throw new InvalidRequestError(
      `More than ${maxRows} payments between ${since.toISOString()} and ${to.toISOString()}: narrow the range.`,
      { maxRows },
    );
  const labels = await selectActiveLabelsByCharge(ctx.db, ctx.organizationId);
  const actionLists = await loadBacktestActionLists(ctx.db, ctx.organizationId, now);
  const historyFacts = await loadPaymentHistoryFacts(ctx.db, ctx.organizationId, to);

  const replay = startBacktest({
    candidate: candidates.map(({ rule }) => rule),
    baseline: live.rules.length > 0 ? live.rules : undefined,
    settings: settings.engine,
    featureOptions: { timeZone: settings.timeZone, lookups: OFFLINE_LOOKUPS },
    historyFacts,
    lists: { ...live.lists, ...candidateLists },
    actionLists,
    labels,
    asOf: now,
    from,
    to,
    hitsBefore,
  });
  // The replay is CPU-bound for seconds at the row cap, in the web process (API) or the inline task host:
  // slicing it lets the webhooks waiting meanwhile run.
  const slice = startTimeSlice();
  let replayed = 0;
  for await (const page of backtestHistoryPages(ctx.db, range))
    for (const payment of page) {
      replay.push(payment);
      if (++replayed % 256 === 0) await slice.yieldIfDue();
    }
  const report = replay.report();
  const textOf = new Map(candidates.map(({ rule, text }) => [rule.id, text]));
  const caveats = [
    `Features are warmed with the ${BACKTEST_WARMUP_DAYS} days before \`from\`: windows up to weekly are exact, all_time counts are partial (they only see payments since ${since.toISOString()}).`,
    "Payments younger than 120 days without a fraud label are excluded from precision and recall (ARCHITECTURE §3 Labels).",
    "Lists (those rules name, and the allow and block lists that decide ahead of rules) are read as they are now, not as they were at each payment's time; the block-list entries Orylo made from fraud labels are left out, since they come from the labels the backtest is judged against.",
  ];
  ctx.logger.info({ payments: report.payments, rules: candidates.length, from, to }, "rule set backtested");
  return {
    ...report,
    rules: report.rules.map((rule) => ({ ...rule, text: textOf.get(rule.ruleId) ?? "" })),
    inReportingCurrency: {
      currency: settings.reportingCurrency,
      ratesAsOf: RATES_AS_OF,
      blocked: inReportingCurrency(report.candidate.decisions.BLOCK.amounts, settings.reportingCurrency),
      reviewed: inReportingCurrency(report.candidate.decisions.REVIEW.amounts, settings.reportingCurrency),
      fraudCaught: inReportingCurrency(
        report.candidate.accuracy.fraudCaughtAmounts,
        settings.reportingCurrency,
      ),
      legitimateHit: inReportingCurrency(
        report.candidate.accuracy.legitimateHitAmounts,
        settings.reportingCurrency,
      ),
    },
    caveats,
  };
}

import { explanationLanguageFor, formatAmount } from "@orylo/ai";
import {
  findOpenIncidentSummary,
  findOrganization,
  selectActiveLabelsByCharge,
  selectDecidedRecommendationTexts,
  selectRules,
  upsertPendingRecommendation,
} from "@orylo/db";
import { currencyDecimals, type Transaction } from "@orylo/engine";
import { generateId, OFFLINE_LOOKUPS, startTimeSlice } from "@orylo/platform";
import { readAiBudget } from "../ai/ai-budget";
import type { AiServices } from "../ai/ai-services";
import { backtestHistoryPages } from "../backtest/backtest-history-pages";
import { BACKTEST_DEFAULT_DAYS, BACKTEST_LIMITS, backtestRuleSet } from "../backtest/backtest-rule-set";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { CARD_TESTING_INCIDENT } from "../incidents/incident-schemas";
import { parseOrganizationSettings } from "../organizations/organization-settings";
import { compileRuleText } from "../rules/compile-rule-text";
import { judgeCandidate } from "./judge-candidate";
import { type RuleCandidate, RuleMiner } from "./mine-rule-candidates";
import type { RecommendationBacktest } from "./recommendation-schemas";
import { writeRationale } from "./write-rationale";

const DAY_MS = 86_400_000;
/** `rules.recommend`'s reason when a card-testing incident opened: `incident:<alert id>`. */
export const INCIDENT_REASON = "incident:";
/** At most this many new proposals per run, the most fraud stopped first: an inbox, not a flood. */
const MAX_PROPOSALS = 5;
/** Rows per page of the mining read: a page decodes in about 10 ms of CPU. */
const MINING_PAGE_ROWS = 2_000;

export interface RecommendationRun {
  proposed: string[];
  discarded: { text: string; reason: string }[];
}

/**
 * `rules.recommend`: finds patterns in the organization's last 90 days (labelled fraud by country or mail
 * provider, disposable emails, card and IP velocity, repeated declined amounts), backtests every candidate
 * as a rule over the same 90 days in one pass, and stores those that stop at least as much fraud as the
 * legitimate revenue they hit, each with its rationale. Texts already in a rule, or already decided, are
 * skipped; a pending one is refreshed.
 */
export async function recommendRules(
  ctx: OrgCtx,
  ai: AiServices,
  reason?: string,
): Promise<RecommendationRun> {
  const now = ctx.now();
  const from = new Date(now.getTime() - BACKTEST_DEFAULT_DAYS * DAY_MS);
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) throw new NotFoundError("organization", ctx.organizationId);
  const settings = parseOrganizationSettings(organization);
  const labels = await selectActiveLabelsByCharge(ctx.db, ctx.organizationId);
  const skip = await selectDecidedRecommendationTexts(ctx.db, ctx.organizationId);
  for (const rule of await selectRules(ctx.db, ctx.organizationId)) skip.add(rule.text);
  // Mining streams the 90 days in small pages, each asked for while no webhook is in flight, and keeps counts
  // and windows, not payments (docs/performance.md, "Background work in the web process").
  const miner = new RuleMiner(labels, OFFLINE_LOOKUPS);
  const slice = startTimeSlice();
  const range = { organizationId: ctx.organizationId, since: from, until: now };
  let mined = 0;
  for await (const page of backtestHistoryPages(ctx.db, range, MINING_PAGE_ROWS, slice.yieldIfDue)) {
    for (const payment of page) {
      miner.add(payment);
      if (++mined % 256 === 0) await slice.yieldIfDue();
    }
    // Past the backtest's row limit the backtest refuses the range anyway.
    if (mined >= BACKTEST_LIMITS.maxRows) break;
  }
  const candidates: RuleCandidate[] = [];
  for (const candidate of miner.candidates()) {
    const compiled = compileRuleText(candidate.text);
    if (!compiled.ok) throw new Error(`mined rule does not compile: ${candidate.text}`);
    if (!skip.has(compiled.text)) candidates.push({ ...candidate, text: compiled.text });
  }
  const run: RecommendationRun = { proposed: [], discarded: [] };
  if (candidates.length === 0) return run;

  // During an attack each candidate is also judged on the traffic before it, counted in the same replay.
  const attack = reason ? await attackBehind(ctx, reason) : undefined;
  const report = await backtestRuleSet(
    ctx,
    { rules: candidates.map((candidate) => candidate.text), from: from.toISOString(), to: now.toISOString() },
    {},
    { hitsBefore: attack?.startedAt },
  );
  const ordinary = report.hitsBefore;
  const kept = candidates.flatMap((candidate, index) => {
    const line = report.rules[index];
    if (!line) return [];
    const verdict = judgeCandidate(
      line,
      report.payments,
      settings.reportingCurrency,
      ordinary ? { hits: ordinary.hits[line.ruleId] ?? 0, payments: ordinary.payments } : undefined,
    );
    if (!verdict.keep) {
      run.discarded.push({ text: candidate.text, reason: verdict.reason });
      return [];
    }
    const backtest: RecommendationBacktest = {
      from: report.from,
      to: report.to,
      payments: report.payments,
      hits: line.hits,
      fraud: line.fraud,
      legitimate: line.legitimate,
      tooYoung: line.tooYoung,
      fraudAmounts: line.fraudAmounts,
      legitimateAmounts: line.legitimateAmounts,
      reportingCurrency: settings.reportingCurrency,
      fraudStopped: verdict.fraudValue,
      legitimateHit: verdict.legitimateValue,
    };
    return [{ candidate, backtest, action: line.action }];
  });
  kept.sort((a, b) => b.backtest.fraudStopped - a.backtest.fraudStopped || b.backtest.hits - a.backtest.hits);

  const language = explanationLanguageFor(settings.locale);
  const llmAllowed = (await readAiBudget(ctx)).state !== "exhausted";
  for (const [index, { candidate, backtest, action }] of kept.slice(0, MAX_PROPOSALS).entries()) {
    const currency = settings.reportingCurrency;
    const amount = (major: number) =>
      formatAmount(Math.round(major * 10 ** currencyDecimals(currency)), currency, language);
    const { rationale, source } = await writeRationale(
      ctx,
      ai,
      {
        rule: candidate.text,
        pattern: candidate.pattern,
        value: candidate.value,
        count: candidate.count,
        payments: backtest.payments,
        hits: backtest.hits,
        fraudHits: backtest.fraud,
        legitimateHits: backtest.legitimate,
        fraudAmount: amount(backtest.fraudStopped),
        legitimateAmount: amount(backtest.legitimateHit),
        language,
      },
      llmAllowed,
    );
    const saved = await upsertPendingRecommendation(
      ctx.db,
      {
        id: generateId("rec"),
        organizationId: ctx.organizationId,
        text: candidate.text,
        action,
        pattern: candidate.pattern,
        evidence: { value: candidate.value, count: candidate.count },
        backtest,
        rationale,
        rationaleSource: source,
        language,
        rank: index + 1,
      },
      now,
    );
    if (saved) run.proposed.push(saved.id);
  }
  ctx.logger.info(
    { candidates: candidates.length, proposed: run.proposed.length, discarded: run.discarded.length },
    "rules recommended",
  );
  return run;
}

/** The card-testing incident a run was asked for (`incident:<alert id>`), while it is still open. */
async function attackBehind(ctx: OrgCtx, reason: string): Promise<{ startedAt: Date } | undefined> {
  if (!reason.startsWith(INCIDENT_REASON)) return undefined;
  const open = await findOpenIncidentSummary(ctx.db, ctx.organizationId, CARD_TESTING_INCIDENT);
  return open && `${INCIDENT_REASON}${open.alertId}` === reason ? { startedAt: open.startedAt } : undefined;
}

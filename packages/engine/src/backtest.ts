import type { Detector } from "./detectors/detector";
import { DETECTORS } from "./detectors/registry";
import { evaluate } from "./evaluate";
import type { Decision, Evaluation } from "./evaluation";
import type { FeatureOptions } from "./features/catalogue";
import type { PaymentHistoryFacts } from "./features/history-catalogue";
import { StreamingFeatureEvaluator } from "./features/stream";
import type { ActionList } from "./lists/action-lists";
import { type AttributeRegistry, DEFAULT_ATTRIBUTE_REGISTRY } from "./rules/attributes/registry";
import type { RuleInput } from "./rules/evaluate-condition";
import { featureReferences } from "./rules/feature-references";
import type { Rule } from "./rules/rule";
import type { EngineSettings } from "./settings";
import type { Transaction } from "./transaction";

/** ARCHITECTURE §3 Labels: a payment without a fraud label this long after it was made counts as legitimate. */
export const LEGITIMATE_AFTER_DAYS = 120;
const DAY_MS = 86_400_000;

/** What we know of a payment: `fraud` = an active (not cleared) fraud label; `legitimate` = a merchant's mark. */
export type BacktestLabel = "fraud" | "legitimate";
/** How a payment is judged: fraud, legitimate (marked, or old enough without a fraud label), or too young. */
export type Verdict = "fraud" | "legitimate" | "too_young";

export type BacktestInput = {
  /** The organization's payments in (createdAt, ingest order), starting early enough to warm the windows. */
  history: Iterable<Transaction>;
  /** The rule set to try: evaluated with the detectors, exactly as the live path would. */
  candidate: readonly Rule[];
  /** The rule set it would replace (the live one); when given, its figures are reported too. */
  baseline?: readonly Rule[];
  settings: EngineSettings;
  /** How features are computed (the organization's time zone, ...), as live. */
  featureOptions?: FeatureOptions;
  /** Disputes, warnings and fraudulent refunds on the payments, and customers' creation times, as live reads them. */
  historyFacts?: PaymentHistoryFacts;
  lists?: RuleInput["lists"];
  /** The allow and block lists, which decide ahead of rules (as they are now). */
  actionLists?: readonly ActionList[];
  /** Active labels by charge id (a cleared fraud label is no label). */
  labels: ReadonlyMap<string, BacktestLabel>;
  /** When payments are judged: younger than 120 days at this instant and unlabelled = excluded from accuracy. */
  asOf: Date;
  /** Payments before `from` feed the features but are not counted. */
  from: Date;
  /** Last payment counted (inclusive); defaults to `asOf`. */
  to?: Date;
  /** Examples kept per list (default 5). */
  examples?: number;
  /**
   * Also counts each candidate rule's hits on the counted payments before this instant, in the same replay:
   * a rule recommended during an attack is judged on the traffic before it (a replay ending there would give
   * the same figures, since a payment's features only read earlier payments).
   */
  hitsBefore?: Date;
  /** Defaults to every registered detector. */
  detectors?: readonly Detector[];
};

export type AmountsByCurrency = Record<string, number>;
export type DecisionTotals = { count: number; amounts: AmountsByCurrency };

export type BacktestExample = {
  chargeId: string;
  createdAt: string;
  decision: Decision;
  amount: number;
  currency: string;
  verdict: Verdict;
  /** The deciding rule, else the detectors that scored, e.g. `rule:r1` or `score 85: card_testing, velocity`. */
  why: string;
};

export type Accuracy = {
  /** Payments judged: fraud, plus legitimate ones (marked, or 120 days old without a fraud label). */
  fraud: number;
  legitimate: number;
  /** Fraud payments this rule set blocks / sends to review. */
  fraudBlocked: number;
  fraudReviewed: number;
  fraudAmounts: AmountsByCurrency;
  fraudCaughtAmounts: AmountsByCurrency;
  /** Legitimate payments it blocks / reviews, and their amounts. */
  legitimateBlocked: number;
  legitimateReviewed: number;
  legitimateHitAmounts: AmountsByCurrency;
  /** Flagged = BLOCK or REVIEW. Precision = fraud flagged / judged flagged; null when nothing judged was flagged. */
  precision: number | null;
  /** Fraud flagged / fraud; null when there is no fraud label. */
  recall: number | null;
  /** Unlabelled payments younger than 120 days at `asOf`: left out of every figure above. */
  excludedTooYoung: number;
};

export type RuleSetReport = {
  decisions: Record<Decision, DecisionTotals>;
  accuracy: Accuracy;
};

export type RuleReport = {
  ruleId: string;
  action: Rule["action"];
  /** Payments where this rule's condition was true, whatever else decided. */
  hits: number;
  amounts: AmountsByCurrency;
  fraud: number;
  legitimate: number;
  tooYoung: number;
  /** What the hits weigh against the labels: a rule is worth keeping when it stops more fraud than revenue. */
  fraudAmounts: AmountsByCurrency;
  legitimateAmounts: AmountsByCurrency;
  examples: BacktestExample[];
};

export type BacktestReport = {
  from: string;
  to: string;
  asOf: string;
  /** Payments in [from, to] (the ones counted) and payments streamed before `from` only to warm features. */
  payments: number;
  warmupPayments: number;
  candidate: RuleSetReport;
  baseline: (RuleSetReport & { changedDecisions: number }) | null;
  rules: RuleReport[];
  /** Present when `hitsBefore` was given: the counted payments before it, and each candidate rule's hits on them. */
  hitsBefore?: { at: string; payments: number; hits: Record<string, number> };
  examples: {
    blocked: BacktestExample[];
    reviewed: BacktestExample[];
    fraudCaught: BacktestExample[];
    fraudMissed: BacktestExample[];
    legitimateHit: BacktestExample[];
  };
};

const DECISIONS: readonly Decision[] = ["ALLOW", "REVIEW", "BLOCK"];

function addAmount(amounts: AmountsByCurrency, currency: string, amount: number) {
  amounts[currency] = (amounts[currency] ?? 0) + amount;
}

/** `fraud` wins whatever the age; otherwise legitimate when marked so or 120 days old at `asOf`. */
export function judgePayment(
  transaction: Pick<Transaction, "chargeId" | "createdAt">,
  labels: ReadonlyMap<string, BacktestLabel>,
  asOf: Date,
): Verdict {
  const label = labels.get(transaction.chargeId);
  if (label === "fraud") return "fraud";
  if (label === "legitimate") return "legitimate";
  return asOf.getTime() - transaction.createdAt.getTime() >= LEGITIMATE_AFTER_DAYS * DAY_MS
    ? "legitimate"
    : "too_young";
}

function why(evaluation: Evaluation): string {
  const [listed] = evaluation.listHits;
  if (listed) return `list:@${listed.list} (${listed.action} ${listed.kind})`;
  const deciding = evaluation.ruleHits.find((hit) => !hit.shadow && hit.action !== "request_3ds");
  if (deciding) return `rule:${deciding.ruleId} (${deciding.action})`;
  const scored = evaluation.contributions.filter((c) => c.status === "hit").map((c) => c.reasonCode);
  return scored.length === 0
    ? `score ${evaluation.riskScore}`
    : `score ${evaluation.riskScore}: ${scored.join(", ")}`;
}

class RuleSetTally {
  readonly decisions = Object.fromEntries(
    DECISIONS.map((decision) => [decision, { count: 0, amounts: {} }]),
  ) as Record<Decision, DecisionTotals>;
  readonly accuracy: Accuracy = {
    fraud: 0,
    legitimate: 0,
    fraudBlocked: 0,
    fraudReviewed: 0,
    fraudAmounts: {},
    fraudCaughtAmounts: {},
    legitimateBlocked: 0,
    legitimateReviewed: 0,
    legitimateHitAmounts: {},
    precision: null,
    recall: null,
    excludedTooYoung: 0,
  };

  add(transaction: Transaction, decision: Decision, verdict: Verdict) {
    const totals = this.decisions[decision];
    totals.count += 1;
    addAmount(totals.amounts, transaction.currency, transaction.amount);
    const a = this.accuracy;
    if (verdict === "too_young") {
      a.excludedTooYoung += 1;
      return;
    }
    if (verdict === "fraud") {
      a.fraud += 1;
      addAmount(a.fraudAmounts, transaction.currency, transaction.amount);
      if (decision === "ALLOW") return;
      if (decision === "BLOCK") a.fraudBlocked += 1;
      else a.fraudReviewed += 1;
      addAmount(a.fraudCaughtAmounts, transaction.currency, transaction.amount);
      return;
    }
    a.legitimate += 1;
    if (decision === "ALLOW") return;
    if (decision === "BLOCK") a.legitimateBlocked += 1;
    else a.legitimateReviewed += 1;
    addAmount(a.legitimateHitAmounts, transaction.currency, transaction.amount);
  }

  report(): RuleSetReport {
    const a = this.accuracy;
    const caught = a.fraudBlocked + a.fraudReviewed;
    const flagged = caught + a.legitimateBlocked + a.legitimateReviewed;
    return {
      decisions: this.decisions,
      accuracy: {
        ...a,
        precision: flagged === 0 ? null : caught / flagged,
        recall: a.fraud === 0 ? null : caught / a.fraud,
      },
    };
  }
}

/**
 * The features a replay must compute: those the detectors declare and those the rules' attributes name.
 * The rest of the catalogue (most of it, for one rule) is never computed.
 */
export function featuresReadBy(
  detectors: readonly Detector[],
  ruleSets: readonly (readonly Rule[])[],
  registry: AttributeRegistry = DEFAULT_ATTRIBUTE_REGISTRY,
): Set<string> {
  const names = new Set(detectors.flatMap((detector) => detector.reads));
  for (const rules of ruleSets) for (const rule of rules) featureReferences(rule.ast, registry, names);
  return names;
}

/**
 * Replays in-order history through a candidate rule set (with the detectors, as live): ONE streaming
 * feature evaluator is fed every payment, so the features of a counted payment are those live computed;
 * payments before `from` only warm the windows. Pure: the caller loads history, labels and lists.
 */
export function backtestRules(input: BacktestInput): BacktestReport {
  const replay = startBacktest(input);
  for (const transaction of input.history) if (!replay.push(transaction)) break;
  return replay.report();
}

/** A backtest fed one payment at a time, for a caller that reads history in pages (the same semantics). */
export interface BacktestReplay {
  /** Feeds the next payment in order; false once past `to` (later payments are not needed). */
  push(transaction: Transaction): boolean;
  report(): BacktestReport;
}

export function startBacktest(input: Omit<BacktestInput, "history">): BacktestReplay {
  const limit = input.examples ?? 5;
  const to = input.to ?? input.asOf;
  const fromMs = input.from.getTime();
  const toMs = to.getTime();
  const detectors = input.detectors ?? DETECTORS;
  const evaluator = new StreamingFeatureEvaluator(
    input.featureOptions,
    input.historyFacts,
    featuresReadBy(detectors, [input.candidate, input.baseline ?? []]),
  );
  const candidate = new RuleSetTally();
  const baseline = input.baseline ? new RuleSetTally() : null;
  let changedDecisions = 0;
  const ruleReports = new Map<string, RuleReport>(
    input.candidate.map((rule) => [
      rule.id,
      {
        ruleId: rule.id,
        action: rule.action,
        hits: 0,
        amounts: {},
        fraud: 0,
        legitimate: 0,
        tooYoung: 0,
        fraudAmounts: {},
        legitimateAmounts: {},
        examples: [],
      },
    ]),
  );
  const examples: BacktestReport["examples"] = {
    blocked: [],
    reviewed: [],
    fraudCaught: [],
    fraudMissed: [],
    legitimateHit: [],
  };
  const keep = (list: BacktestExample[], example: () => BacktestExample) => {
    if (list.length < limit) list.push(example());
  };
  let payments = 0;
  let warmupPayments = 0;
  const splitMs = input.hitsBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
  const split = input.hitsBefore
    ? {
        at: input.hitsBefore.toISOString(),
        payments: 0,
        hits: Object.fromEntries(input.candidate.map((rule) => [rule.id, 0])),
      }
    : undefined;

  // Evidence and messages are never reported: detectors only score (the same scores, statuses and reason codes).
  const options = { detectors, lists: input.lists, actionLists: input.actionLists, explain: false };
  const candidateOptions = { ...options, rules: input.candidate };
  const baselineOptions = input.baseline ? { ...options, rules: input.baseline } : null;
  const push = (transaction: Transaction): boolean => {
    const time = transaction.createdAt.getTime();
    if (time > toMs) return false;
    const features = evaluator.push(transaction);
    if (time < fromMs) {
      warmupPayments += 1;
      return true;
    }
    payments += 1;
    const counted = split && time < splitMs ? split : undefined;
    if (counted) counted.payments += 1;
    const verdict = judgePayment(transaction, input.labels, input.asOf);
    const evaluation = evaluate(transaction, features, input.settings, candidateOptions);
    const decision = evaluation.decision;
    candidate.add(transaction, decision, verdict);
    const example = (): BacktestExample => ({
      chargeId: transaction.chargeId,
      createdAt: transaction.createdAt.toISOString(),
      decision,
      amount: transaction.amount,
      currency: transaction.currency,
      verdict,
      why: why(evaluation),
    });
    if (decision === "BLOCK") keep(examples.blocked, example);
    if (decision === "REVIEW") keep(examples.reviewed, example);
    if (verdict === "fraud")
      keep(decision === "ALLOW" ? examples.fraudMissed : examples.fraudCaught, example);
    if (verdict === "legitimate" && decision !== "ALLOW") keep(examples.legitimateHit, example);
    for (const outcome of evaluation.ruleOutcomes) {
      if (outcome.outcome !== "hit") continue;
      const rule = ruleReports.get(outcome.ruleId);
      if (!rule) continue;
      rule.hits += 1;
      if (counted) counted.hits[rule.ruleId] = (counted.hits[rule.ruleId] ?? 0) + 1;
      addAmount(rule.amounts, transaction.currency, transaction.amount);
      if (verdict === "fraud") {
        rule.fraud += 1;
        addAmount(rule.fraudAmounts, transaction.currency, transaction.amount);
      } else if (verdict === "legitimate") {
        rule.legitimate += 1;
        addAmount(rule.legitimateAmounts, transaction.currency, transaction.amount);
      } else rule.tooYoung += 1;
      keep(rule.examples, example);
    }
    if (baseline && baselineOptions) {
      const before = evaluate(transaction, features, input.settings, {
        ...baselineOptions,
        contributions: evaluation.contributions,
      });
      baseline.add(transaction, before.decision, verdict);
      if (before.decision !== decision) changedDecisions += 1;
    }
    return true;
  };

  const report = (): BacktestReport => ({
    from: input.from.toISOString(),
    to: to.toISOString(),
    asOf: input.asOf.toISOString(),
    payments,
    warmupPayments,
    candidate: candidate.report(),
    baseline: baseline ? { ...baseline.report(), changedDecisions } : null,
    rules: [...ruleReports.values()],
    ...(split ? { hitsBefore: { ...split, hits: { ...split.hits } } } : {}),
    examples,
  });
  return { push, report };
}

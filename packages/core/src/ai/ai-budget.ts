import { aiCostSince } from "@orylo/db";
import { raiseAlert } from "../alerts/raise-alert";
import type { OrgCtx } from "../context";
import { loadStoredSettings } from "../organizations/load-stored-settings";

export interface AiBudget {
  spentMicros: number;
  budgetMicros: number;
  /** `warning` from 75 % of the month's budget; `exhausted` at 100 %: templates only until the month ends. */
  state: "ok" | "warning" | "exhausted";
  monthStart: Date;
}

export const BUDGET_WARNING_RATIO = 0.75;

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** The organization's LLM spend this calendar month (UTC) against its `ai.monthlyBudgetUsd` setting. */
export async function readAiBudget(ctx: OrgCtx): Promise<AiBudget> {
  const budgetMicros = Math.round((await loadStoredSettings(ctx)).ai.monthlyBudgetUsd * 1e6);
  const since = monthStart(ctx.now());
  const spentMicros = await aiCostSince(ctx.db, ctx.organizationId, since);
  const state =
    spentMicros >= budgetMicros
      ? "exhausted"
      : spentMicros >= budgetMicros * BUDGET_WARNING_RATIO
        ? "warning"
        : "ok";
  return { spentMicros, budgetMicros, state, monthStart: since };
}

/**
 * One alert per organization, month and threshold (75 %, then 100 %): `raiseAlert` counts the repeats of an
 * open incident instead of sending them again.
 */
export async function alertOnAiBudget(ctx: OrgCtx, budget: AiBudget): Promise<void> {
  if (budget.state === "ok") return;
  const month = budget.monthStart.toISOString().slice(0, 7);
  const spent = (budget.spentMicros / 1e6).toFixed(2);
  const total = (budget.budgetMicros / 1e6).toFixed(2);
  const exhausted = budget.state === "exhausted";
  await raiseAlert(ctx, {
    kind: "ai.budget",
    severity: exhausted ? "critical" : "warning",
    dedupeKey: `ai.budget:${month}:${exhausted ? "exhausted" : "warning"}`,
    title: exhausted
      ? `AI budget for ${month} spent: explanations use templates`
      : `AI budget for ${month} at ${Math.floor((budget.spentMicros / budget.budgetMicros) * 100)} %`,
    body: `LLM spend this month: ${spent} USD of ${total} USD (settings.ai.monthlyBudgetUsd). ${
      exhausted
        ? "Until the month ends, explanations are written by the templates, without any LLM call."
        : "At 100 %, explanations switch to the templates until the month ends."
    }`,
  });
}

import { aiCostSince, findOrganization } from "@orylo/db";
import type { OrgCtx } from "../context";
import { StoredSettings } from "../organizations/organization-settings";

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
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  const budgetMicros = Math.round(
    StoredSettings.parse(organization?.settings ?? {}).ai.monthlyBudgetUsd * 1e6,
  );
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

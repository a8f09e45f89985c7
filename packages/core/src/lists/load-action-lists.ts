import { type ActionListValues, type Executor, selectActionLists } from "@orylo/db";
import type { ActionList } from "@orylo/engine";

export function toActionLists(rows: ActionListValues[]): ActionList[] {
  return rows.map((row) => ({ ...row, values: new Set(row.values) }));
}

/**
 * The organization's allow and block list items for a backtest, which matches many payments in memory. The
 * entries Orylo made from fraud labels are left out: they are the answers a backtest is judged against (a
 * labelled payment's own card would "catch" it).
 */
export async function loadBacktestActionLists(
  db: Executor,
  organizationId: string,
  now: Date,
): Promise<ActionList[]> {
  return toActionLists(await selectActionLists(db, { organizationId, now, exceptAutomatic: true }));
}

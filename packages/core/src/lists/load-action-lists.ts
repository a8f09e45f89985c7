import { type Executor, findActionListMatches, selectActionLists } from "@orylo/db";
import { type ActionList, listCandidates, type Transaction } from "@orylo/engine";

function toActionLists(rows: Awaited<ReturnType<typeof selectActionLists>>): ActionList[] {
  return rows.map((row) => ({ ...row, values: new Set(row.values) }));
}

/** The allow and block list items that may match this payment (one indexed query); the engine matches them. */
export async function loadActionListsFor(
  db: Executor,
  organizationId: string,
  payment: Transaction,
  now: Date,
): Promise<ActionList[]> {
  const values = listCandidates(payment).map((candidate) => candidate.value);
  return toActionLists(await findActionListMatches(db, { organizationId, values, now }));
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

import { type Executor, findDecisionInputs } from "@orylo/db";
import { type ActionList, listCandidates, type Transaction } from "@orylo/engine";
import { toActionLists } from "../lists/load-action-lists";
import { type RuleSet, ruleSetVersion, toRule } from "./load-rule-set";

/**
 * What the engine reads besides the features, in one round trip: the enabled rules with the lists they name,
 * and the allow and block list items that may match this payment (the engine matches them). Lists are judged
 * at the payment's time, as a replay does.
 */
export async function loadDecisionInputs(
  db: Executor,
  organizationId: string,
  payment: Transaction,
): Promise<{ ruleSet: RuleSet; actionLists: ActionList[] }> {
  const values = listCandidates(payment).map((candidate) => candidate.value);
  const rows = await findDecisionInputs(db, { organizationId, values, now: payment.createdAt });
  const rules = rows.rules.map(toRule);
  return {
    ruleSet: { rules, lists: rows.ruleLists, version: ruleSetVersion(rules) },
    actionLists: toActionLists(rows.actionLists),
  };
}

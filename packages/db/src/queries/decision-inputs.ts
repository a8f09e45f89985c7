import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { listItems, lists, rules } from "../schema";
import { compiledSql } from "./compiled-statement";
import { type ActionListValues, groupActionLists, type ListKind, type ListRow } from "./lists";
import type { EnabledRuleRow } from "./rules";

/** Unexpired at the payment's time. */
const unexpired = sql`(${listItems.expiresAt} is null or ${listItems.expiresAt} > ${sql.placeholder("now")}::timestamptz)`;
const enabledRules = sql`${rules.organizationId} = ${sql.placeholder("organizationId")} and ${rules.enabled}`;

/**
 * Everything the engine reads besides the features, in one round trip of the webhook path:
 * - the enabled rules, by id (what `listEnabledRules` reads);
 * - the unexpired values of the lists those rules name (`@name`: a `{"type":"list"}` node of a rule's AST);
 * - the unexpired items of the allow and block lists among `values`, the payment's values in stored form,
 *   through the (organization, value) index however long the lists.
 * Each comes back as one jsonb array (so the statement's shape never changes); the caller turns it into rows.
 * An organization that does not exist reads as one with no rules and no lists.
 */
const statement = compiledSql<{
  rules: RuleJson[];
  rule_lists: [string, string | null][];
  action_items: [string, ListRow["action"], ListKind, string][];
}>(
  "orylo_decision_inputs",
  sql`select (select coalesce(jsonb_agg(jsonb_build_object(
          'id', ${rules.id}, 'version', ${rules.version}, 'action', ${rules.action}, 'ast', ${rules.ast},
          'priority', ${rules.priority}, 'mode', ${rules.mode}, 'expiresAt', ${rules.expiresAt}
        ) order by ${rules.id}), '[]'::jsonb) from ${rules} where ${enabledRules}) as rules,
      (select coalesce(jsonb_agg(jsonb_build_array(
          ${lists.name}, ${listItems.value})), '[]'::jsonb)
        from ${lists} left join ${listItems} on ${listItems.listId} = ${lists.id} and ${unexpired}
        where ${lists.organizationId} = ${sql.placeholder("organizationId")} and ${lists.name} in (
          select jsonb_path_query(${rules.ast}, 'strict $.**? (@.type == "list").name') #>> '{}'
          from ${rules} where ${enabledRules})) as rule_lists,
      (select coalesce(jsonb_agg(
          jsonb_build_array(${lists.name}, ${lists.action}, ${lists.kind}, ${listItems.value})), '[]'::jsonb)
        from ${listItems} join ${lists} on ${lists.id} = ${listItems.listId}
        where ${listItems.organizationId} = ${sql.placeholder("organizationId")}
          and ${listItems.value} = any(${sql.placeholder("values")}::text[])
          and ${unexpired} and ${lists.action} is not null) as action_items`,
);

type RuleJson = Omit<EnabledRuleRow, "expiresAt"> & { expiresAt: string | null };

export interface DecisionInputRows {
  rules: EnabledRuleRow[];
  /** Values of each list a rule names (only lists that exist). */
  ruleLists: Record<string, string[]>;
  actionLists: ActionListValues[];
}

export async function findDecisionInputs(
  db: Executor,
  params: { organizationId: string; values: readonly string[]; now: Date },
): Promise<DecisionInputRows> {
  const [row] = await statement(db, {
    organizationId: params.organizationId,
    values: [...new Set(params.values)],
    now: params.now,
  });
  if (!row) throw new Error("the decision inputs statement returned no row");
  const ruleLists: Record<string, string[]> = {};
  for (const [name, value] of row.rule_lists) {
    ruleLists[name] ??= [];
    if (value !== null) ruleLists[name].push(value);
  }
  return {
    rules: row.rules.map((rule) => ({
      ...rule,
      expiresAt: rule.expiresAt === null ? null : new Date(rule.expiresAt),
    })),
    ruleLists,
    actionLists: groupActionLists(
      row.action_items.map(([name, action, kind, value]) => ({ name, action, kind, value })),
    ),
  };
}

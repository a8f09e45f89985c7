import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, listItems, lists } from "../schema";

/** A customer by what the dashboard links with: its Stripe customer id or its customer key. */
export async function findCustomerByRef(db: Executor, organizationId: string, ref: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.organizationId, organizationId),
        isNull(customers.deletedAt),
        or(eq(customers.customerKey, ref), eq(customers.stripeCustomerId, ref)),
      ),
    )
    .limit(1);
  return row;
}

/** Every list item of the organization whose value is one of `values`, with its list. */
export async function selectListItemsWithValues(db: Executor, organizationId: string, values: string[]) {
  if (values.length === 0) return [];
  return db
    .select({
      listId: lists.id,
      listName: lists.name,
      kind: lists.kind,
      action: lists.action,
      value: listItems.value,
      source: listItems.source,
      addedAt: listItems.createdAt,
    })
    .from(listItems)
    .innerJoin(lists, eq(lists.id, listItems.listId))
    .where(and(eq(lists.organizationId, organizationId), inArray(listItems.value, values)))
    .orderBy(lists.name);
}

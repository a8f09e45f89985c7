import { upsertCustomer } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { z } from "zod";
import type { OrgCtx } from "../../context";
import { PoisonEventError } from "../poison-event-error";
import type { EventHandlerInput } from "./event-handler";

const StripeCustomer = z.object({
  id: z.string().startsWith("cus_"),
  email: z.string().nullish(),
  name: z.string().nullish(),
  created: z.number().int(),
});

/**
 * `customer.created|updated|deleted`: the customer profile, whose Stripe creation time makes "new account
 * with a high amount" measurable. Deletion keeps the history (marked deleted).
 */
export async function handleCustomerEvent(ctx: OrgCtx, { event }: EventHandlerInput): Promise<null> {
  const parsed = StripeCustomer.safeParse(event.data.object);
  if (!parsed.success) throw new PoisonEventError(`customer payload: ${z.prettifyError(parsed.error)}`);
  const customer = parsed.data;
  const createdAt = new Date(customer.created * 1000);
  const seenAt = new Date(event.created * 1000);
  await upsertCustomer(ctx.db, {
    id: generateId("cust"),
    organizationId: ctx.organizationId,
    customerKey: customer.id,
    stripeCustomerId: customer.id,
    email: customer.email ?? null,
    name: customer.name ?? null,
    livemode: event.livemode,
    stripeCreatedAt: createdAt,
    firstSeenAt: createdAt,
    lastSeenAt: seenAt,
    deletedAt: event.type === "customer.deleted" ? seenAt : null,
  });
  return null;
}

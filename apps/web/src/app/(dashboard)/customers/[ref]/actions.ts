"use server";

import { blockCustomer, trustCustomer } from "@orylo/core";
import { z } from "zod";
import { memberAction } from "@/server/session/member-action";

const OnCustomer = z.object({ ref: z.string().min(1).max(200) });

// Server action — block the customer (its Stripe id and email on the block lists); returns what an undo removes.
export const blockThisCustomer = memberAction("act", OnCustomer, (ctx, { ref }) => blockCustomer(ctx, ref));

// Server action — trust the customer (allow lists); returns what an undo removes.
export const trustThisCustomer = memberAction("act", OnCustomer, (ctx, { ref }) => trustCustomer(ctx, ref));

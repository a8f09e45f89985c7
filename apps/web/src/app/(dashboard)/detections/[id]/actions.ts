"use server";

import {
  blockDetectionSource,
  LabelTransactionInput,
  ListAdditions,
  labelTransaction,
  removeListAdditions,
  whitelistDetectionCustomer,
} from "@orylo/core";
import { z } from "zod";
import { memberAction } from "@/server/session/member-action";

const OnDetection = z.object({ detectionId: z.string().min(1) });

// Server action — block the payment's card, email, device and customer (returns what an undo removes).
export const blockSource = memberAction("act", OnDetection, (ctx, { detectionId }) =>
  blockDetectionSource(ctx, detectionId),
);

// Server action — trust the payment's customer (allow lists).
export const whitelistCustomer = memberAction("act", OnDetection, (ctx, { detectionId }) =>
  whitelistDetectionCustomer(ctx, detectionId),
);

// Server action — undo a block or a whitelist: remove exactly what it added.
export const undoListAdditions = memberAction("act", z.object({ items: ListAdditions }), (ctx, { items }) =>
  removeListAdditions(ctx, items),
);

// Server action — mark a payment fraud or legitimate (the review queue's approve / block too).
export const labelPayment = memberAction(
  "act",
  z.object({ transactionId: z.string().min(1), label: LabelTransactionInput }),
  (ctx, { transactionId, label }) => labelTransaction(ctx, transactionId, label),
);

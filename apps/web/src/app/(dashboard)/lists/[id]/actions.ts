"use server";

import { AddListItemsInput, addListItems, removeListItem } from "@orylo/core";
import { z } from "zod";
import { memberAction } from "@/server/session/member-action";

const OnList = z.object({ listId: z.string().min(1) });

// Server action — add values to a list (or put back removed ones: the undo of a removal).
export const addItems = memberAction(
  "configure",
  OnList.extend({ items: AddListItemsInput.shape.items }),
  (ctx, { listId, items }) => addListItems(ctx, listId, { items }),
);

// Server action — remove values from a list (one, or the new ones of an add: its undo).
export const removeItems = memberAction(
  "configure",
  OnList.extend({ values: z.array(z.string().min(1).max(320)).min(1).max(1000) }),
  async (ctx, { listId, values }) => {
    for (const value of values) await removeListItem(ctx, listId, value);
    return values.length;
  },
);

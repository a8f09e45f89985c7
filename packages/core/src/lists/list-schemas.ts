import { type ListItemRow, listAction, listItemSource, listKind } from "@orylo/db";
import { z } from "zod";

export const ListKind = z.enum(listKind.enumValues).meta({
  description: "What the values are; emails and domains are stored lowercased, countries uppercased.",
});
export type ListKind = z.infer<typeof ListKind>;

export const ListItemSource = z.enum(listItemSource.enumValues);
export type ListItemSource = z.infer<typeof ListItemSource>;

export const ListAction = z.enum(listAction.enumValues).nullable().meta({
  description:
    "`allow` or `block`: a payment with a listed value is decided by the list, ahead of every rule (allow lists first). `null`: only rules that name the list (`@name`) read it.",
});

export const CreateListInput = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Letters, digits, `_` and `-` only (at most 64).")
      .meta({ description: "Rules read the list as `@name`: unique in the organization." }),
    kind: ListKind,
    action: ListAction.default(null),
    description: z.string().max(500).optional(),
  })
  .strict();
export type CreateListInput = z.input<typeof CreateListInput>;

export const ListView = z.object({
  id: z.string(),
  name: z.string(),
  kind: ListKind,
  action: ListAction,
  description: z.string().nullable(),
  itemCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type ListView = z.infer<typeof ListView>;

export const ListList = z.object({ data: z.array(ListView), nextCursor: z.null() });
export type ListList = z.infer<typeof ListList>;

export const AddListItemsInput = z
  .object({
    items: z
      .array(
        z
          .object({
            value: z.string().trim().min(1).max(320),
            expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    source: ListItemSource.default("manual"),
  })
  .strict();
export type AddListItemsInput = z.input<typeof AddListItemsInput>;

export const ListItemView = z.object({
  value: z.string(),
  source: ListItemSource,
  author: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ListItemView = z.infer<typeof ListItemView>;

export const ListItemList = z.object({ data: z.array(ListItemView), nextCursor: z.null() });
export type ListItemList = z.infer<typeof ListItemList>;

export function toListItemView(row: Pick<ListItemRow, keyof ListItemView>): ListItemView {
  return {
    value: row.value,
    source: row.source,
    author: row.author,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

import type { RuleRow } from "@orylo/db";
import { RuleAction } from "@orylo/engine";
import { z } from "zod";

export const RuleMode = z
  .enum(["enforced", "shadow"])
  .meta({ description: "`shadow`: evaluated and recorded on every payment, never enforced." });

const RuleText = z
  .string()
  .min(1)
  .max(4000)
  .meta({ description: "Rule language, Radar syntax: `Block if :card_count_for_ip_address_hourly: >= 5`." });

const RuleFields = z.object({
  name: z.string().trim().min(1).max(120),
  text: RuleText,
  priority: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .meta({ description: "Breaks ties between rules of one action: the higher decides." }),
  mode: RuleMode,
  enabled: z.boolean(),
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: "The rule stops applying at this instant (ISO 8601); null: never." }),
});

export const CreateRuleInput = RuleFields.partial({
  priority: true,
  mode: true,
  enabled: true,
  expiresAt: true,
})
  .extend({
    name: RuleFields.shape.name.optional().meta({ description: "Defaults to the rule's text." }),
    draft: z
      .object({ id: z.string().min(1).max(100), text: RuleText })
      .strict()
      .optional()
      .meta({
        description:
          "The draft this rule comes from (`POST /api/v1/rules/draft`: its `id` and `text`): recorded in the AI feedback ledger as accepted, or edited when `text` differs.",
      }),
  })
  .strict();
export type CreateRuleInput = z.infer<typeof CreateRuleInput>;

export const UpdateRuleInput = RuleFields.partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: "Give at least one field to change." });
export type UpdateRuleInput = z.infer<typeof UpdateRuleInput>;

export const ValidateRuleInput = z.object({ text: RuleText }).strict();
export type ValidateRuleInput = z.infer<typeof ValidateRuleInput>;

export const RuleCompileError = z.object({
  code: z.enum(["syntax_error", "unknown_attribute", "type_error"]),
  message: z.string(),
  line: z.number().int().nullable().meta({ description: "1-based." }),
  column: z.number().int().nullable().meta({ description: "1-based." }),
  suggestion: z
    .string()
    .nullable()
    .meta({ description: "For an unknown attribute, the nearest known one (`card_country`)." }),
});
export type RuleCompileError = z.infer<typeof RuleCompileError>;

export const RuleValidation = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    action: RuleAction,
    text: z.string().meta({ description: "The rule as Orylo prints it back (canonical form)." }),
  }),
  z.object({ valid: z.literal(false), errors: z.array(RuleCompileError).min(1) }),
]);
export type RuleValidation = z.infer<typeof RuleValidation>;

export const RuleView = z.object({
  id: z.string(),
  name: z.string(),
  action: RuleAction,
  text: z.string(),
  priority: z.number().int(),
  mode: RuleMode,
  enabled: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  createdBy: z.string().meta({ description: "`user:<id>` or `api_key:<id>`." }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RuleView = z.infer<typeof RuleView>;

/** One saved version: the rule's fields as they were then, with who saved it and what it changed. */
export const RuleVersionView = RuleView.pick({
  version: true,
  name: true,
  action: true,
  text: true,
  priority: true,
  mode: true,
  enabled: true,
  expiresAt: true,
  createdAt: true,
}).extend({
  author: z.string(),
  changed: z
    .array(z.string())
    .meta({ description: "Fields that differ from the previous version (all of them for version 1)." }),
});
export type RuleVersionView = z.infer<typeof RuleVersionView>;

export const RuleVersionList = z.object({ data: z.array(RuleVersionView), nextCursor: z.null() });
export type RuleVersionList = z.infer<typeof RuleVersionList>;

export const RuleDetail = RuleView.extend({ versions: z.array(RuleVersionView) });
export type RuleDetail = z.infer<typeof RuleDetail>;

export const RuleList = z.object({
  data: z.array(RuleView),
  nextCursor: z.null().meta({ description: "Always null: an organization's rules fit in one page." }),
});
export type RuleList = z.infer<typeof RuleList>;

export function toRuleView(row: RuleRow): RuleView {
  return {
    id: row.id,
    name: row.name,
    action: row.action,
    text: row.text,
    priority: row.priority,
    mode: row.mode,
    enabled: row.enabled,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

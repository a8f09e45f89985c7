import { RuleAction } from "@orylo/engine";
import { z } from "zod";
import { BacktestResult } from "../backtest/backtest-schemas";

export const DraftRuleInput = z
  .object({
    text: z
      .string()
      .trim()
      .min(3)
      .max(1000)
      .meta({ example: "Block prepaid cards over 300 euros from outside France" }),
    locale: z.enum(["fr", "en"]).default("en").meta({ description: "The language of `reading`." }),
  })
  .strict();
export type DraftRuleInput = z.input<typeof DraftRuleInput>;

export const RuleDraft = z
  .object({
    id: z.string().meta({
      description:
        "Pass it back as `draft.id` (with `draft.text`) when you create the rule: the AI feedback ledger records it.",
    }),
    text: z
      .string()
      .meta({ description: "The rule, compiled by Orylo's parser and printed back (canonical)." }),
    action: RuleAction,
    reading: z.string().meta({ description: "What the rule does, in plain language (`locale`)." }),
    locale: z.enum(["fr", "en"]),
    attempts: z
      .number()
      .int()
      .meta({ description: "Model answers needed: 2 when the first rule did not compile and was fixed." }),
    model: z.string(),
    backtest: BacktestResult.meta({ description: "The rule over the last 90 days of payments." }),
  })
  .meta({
    description:
      "A draft only: nothing is saved until the merchant creates the rule with `POST /api/v1/rules`.",
  });
export type RuleDraft = z.infer<typeof RuleDraft>;

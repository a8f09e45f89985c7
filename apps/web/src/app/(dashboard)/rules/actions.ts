"use server";

import {
  backtestRuleSet,
  CreateRuleInput,
  createRule,
  DraftRuleInput,
  draftRule,
  RuleMode,
  updateRule,
  ValidateRuleInput,
  validateRule,
} from "@orylo/core";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { memberAction } from "@/server/session/member-action";

// Server action — compile a rule as it is typed: its errors with line and column (reads no data).
export const validateRuleText = memberAction("read", ValidateRuleInput, async (_ctx, input) =>
  validateRule(input),
);

// Server action — what this rule text would have done over the stored payments (read-only).
export const backtestRuleText = memberAction("read", ValidateRuleInput, (ctx, { text }) =>
  backtestRuleSet(ctx, { rules: [text] }),
);

// Server action — a sentence → a compiled rule, its reading and backtest (saves nothing; calls the LLM, so configure).
export const draftRuleFromSentence = memberAction("configure", DraftRuleInput, async (ctx, input) =>
  draftRule(ctx, (await getRuntime()).ai, input),
);

// Server action — create a rule, or save a new version of one (owner and admin only).
export const saveRule = memberAction(
  "configure",
  z.object({
    id: z.string().min(1).optional(),
    text: ValidateRuleInput.shape.text,
    name: z.string().trim().min(1).max(120).optional(),
    mode: RuleMode,
    draft: CreateRuleInput.shape.draft,
  }),
  (ctx, { id, draft, ...fields }) =>
    id ? updateRule(ctx, id, fields) : createRule(ctx, { ...fields, ...(draft ? { draft } : {}) }),
);

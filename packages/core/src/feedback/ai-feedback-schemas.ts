import { aiFeedbackAction } from "@orylo/db";
import { z } from "zod";

/** Every kind of AI proposal a merchant can accept, reject or edit. A new feature adds its kind here. */
export const AiProposalKind = z.enum(["whitelist", "blacklist", "rule_recommendation", "rule_draft"]);
export type AiProposalKind = z.infer<typeof AiProposalKind>;

export const AiFeedbackAction = z.enum(aiFeedbackAction.enumValues);
export type AiFeedbackAction = z.infer<typeof AiFeedbackAction>;

/** One merchant action on one AI proposal, with what the merchant was shown. */
export const AiFeedbackInput = z
  .object({
    kind: AiProposalKind,
    proposalId: z.string().min(1).max(100),
    action: AiFeedbackAction,
    reason: z.string().trim().min(1).max(1000).optional(),
    /** What was applied instead of the proposal (edits only). */
    editedValue: z.json().optional(),
    confidence: z.number().min(0).max(1).optional(),
    promptVersion: z.string().min(1).max(100),
  })
  .strict()
  .refine((input) => input.action !== "rejected" || input.reason !== undefined, {
    message: "A rejection needs a reason.",
    path: ["reason"],
  })
  .refine((input) => input.action === "edited" || input.editedValue === undefined, {
    message: "Only an edit carries an edited value.",
    path: ["editedValue"],
  });
export type AiFeedbackInput = z.input<typeof AiFeedbackInput>;

export const AiFeedbackQuery = z
  .object({ days: z.coerce.number().int().min(1).max(365).default(30) })
  .strict();
export type AiFeedbackQuery = z.input<typeof AiFeedbackQuery>;

const Rates = {
  accepted: z.number().int(),
  edited: z.number().int(),
  rejected: z.number().int(),
  total: z.number().int(),
  acceptanceRate: z.number().nullable().meta({
    description: "(accepted + edited) / total: an edited proposal was still taken. `null` with no feedback.",
  }),
  averageConfidence: z
    .number()
    .nullable()
    .meta({ description: "The mean confidence (0–1) the merchant was shown, where proposals had one." }),
};

export const AiFeedbackReport = z.object({
  since: z.iso.datetime(),
  byKind: z.array(z.object({ kind: z.string(), ...Rates })),
  byPromptVersion: z
    .array(z.object({ kind: z.string(), promptVersion: z.string(), ...Rates }))
    .meta({ description: "The same figures per prompt version within each kind, to compare them (A/B)." }),
});
export type AiFeedbackReport = z.infer<typeof AiFeedbackReport>;

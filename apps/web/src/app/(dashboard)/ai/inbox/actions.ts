"use server";

import {
  ApplyRecommendationInput,
  acceptSuggestion,
  applyRecommendation,
  EditSuggestionInput,
  editSuggestion,
  RejectRecommendationInput,
  RejectSuggestionInput,
  rejectRecommendation,
  rejectSuggestion,
} from "@orylo/core";
import { z } from "zod";
import { memberAction } from "@/server/session/member-action";

const Id = z.string().min(1).max(200);

// Server action — put a suggested value on its allow or block list (acting on payments, like a whitelist).
export const acceptSuggestionAction = memberAction("act", z.object({ id: Id }), (ctx, { id }) =>
  acceptSuggestion(ctx, id),
);

// Server action — turn a suggestion down; the reason calibrates the next ones.
export const rejectSuggestionAction = memberAction(
  "act",
  z.object({ id: Id, reason: RejectSuggestionInput.shape.reason }),
  (ctx, { id, reason }) => rejectSuggestion(ctx, id, { reason }),
);

// Server action — apply a suggestion with a corrected value.
export const editSuggestionAction = memberAction(
  "act",
  z.object({ id: Id, value: z.string().trim().min(1).max(320) }),
  (ctx, { id, value }) => editSuggestion(ctx, id, EditSuggestionInput.parse({ value })),
);

// Server action — create the recommended rule, shadow or enforced, as proposed or with the merchant's edited text
// (a rule change, so configure).
export const applyRecommendationAction = memberAction(
  "configure",
  z.object({ id: Id, mode: ApplyRecommendationInput.shape.mode, text: ApplyRecommendationInput.shape.text }),
  (ctx, { id, mode, text }) =>
    applyRecommendation(ctx, id, { mode, ...(text === undefined ? {} : { text }) }),
);

// Server action — reject a recommendation with a reason; it is not proposed again.
export const rejectRecommendationAction = memberAction(
  "configure",
  z.object({ id: Id, reason: RejectRecommendationInput.shape.reason }),
  (ctx, { id, reason }) => rejectRecommendation(ctx, id, { reason }),
);

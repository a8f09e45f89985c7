import type { IncidentSummaryRow } from "@orylo/db";
import { z } from "zod";

/** The kind of incident a card-testing burst opens (alerts dedupe on it; one open at a time). */
export const CARD_TESTING_INCIDENT = "card_testing";

export const IncidentSummaryView = z
  .object({
    id: z.string(),
    alertId: z.string(),
    kind: z.string().meta({ example: "card_testing" }),
    startedAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    attempts: z.number().int().meta({ description: "Payments scored since the incident started." }),
    blocked: z.number().int(),
    distinctCards: z.number().int(),
    amountBlocked: z
      .record(z.string(), z.number().int())
      .meta({ description: 'The blocked attempts\' amounts, minor units by currency: `{ "eur": 4150 }`.' }),
    suggestedRule: z
      .string()
      .meta({ description: "A temporary rule to consider (create it with its expiry)." }),
    suggestedRuleExpiresAt: z.iso.datetime(),
    language: z.enum(["fr", "en"]),
    text: z.string().meta({ description: "The summary as emailed with the alert." }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "IncidentSummary" });
export type IncidentSummaryView = z.infer<typeof IncidentSummaryView>;

export function toIncidentSummaryView(row: IncidentSummaryRow): IncidentSummaryView {
  return {
    id: row.id,
    alertId: row.alertId,
    kind: row.kind,
    startedAt: row.startedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    attempts: row.attempts,
    blocked: row.blocked,
    distinctCards: row.distinctCards,
    amountBlocked: row.amountBlocked,
    suggestedRule: row.suggestedRule,
    suggestedRuleExpiresAt: row.suggestedRuleExpiresAt.toISOString(),
    language: row.language === "fr" ? "fr" : "en",
    text: row.text,
    updatedAt: row.updatedAt.toISOString(),
  };
}

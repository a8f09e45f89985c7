import { EngineSettings } from "@orylo/engine";
import { z } from "zod";

/**
 * An organization's settings, stored as JSON on `organization.settings` and parsed here with defaults,
 * so a setting added later is present (with its default) for every existing organization.
 */
export const OrganizationSettings = z.object({
  engine: EngineSettings.default(EngineSettings.parse({})),
  /** Score events from Stripe's test mode (default on); off makes them `ignored`. */
  scoreTestMode: z.boolean().default(true),
  ai: z
    .object({
      /** LLM spend per calendar month (UTC); an alert at 75 %, templates only once it is spent. */
      monthlyBudgetUsd: z.number().min(0).default(20),
    })
    .default({ monthlyBudgetUsd: 20 }),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export function parseOrganizationSettings(raw: unknown): OrganizationSettings {
  return OrganizationSettings.parse(raw ?? {});
}

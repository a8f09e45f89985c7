import type { OrganizationRow } from "@orylo/db";
import { EngineSettings } from "@orylo/engine";
import { z } from "zod";

/**
 * The settings stored as JSON on `organization.settings`, parsed with defaults, so a setting added later is
 * present (with its default) for every existing organization.
 */
export const StoredSettings = z.object({
  engine: EngineSettings.default(EngineSettings.parse({})),
  /** Score events from Stripe's test mode (default on); off makes them `ignored`. */
  scoreTestMode: z.boolean().default(true),
});

/** Everything that shapes an organization's decisions and reports: the JSON settings and their own columns. */
export type OrganizationSettings = z.infer<typeof StoredSettings> & {
  /** IANA zone: `local_hour` and daily reports. */
  timeZone: string;
  /** Lowercase ISO 4217 code reports convert into. */
  reportingCurrency: string;
  /** BCP 47 locale: the language of explanations. */
  locale: string;
};

export type SettingsSource = Pick<OrganizationRow, "settings" | "timeZone" | "reportingCurrency" | "locale">;

export function parseOrganizationSettings(organization: SettingsSource): OrganizationSettings {
  return {
    ...StoredSettings.parse(organization.settings ?? {}),
    timeZone: organization.timeZone,
    reportingCurrency: organization.reportingCurrency,
    locale: organization.locale,
  };
}

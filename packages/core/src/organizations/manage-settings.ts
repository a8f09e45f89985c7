import { findOrganization, lockOrganizationSettings, updateOrganizationSettings } from "@orylo/db";
import { EngineSettings } from "@orylo/engine";
import type { OrgCtx } from "../context";
import { InvalidRequestError, NotFoundError } from "../errors";
import { type OrganizationSettings, parseOrganizationSettings } from "./organization-settings";
import { type SettingsView, UpdateSettingsInput } from "./settings-schemas";

function toSettingsView(settings: OrganizationSettings): SettingsView {
  return {
    blockThreshold: settings.engine.blockThreshold,
    reviewThreshold: settings.engine.reviewThreshold,
    timeZone: settings.timeZone,
    reportingCurrency: settings.reportingCurrency,
    locale: settings.locale,
    scoreTestMode: settings.scoreTestMode,
  };
}

export async function getSettings(ctx: OrgCtx): Promise<SettingsView> {
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) throw new NotFoundError("organization", ctx.organizationId);
  return toSettingsView(parseOrganizationSettings(organization));
}

/**
 * Changes the given settings and keeps the others. The row is locked while the JSON settings are merged, so
 * two concurrent changes of different settings both land. Payments scored from then on use the new values.
 */
export async function updateSettings(ctx: OrgCtx, raw: UpdateSettingsInput): Promise<SettingsView> {
  const change = UpdateSettingsInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const organization = await lockOrganizationSettings(tx, ctx.organizationId);
    if (!organization) throw new NotFoundError("organization", ctx.organizationId);
    const current = parseOrganizationSettings(organization);
    const engine = EngineSettings.safeParse({
      ...current.engine,
      ...(change.blockThreshold === undefined ? {} : { blockThreshold: change.blockThreshold }),
      ...(change.reviewThreshold === undefined ? {} : { reviewThreshold: change.reviewThreshold }),
    });
    if (!engine.success)
      throw new InvalidRequestError("reviewThreshold must not exceed blockThreshold.", {
        blockThreshold: change.blockThreshold ?? current.engine.blockThreshold,
        reviewThreshold: change.reviewThreshold ?? current.engine.reviewThreshold,
      });
    const updated = await updateOrganizationSettings(tx, ctx.organizationId, {
      // Keys this version does not know (written by a newer one) are kept.
      settings: {
        ...organization.settings,
        engine: engine.data,
        scoreTestMode: change.scoreTestMode ?? current.scoreTestMode,
      },
      timeZone: change.timeZone ?? current.timeZone,
      reportingCurrency: change.reportingCurrency ?? current.reportingCurrency,
      locale: change.locale ?? current.locale,
    });
    if (!updated) throw new NotFoundError("organization", ctx.organizationId);
    ctx.logger.info({ changed: Object.keys(change) }, "settings updated");
    return toSettingsView(parseOrganizationSettings(updated));
  });
}

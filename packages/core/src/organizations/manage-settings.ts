import { findOrganization, lockOrganizationSettings, updateOrganizationSettings } from "@orylo/db";
import { EngineSettings } from "@orylo/engine";
import { mirrorExistingListItems } from "../actions/mirror-existing-list-items";
import { recordAudit } from "../audit/record-audit";
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
    actions: settings.actions,
    aiMonthlyBudgetUsd: settings.ai.monthlyBudgetUsd,
    retentionDays: settings.privacy.retentionDays,
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
 * Switching Radar mirroring on queues the lists' current items with the change (Radar's first sync).
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
    const actions = { ...current.actions, ...change.actions };
    const updated = await updateOrganizationSettings(tx, ctx.organizationId, {
      // Keys this version does not know (written by a newer one) are kept.
      settings: {
        ...organization.settings,
        engine: engine.data,
        scoreTestMode: change.scoreTestMode ?? current.scoreTestMode,
        actions,
        ai: { ...current.ai, monthlyBudgetUsd: change.aiMonthlyBudgetUsd ?? current.ai.monthlyBudgetUsd },
        privacy: { ...current.privacy, retentionDays: change.retentionDays ?? current.privacy.retentionDays },
      },
      timeZone: change.timeZone ?? current.timeZone,
      reportingCurrency: change.reportingCurrency ?? current.reportingCurrency,
      locale: change.locale ?? current.locale,
    });
    if (!updated) throw new NotFoundError("organization", ctx.organizationId);
    const txCtx = { ...ctx, db: tx };
    const target = { type: "organization", id: ctx.organizationId };
    const changed = Object.keys(change);
    if (changed.length > 0)
      await recordAudit(txCtx, { action: "settings.updated", target, data: { changed } });
    const queued =
      actions.mirrorRadarLists && !current.actions.mirrorRadarLists
        ? await mirrorExistingListItems(txCtx)
        : 0;
    ctx.logger.info({ changed, radarItemsQueued: queued }, "settings updated");
    return toSettingsView(parseOrganizationSettings(updated));
  });
}

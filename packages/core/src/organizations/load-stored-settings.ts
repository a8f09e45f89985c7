import { findOrganization } from "@orylo/db";
import type { OrgCtx } from "../context";
import { StoredSettings } from "./organization-settings";

/** The caller's organization's JSON settings, with defaults (a missing organization has only defaults). */
export async function loadStoredSettings(ctx: OrgCtx): Promise<StoredSettings> {
  return StoredSettings.parse((await findOrganization(ctx.db, ctx.organizationId))?.settings ?? {});
}

import { getSettings, getTeam, listApiKeys, roleAllows } from "@orylo/core";
import Link from "next/link";
import { formatDateTime } from "@/components/money";
import { KeyValueList } from "@/components/ui/key-value-list";
import { pageContext } from "@/server/dashboard/page-context";
import { ApiKeys } from "./api-keys";
import { SettingsForm } from "./settings-form";
import { Team } from "./team";

// GET /settings — thresholds, zone, currency, language, test mode, automatic actions, AI budget; team; API keys.
export default async function SettingsPage() {
  const { ctx, locale, t } = await pageContext();
  const canEdit = roleAllows(ctx.role, "configure");
  const [settings, keys, team] = await Promise.all([getSettings(ctx), listApiKeys(ctx), getTeam(ctx)]);
  const zone = ctx.organization.timeZone;
  return (
    <>
      <h1>{t.settings.title}</h1>
      <SettingsForm settings={settings} canEdit={canEdit} t={t.settings} />
      <h2 id="team">{t.team.title}</h2>
      <Team team={team} canEdit={canEdit} t={t.team} />
      <h2 id="api-keys">{t.apiKeys.title}</h2>
      <ApiKeys
        canEdit={canEdit}
        t={t.apiKeys}
        keys={keys.map((key) => ({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          scopes: key.scopes,
          createdAt: formatDateTime(key.createdAt.toISOString(), locale, zone),
          lastUsedAt: key.lastUsedAt ? formatDateTime(key.lastUsedAt.toISOString(), locale, zone) : null,
          revoked: key.revokedAt !== null,
        }))}
      />
      <h2>{t.settings.you}</h2>
      <section className="card">
        <KeyValueList
          rows={[
            [t.settings.organization, ctx.organization.name],
            [t.settings.role, String(ctx.role)],
          ]}
        />
      </section>
      <p>
        <Link href="/onboarding">{t.onboarding.title}</Link>
      </p>
    </>
  );
}

import { getSettings, roleAllows } from "@orylo/core";
import { KeyValueList } from "@/components/ui/key-value-list";
import { pageContext } from "@/server/dashboard/page-context";
import { SettingsForm } from "./settings-form";

// GET /settings — thresholds, time zone, currency, language, test-mode scoring; who you are here.
export default async function SettingsPage() {
  const { ctx, t } = await pageContext();
  const settings = await getSettings(ctx);
  return (
    <>
      <h1>{t.settings.title}</h1>
      <SettingsForm settings={settings} canEdit={roleAllows(ctx.role, "configure")} t={t.settings} />
      <h2>{t.settings.you}</h2>
      <section className="card">
        <KeyValueList
          rows={[
            [t.settings.organization, ctx.organization.name],
            [t.settings.role, String(ctx.role)],
          ]}
        />
      </section>
    </>
  );
}

import { KeyValueList } from "@/components/ui/key-value-list";
import { pageContext } from "@/server/dashboard/page-context";

// GET /settings — the organization as Orylo reports it (time zone, currency, language) and the caller's role.
export default async function SettingsPage() {
  const { ctx, t } = await pageContext();
  const rows: [string, string][] = [
    [t.settings.organization, ctx.organization.name],
    [t.settings.timeZone, ctx.organization.timeZone],
    [t.settings.currency, ctx.organization.reportingCurrency.toUpperCase()],
    [t.settings.language, ctx.organization.locale],
    [t.settings.role, String(ctx.role)],
  ];
  return (
    <>
      <h1>{t.settings.title}</h1>
      <section className="card">
        <KeyValueList rows={rows} />
      </section>
    </>
  );
}

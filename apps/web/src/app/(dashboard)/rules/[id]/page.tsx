import { getRule, OryloError, roleAllows } from "@orylo/core";
import { describeCatalogue } from "@orylo/engine";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/money";
import { pageContext } from "@/server/dashboard/page-context";
import { RuleEditor } from "../rule-editor";

// GET /rules/{id} — edit one rule (backtest before saving) and read its versions.
export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, locale, t } = await pageContext();
  const { id } = await params;
  const rule = await getRule(ctx, id).catch((error) => {
    if (error instanceof OryloError && error.code === "not_found") notFound();
    throw error;
  });
  const catalogue = describeCatalogue().map(({ name, meaning }) => ({ name, meaning }));
  return (
    <>
      <p>
        <Link href="/rules">← {t.rules.title}</Link>
      </p>
      <h1>{rule.name}</h1>
      <RuleEditor
        rule={rule}
        catalogue={catalogue}
        canEdit={roleAllows(ctx.role, "configure")}
        locale={locale}
        t={t.rules}
      />
      <h2>{t.rules.versions}</h2>
      <ol reversed className="stack">
        {rule.versions.map((version) => (
          <li key={version.version}>
            <code>{version.text}</code>{" "}
            <span className="muted">
              v{version.version} · {version.mode} ·{" "}
              {formatDateTime(version.createdAt, locale, ctx.organization.timeZone)} · {version.author} ·{" "}
              {version.changed.join(", ")}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

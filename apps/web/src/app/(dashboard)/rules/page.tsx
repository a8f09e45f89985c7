import { listRulesWithHits, roleAllows } from "@orylo/core";
import { describeCatalogue } from "@orylo/engine";
import Link from "next/link";
import { pageContext } from "@/server/dashboard/page-context";
import { RuleEditor } from "./rule-editor";

// GET /rules — the rules with their hits over 7 days, and the editor for a new one (`?text=` prefills it).
export default async function RulesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx, locale, t } = await pageContext();
  const { text } = await searchParams;
  const rules = await listRulesWithHits(ctx);
  const catalogue = describeCatalogue().map(({ name, meaning }) => ({ name, meaning }));
  return (
    <>
      <h1>{t.rules.title}</h1>
      {rules.length === 0 ? (
        <p className="muted">{t.rules.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.rules.name}</th>
                <th scope="col">{t.rules.action}</th>
                <th scope="col">{t.rules.mode}</th>
                <th scope="col" className="num">
                  {t.rules.hits7d}
                </th>
                <th scope="col" className="num">
                  v
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td>
                    <Link href={`/rules/${rule.id}`}>{rule.name}</Link>
                  </td>
                  <td>{rule.action}</td>
                  <td>
                    {rule.enabled
                      ? rule.mode === "shadow"
                        ? t.rules.shadow
                        : t.rules.enforced
                      : t.rules.disabled}
                  </td>
                  <td className="num">{rule.hits7d}</td>
                  <td className="num">{rule.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.rules.newRule}</h2>
      <RuleEditor
        rule={null}
        {...(typeof text === "string" && text.length <= 2000 ? { initialText: text } : {})}
        catalogue={catalogue}
        canEdit={roleAllows(ctx.role, "configure")}
        locale={locale}
        t={t.rules}
      />
    </>
  );
}

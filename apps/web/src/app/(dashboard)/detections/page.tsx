import { ListDetectionsQuery, listDetectionsPage } from "@orylo/core";
import Link from "next/link";
import { DetectionsTable } from "@/components/detections-table";
import { pageContext } from "@/server/dashboard/page-context";
import { DetectionFilters } from "./detection-filters";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL's filters, empty fields dropped; `from`/`to` accept a date (`YYYY-MM-DD`) from the form. */
function queryOf(params: Record<string, string | string[] | undefined>) {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value !== "") raw[key] = value;
  }
  for (const key of ["from", "to"] as const) {
    if (raw[key] && /^\d{4}-\d{2}-\d{2}$/.test(raw[key])) raw[key] = `${raw[key]}T00:00:00Z`;
  }
  return { raw, parsed: ListDetectionsQuery.safeParse({ limit: 50, ...raw }) };
}

// GET /detections — every decision, filtered server-side by the URL, newest first, by cursor.
export default async function DetectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { ctx, locale, t } = await pageContext();
  const { raw, parsed } = queryOf(await searchParams);
  const page = parsed.success ? await listDetectionsPage(ctx, parsed.data) : null;
  const next = page?.nextCursor ? new URLSearchParams({ ...raw, cursor: page.nextCursor }) : null;
  const { cursor: _cursor, ...withoutCursor } = raw;
  return (
    <>
      <h1>{t.detections.title}</h1>
      <DetectionFilters values={raw} t={t} />
      {!parsed.success ? (
        <p className="alert danger" role="alert">
          {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}
        </p>
      ) : page && page.data.length === 0 ? (
        <p className="muted">{t.detections.none}</p>
      ) : page ? (
        <DetectionsTable detections={page.data} locale={locale} timeZone={ctx.organization.timeZone} t={t} />
      ) : null}
      <nav className="row-actions" style={{ marginTop: "1rem" }} aria-label="Pagination">
        {raw.cursor ? (
          <Link className="button" href={`/detections?${new URLSearchParams(withoutCursor)}`}>
            {t.detections.first}
          </Link>
        ) : null}
        {next ? (
          <Link className="button" href={`/detections?${next}`}>
            {t.detections.next}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

import Link from "next/link";
import type { Dictionary } from "@/i18n/en";

/**
 * "Newest" and "Older" for one section of the inbox: its cursor changes in the URL, the other section's stays,
 * and the link lands on the section it pages.
 */
export function InboxPager({
  section,
  cursors,
  nextCursor,
  t,
}: {
  section: "suggestions" | "recommendations";
  cursors: Record<string, string>;
  nextCursor: string | null;
  t: Dictionary["aiInbox"];
}) {
  const { [section]: current, ...others } = cursors;
  const href = (cursor: string | null) => {
    const query = new URLSearchParams(cursor ? { ...others, [section]: cursor } : others);
    return `/ai/inbox?${query}#inbox-${section}`;
  };
  if (!current && !nextCursor) return null;
  return (
    <nav className="row-actions" aria-label={t.pagination[section]}>
      {current ? (
        <Link className="button" href={href(null)}>
          {t.newest}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link className="button" href={href(nextCursor)}>
          {t.older}
        </Link>
      ) : null}
    </nav>
  );
}

import type { MemberCtx, Permission } from "@orylo/core";
import { cache } from "react";
import { dictionary, type Locale, resolveLocale } from "@/i18n/dictionary";
import type { Dictionary } from "@/i18n/en";
import { pageMember } from "../session/page-member";

export interface PageContext {
  ctx: MemberCtx;
  locale: Locale;
  t: Dictionary;
}

/**
 * What a dashboard page renders with: the member's scoped context, the locale and its dictionary. Cached
 * per request, so the layout and the page share one session lookup.
 */
export const pageContext = cache(async (permission: Permission = "read"): Promise<PageContext> => {
  const ctx = await pageMember(permission);
  const locale = await resolveLocale(ctx.organization.locale);
  return { ctx, locale, t: dictionary(locale) };
});

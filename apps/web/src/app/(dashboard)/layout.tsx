import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { NavLinks } from "@/components/nav-links";
import { THEME_COOKIE, toTheme } from "@/components/theme";
import { ThemeToggle } from "@/components/theme-toggle";
import { pageContext } from "@/server/dashboard/page-context";
import { signOut } from "../(auth)/actions";

export const dynamic = "force-dynamic";

// The signed-in shell: brand, organization, theme, sign-out and the section nav (scrolls sideways on a phone).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { ctx, t, locale } = await pageContext();
  const theme = toTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div lang={locale}>
      <a className="skip-link" href="#main">
        {t.nav.skip}
      </a>
      <header className="shell-header">
        <div className="shell-bar">
          <Link href="/" className="brand">
            Orylo
          </Link>
          <span className="org-name">{ctx.organization.name}</span>
          <LocaleSwitch locale={locale} label={t.settings.language} />
          <ThemeToggle initial={theme} labels={t.theme} />
          <form action={signOut}>
            <button type="submit" className="button ghost small">
              {t.nav.signOut}
            </button>
          </form>
        </div>
        <NavLinks labels={t.nav} />
      </header>
      <main id="main" className="shell-main">
        {children}
      </main>
    </div>
  );
}

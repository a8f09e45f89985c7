import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { THEME_COOKIE, toTheme } from "@/components/theme";
import { resolveLocale } from "@/i18n/dictionary";
import "./globals.css";

export const metadata = { title: "Orylo", description: "Fraud detection for Stripe merchants" };

// The theme is rendered on the server from the cookie (no flash): `system` leaves it to prefers-color-scheme.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = toTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={await resolveLocale()} data-theme={theme === "system" ? undefined : theme}>
      <body>{children}</body>
    </html>
  );
}

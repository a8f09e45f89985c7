"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Dictionary } from "@/i18n/en";

const LINKS = [
  ["/", "home"],
  ["/detections", "detections"],
  ["/review", "review"],
  ["/customers", "customers"],
  ["/rules", "rules"],
  ["/lists", "lists"],
  ["/incidents", "incidents"],
  ["/ai", "ai"],
  ["/settings", "settings"],
] as const;

export function NavLinks({ labels }: { labels: Dictionary["nav"] }) {
  const pathname = usePathname();
  const current = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav className="shell-nav" aria-label={labels.label}>
      <ul>
        {LINKS.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? "page" : undefined}>
              {labels[key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

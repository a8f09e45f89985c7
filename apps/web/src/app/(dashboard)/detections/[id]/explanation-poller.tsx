"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the explanation is pending, re-render the page every few seconds until it is written. */
export function ExplanationPoller({ intervalMs = 3_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}

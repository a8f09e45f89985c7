"use client";

import type { FeedItem } from "@orylo/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { DecisionBadge } from "@/components/decision-badge";
import { formatMoney, formatTime } from "@/components/money";
import type { Dictionary } from "@/i18n/en";

const KEEP = 50;
const REFRESH_EVERY_MS = 10_000;
const RETRY_MS = 5_000;

/**
 * The live decisions: an EventSource on the feed route, newest on top, in a box of fixed height so new rows
 * never move the page. New decisions also refresh the server-rendered stats, at most every 10 s.
 */
export function LiveFeed({
  initial,
  cursor,
  locale,
  timeZone,
  t,
}: {
  initial: FeedItem[];
  cursor: string;
  locale: string;
  timeZone: string;
  t: Pick<Dictionary, "home" | "decision">;
}) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [connected, setConnected] = useState(false);
  const last = useRef(cursor);
  const lastRefresh = useRef(0);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(`/api/dashboard/feed?after=${encodeURIComponent(last.current)}`);
      source.onopen = () => setConnected(true);
      source.addEventListener("detection", (event) => {
        const item = JSON.parse((event as MessageEvent<string>).data) as FeedItem;
        last.current = item.cursor;
        setItems((current) => [item, ...current.filter((known) => known.id !== item.id)].slice(0, KEEP));
        // Stats and the attack banner are server-rendered: refresh them at most every REFRESH_EVERY_MS, and
        // once more after the last event of a burst, so the page never stays behind the feed.
        if (refreshTimer) return;
        const wait = Math.max(0, lastRefresh.current + REFRESH_EVERY_MS - Date.now());
        refreshTimer = setTimeout(() => {
          refreshTimer = undefined;
          lastRefresh.current = Date.now();
          router.refresh();
        }, wait);
      });
      source.onerror = () => {
        setConnected(false);
        // A refused stream (429, expired session) is closed for good: reconnect by hand, from the last event.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, RETRY_MS);
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      clearTimeout(refreshTimer);
      source?.close();
    };
  }, [router]);

  return (
    <section aria-labelledby="live-title" className="card">
      <div className="section-head">
        <h2 id="live-title" style={{ margin: 0 }}>
          {t.home.live}
        </h2>
        <span className="muted" role="status">
          <span className={`status-dot${connected ? " on" : ""}`} aria-hidden="true" />
          {connected ? t.home.liveConnected : t.home.liveReconnecting}
        </span>
      </div>
      <div className="feed-scroll" data-testid="live-feed">
        {items.length === 0 ? (
          <p className="muted">{t.home.empty}</p>
        ) : (
          <ul className="feed" aria-live="polite" aria-relevant="additions">
            {items.map((item) => (
              <li key={item.id}>
                <time dateTime={item.createdAt} className="muted">
                  {formatTime(item.createdAt, locale, timeZone)}
                </time>
                <DecisionBadge decision={item.decision} labels={t.decision} />
                <Link href={`/detections/${item.id}`} className="charge">
                  <code>{item.chargeId ?? item.id}</code>
                </Link>
                <span className="amount">{formatMoney(item.amount, item.currency, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

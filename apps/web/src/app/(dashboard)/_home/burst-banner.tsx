import type { Burst } from "@orylo/core";
import Link from "next/link";
import type { Dictionary } from "@/i18n/en";
import { format } from "@/i18n/format";

/** Always rendered, calm or not, so an attack starting replaces a line instead of pushing the page down. */
export function BurstBanner({ burst, t }: { burst: Burst | null; t: Dictionary }) {
  return (
    <div role="status" aria-live="assertive" className="burst-slot">
      {burst ? (
        <div className="alert danger" data-testid="burst-banner">
          <strong>{t.home.burstTitle}</strong>
          {format(t.home.burstBody, { count: burst.blocked })}{" "}
          <Link href={`/detections?decision=BLOCK&from=${encodeURIComponent(burst.since)}`}>
            {t.home.burstAction}
          </Link>
        </div>
      ) : (
        <div className="alert success">{t.home.calm}</div>
      )}
    </div>
  );
}

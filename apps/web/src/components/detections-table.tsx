import type { DetectionListItem } from "@orylo/core";
import Link from "next/link";
import type { ReactNode } from "react";
import type { Dictionary } from "@/i18n/en";
import { DecisionBadge } from "./decision-badge";
import { formatDateTime, formatMoney } from "./money";

/**
 * Detections as a table; the charge links to its detail page. Scrolls sideways on a phone. The review
 * queue marks its current row (`selectedId`) and puts a select button in the first cell (`when`).
 */
export function DetectionsTable({
  detections,
  locale,
  timeZone,
  t,
  selectedId,
  when,
}: {
  detections: DetectionListItem[];
  locale: string;
  timeZone: string;
  t: Pick<Dictionary, "detections" | "decision">;
  selectedId?: string | undefined;
  when?: (detection: DetectionListItem, index: number, text: string) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.detections.when}</th>
            <th scope="col">{t.detections.decision}</th>
            <th scope="col" className="num">
              {t.detections.risk}
            </th>
            <th scope="col" className="num">
              {t.detections.amount}
            </th>
            <th scope="col">{t.detections.charge}</th>
            <th scope="col">{t.detections.customer}</th>
          </tr>
        </thead>
        <tbody>
          {detections.map((detection, index) => (
            <tr
              key={detection.id}
              aria-selected={selectedId === undefined ? undefined : detection.id === selectedId}
            >
              <td>
                {when
                  ? when(detection, index, formatDateTime(detection.createdAt, locale, timeZone))
                  : formatDateTime(detection.createdAt, locale, timeZone)}
              </td>
              <td>
                <DecisionBadge decision={detection.decision} labels={t.decision} />
              </td>
              <td className="num">{detection.riskScore}</td>
              <td className="num">{formatMoney(detection.amount, detection.currency, locale)}</td>
              <td>
                <Link href={`/detections/${detection.id}`}>
                  <code>{detection.chargeId ?? detection.id}</code>
                </Link>
              </td>
              <td>
                {detection.customerId ? (
                  <Link href={`/detections?customer=${encodeURIComponent(detection.customerId)}`}>
                    <code>{detection.customerId}</code>
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { DetectionContext, DetectionDetail } from "@orylo/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { KeyValueList } from "@/components/ui/key-value-list";
import type { Dictionary } from "@/i18n/en";

/** The payment as the engine saw it: who, which card, what Stripe and Radar said. */
export function DetectionSignals({
  detection,
  customer,
  t,
}: {
  detection: DetectionDetail;
  customer: DetectionContext["customer"];
  t: Dictionary;
}) {
  const payment = detection.payment;
  if (!payment) return <p className="muted">—</p>;
  const trust: [string, ReactNode][] = customer
    ? [
        [
          t.detail.trust,
          <>
            <strong>{customer.trustScore}</strong>/100{" "}
            {customer.stripeCustomerId ? (
              <Link href={`/detections?customer=${encodeURIComponent(customer.stripeCustomerId)}`}>
                <code>{customer.stripeCustomerId}</code>
              </Link>
            ) : null}
          </>,
        ],
      ]
    : [];
  const rows: [string, string | null][] = [
    ["Charge", payment.chargeId],
    ["Status", payment.declineCode ? `${payment.status} (${payment.declineCode})` : payment.status],
    ["Email", payment.email],
    ["IP", payment.ipAddress],
    [
      "Card",
      [payment.card.brand, payment.card.funding, payment.card.country].filter(Boolean).join(" · ") || null,
    ],
    ["Wallet", payment.card.wallet],
    ["CVC", payment.card.cvcCheck],
    ["3DS", payment.card.threeDSecureResult],
    ["Radar", payment.outcome.radarRiskLevel],
    [
      "Billing / shipping",
      [payment.billingCountry, payment.shippingCountry].filter(Boolean).join(" / ") || null,
    ],
  ];
  const known = rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== "");
  return <KeyValueList rows={[...trust, ...known]} />;
}

import { getCustomerProfile, listDetectionsPage, OryloError, roleAllows } from "@orylo/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetectionsTable } from "@/components/detections-table";
import { formatDateTime } from "@/components/money";
import { KeyValueList } from "@/components/ui/key-value-list";
import { pageContext } from "@/server/dashboard/page-context";
import { CustomerActions } from "./customer-actions";
import { TrustChart } from "./trust-chart";

type Params = Promise<{ ref: string }>;

// GET /customers/:ref — who, how trusted over time, which lists name them, their payments; block or trust.
export default async function CustomerPage({ params }: { params: Params }) {
  const { ctx, locale, t } = await pageContext();
  const ref = decodeURIComponent((await params).ref);
  const profile = await getCustomerProfile(ctx, ref).catch((error: unknown) => {
    if (error instanceof OryloError && error.code === "not_found") notFound();
    throw error;
  });
  const payments = await listDetectionsPage(ctx, { customer: profile.ref, limit: 25 });
  const zone = ctx.organization.timeZone;
  const c = t.customers;
  return (
    <>
      <p className="muted">
        <Link href="/customers">← {c.title}</Link>
      </p>
      <h1>
        <code>{profile.stripeCustomerId ?? `${profile.ref.slice(0, 12)}…`}</code>
      </h1>
      <div className="grid-2">
        <section className="card stack" aria-labelledby="who">
          <h2 id="who">{c.profile}</h2>
          <KeyValueList
            rows={[
              [c.trust, <strong key="score">{profile.trustScore} / 100</strong>],
              [t.detections.customer, <code key="ref">{profile.ref}</code>],
              [c.email, profile.email ?? "—"],
              [c.firstSeen, formatDateTime(profile.firstSeenAt, locale, zone)],
              [c.lastSeen, formatDateTime(profile.lastSeenAt, locale, zone)],
            ]}
          />
          <CustomerActions
            customerRef={profile.ref}
            canAct={roleAllows(ctx.role, "act")}
            t={{ ...t.detail, confirmCustomerBlock: c.confirmBlock }}
          />
        </section>
        <section className="card stack" aria-labelledby="trust">
          <h2 id="trust">{c.trustOverTime}</h2>
          <TrustChart profile={profile} now={new Date()} label={c.trustOverTime} />
          {profile.trustHistory.length === 0 ? (
            <p className="muted">{c.noTrustChange}</p>
          ) : (
            <ul className="plain-list">
              {profile.trustHistory.slice(-5).map((change) => (
                <li key={`${change.at}-${change.reason}`}>
                  {formatDateTime(change.at, locale, zone)} · {c.reasons[change.reason]}{" "}
                  <strong>{change.delta > 0 ? `+${change.delta}` : change.delta}</strong> → {change.score}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <h2>{c.lists}</h2>
      {profile.listMemberships.length === 0 ? (
        <p className="muted">{c.noLists}</p>
      ) : (
        <ul className="plain-list">
          {profile.listMemberships.map((item) => (
            <li key={`${item.listId}:${item.value}`}>
              <Link href={`/lists/${item.listId}`}>
                <code>@{item.listName}</code>
              </Link>{" "}
              {item.action ? <span className={`badge ${item.action}`}>{item.action}</span> : null}{" "}
              <code>{item.value}</code>
            </li>
          ))}
        </ul>
      )}
      <h2>{c.payments}</h2>
      {payments.data.length === 0 ? (
        <p className="muted">{t.detections.none}</p>
      ) : (
        <DetectionsTable detections={payments.data} locale={locale} timeZone={zone} t={t} />
      )}
      {payments.nextCursor ? (
        <p>
          <Link href={`/detections?customer=${encodeURIComponent(profile.ref)}`}>{c.allPayments}</Link>
        </p>
      ) : null}
    </>
  );
}

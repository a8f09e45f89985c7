import { getDetection, getDetectionContext, OryloError, roleAllows } from "@orylo/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionBadge } from "@/components/decision-badge";
import { formatDateTime, formatMoney } from "@/components/money";
import { pageContext } from "@/server/dashboard/page-context";
import { DetectionActions } from "./detection-actions";
import { DetectionSignals } from "./detection-signals";
import { ExplanationPoller } from "./explanation-poller";

// GET /detections/{id} — why this payment got its decision, and what the merchant can do about it.
export default async function DetectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, locale, t } = await pageContext();
  const { id } = await params;
  const detection = await getDetection(ctx, id).catch((error) => {
    if (error instanceof OryloError && error.code === "not_found") notFound();
    throw error;
  });
  const context = await getDetectionContext(ctx, detection);
  const timeZone = ctx.organization.timeZone;
  const explanation = detection.explanation;
  const hits = detection.contributions.filter((c) => c.status === "hit").sort((a, b) => b.score - a.score);
  return (
    <>
      <p>
        <Link href="/detections">← {t.detail.back}</Link>
      </p>
      <h1 style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap" }}>
        <DecisionBadge decision={detection.decision} labels={t.decision} />
        <span>
          {formatMoney(detection.payment?.amount ?? null, detection.payment?.currency ?? null, locale)}
        </span>
        <span className="muted" style={{ fontSize: "1rem", fontWeight: 400 }}>
          {t.detections.risk} {detection.riskScore}/100 ·{" "}
          {formatDateTime(detection.createdAt, locale, timeZone)}
        </span>
      </h1>

      <section className="card" aria-labelledby="why">
        <h2 id="why" style={{ marginTop: 0 }}>
          {t.detail.why}
        </h2>
        {explanation && "summary" in explanation ? (
          <div data-testid="explanation">
            <p style={{ marginTop: 0 }}>{explanation.summary}</p>
            <ul>
              {explanation.factors.map((factor) => (
                <li key={factor.signal}>{factor.evidence}</li>
              ))}
            </ul>
            <p className="muted" data-testid="explanation-source" style={{ marginBottom: 0 }}>
              {explanation.source === "llm"
                ? t.detail.writtenByLlm
                : explanation.status === "fallback"
                  ? t.detail.writtenByTemplatesFallback
                  : t.detail.writtenByTemplates}
            </p>
          </div>
        ) : explanation?.status === "pending" ? (
          <p className="muted" aria-busy="true">
            {t.detail.explanationPending}
            <ExplanationPoller />
          </p>
        ) : (
          <p className="muted">{t.detail.explanationFailed}</p>
        )}
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t.detail.actions}</h2>
        <DetectionActions
          detectionId={detection.id}
          transactionId={context.transactionId}
          canAct={roleAllows(ctx.role, "act")}
          t={t.detail}
        />
      </section>

      <div className="grid-2">
        <section aria-labelledby="contributions">
          <h2 id="contributions">{t.detail.contributions}</h2>
          <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {hits.map((hit) => (
              <li key={hit.detector} className="card">
                <div className="section-head">
                  <strong>{hit.detector}</strong>
                  <span>{hit.score}</span>
                </div>
                <div className="bar" aria-hidden="true">
                  <span style={{ width: `${hit.score}%` }} />
                </div>
                <p className="muted" style={{ margin: "0.4rem 0 0" }}>
                  {hit.message}
                </p>
              </li>
            ))}
          </ul>
          <h2>{t.detail.ruleHits}</h2>
          {detection.ruleHits.length === 0 ? (
            <p className="muted">{t.detail.noRuleHits}</p>
          ) : (
            <ul>
              {detection.ruleHits.map((hit) => (
                <li key={hit.ruleId}>
                  <Link href={`/rules/${hit.ruleId}`}>
                    <code>{hit.ruleId}</code>
                  </Link>{" "}
                  {hit.action}
                  {hit.shadow ? " (shadow)" : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="signals">
          <h2 id="signals">{t.detail.signals}</h2>
          <DetectionSignals detection={detection} customer={context.customer} t={t} />
          <h2>{t.detail.timeline}</h2>
          <ol className="stack" style={{ paddingLeft: "1.2rem" }}>
            {context.timeline.map((entry) => (
              <li key={entry.kind === "label" ? `${entry.at}-${entry.source}` : entry.id}>
                <time className="muted" dateTime={entry.at}>
                  {formatDateTime(entry.at, locale, timeZone)}
                </time>{" "}
                {entry.kind === "stripe_event" ? (
                  <>
                    <code>{entry.type}</code> <span className="muted">({entry.status})</span>
                  </>
                ) : entry.kind === "action" ? (
                  <>
                    Orylo · {entry.action} <span className="muted">({entry.outcome ?? entry.status})</span>
                  </>
                ) : (
                  <>
                    {entry.label === "fraud" ? t.detections.labelFraud : t.detections.labelLegitimate} ·{" "}
                    {entry.source}
                    {entry.cleared ? ` · ${t.detail.cleared}` : ""}
                    {entry.reason ? ` — ${entry.reason}` : ""}
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

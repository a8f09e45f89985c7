import { findDemoEndpoint, getStripeConnection, roleAllows } from "@orylo/core";
import { generateId } from "@orylo/platform";
import Link from "next/link";
import { format } from "@/i18n/format";
import { pageContext } from "@/server/dashboard/page-context";
import { getRuntime } from "@/server/runtime";
import { DemoStart } from "./demo-start";
import { StripeConnectForms } from "./stripe-connect-forms";
import { TestEventCheck } from "./test-event-check";

// GET /onboarding — after sign-up: the organization, where its payments come from, and a test event.
export default async function OnboardingPage() {
  const { ctx, t } = await pageContext();
  const runtime = await getRuntime();
  const publicUrl = runtime.config.publicUrl;
  const [connection, demo] = await Promise.all([
    getStripeConnection(ctx, runtime.stripe),
    findDemoEndpoint(ctx, runtime.stripe, { publicUrl }),
  ]);
  const o = t.onboarding;
  const canConfigure = roleAllows(ctx.role, "configure");
  // Shown before the merchant creates the endpoint in Stripe; sent back with the key and the secret.
  const pendingEndpoint = generateId("we");
  return (
    <div className="stack narrow">
      <h1>{o.title}</h1>
      <p className="muted">{o.intro}</p>
      <section className="card stack" aria-labelledby="step-1">
        <h2 id="step-1">{o.step1}</h2>
        <p>
          ✓{" "}
          {format(o.step1Done, {
            name: ctx.organization.name,
            zone: ctx.organization.timeZone,
            currency: ctx.organization.reportingCurrency.toUpperCase(),
          })}{" "}
          <Link href="/settings">{o.edit}</Link>
        </p>
      </section>
      <section className="card stack" aria-labelledby="step-2">
        <h2 id="step-2">{o.step2}</h2>
        {connection.connected ? (
          <p>
            ✓{" "}
            {format(o.connected, {
              method: connection.method ?? "",
              mode: connection.livemode ? "live" : "test",
            })}
          </p>
        ) : (
          <>
            <StripeConnectForms
              oauthAvailable={connection.oauthAvailable}
              endpointId={pendingEndpoint}
              endpointUrl={`${publicUrl}/api/webhooks/stripe/${pendingEndpoint}`}
              disabled={!canConfigure}
              t={o}
            />
            <DemoStart initial={demo} disabled={!canConfigure} t={o} />
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="step-3">
        <h2 id="step-3">{o.step3}</h2>
        <p className="muted">{o.testHint}</p>
        <TestEventCheck disabled={!canConfigure} t={o} decisions={t.decision} />
      </section>
      <p>
        <Link href="/" className="button primary">
          {o.done}
        </Link>
      </p>
    </div>
  );
}

import { listDetectionsPage } from "@orylo/core";
import { getRuntime } from "@/server/runtime";
import { DetectionsTable } from "./detections-table";

export const dynamic = "force-dynamic";

// GET / — what is running and, in embedded mode, the demo merchant's latest decisions.
export default async function Home() {
  const runtime = await getRuntime();
  const demo = runtime.config.mode === "embedded" ? runtime.demo : null;
  const latest = demo
    ? await listDetectionsPage(
        {
          db: runtime.database.db,
          actor: { type: "system", task: "home" },
          requestId: "home",
          logger: runtime.logger,
          now: () => new Date(),
          organizationId: demo.organizationId,
        },
        { limit: 25 },
      )
    : null;

  return (
    <main>
      <header>
        <h1>Orylo</h1>
        <p className="muted">Fraud decisions for Stripe payments, inline with every webhook.</p>
      </header>

      <section aria-labelledby="running">
        <h2 id="running">Running in {runtime.config.mode} mode</h2>
        <dl className="backends">
          {Object.entries(runtime.backends).map(([concern, backend]) => (
            <div key={concern}>
              <dt>{concern}</dt>
              <dd>{backend}</dd>
            </div>
          ))}
        </dl>
      </section>

      {latest ? (
        <section aria-labelledby="latest">
          <h2 id="latest">Latest decisions of the demo merchant</h2>
          {latest.data.length === 0 ? (
            <p>
              No payments yet. Run <code>bun run simulate</code> in another terminal: it sends ordinary
              shoppers and a card-testing burst, signed like Stripe's webhooks.
            </p>
          ) : (
            <DetectionsTable detections={latest.data} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="api">
        <h2 id="api">API</h2>
        <p>
          <code>GET /api/v1/detections</code> and <code>GET /api/v1/detections/{"{id}"}</code> with{" "}
          <code>Authorization: Bearer ork_…</code>; the contract is at{" "}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Stripe sends events to{" "}
          <code>POST /api/webhooks/stripe</code>.
        </p>
      </section>
    </main>
  );
}

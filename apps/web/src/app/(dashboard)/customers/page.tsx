import { listCustomersByTrust } from "@orylo/core";
import Link from "next/link";
import { formatDateTime } from "@/components/money";
import { pageContext } from "@/server/dashboard/page-context";

// GET /customers — least trusted first; each opens its page (history, trust over time, lists).
export default async function CustomersPage() {
  const { ctx, locale, t } = await pageContext();
  const customers = await listCustomersByTrust(ctx);
  return (
    <>
      <h1>{t.customers.title}</h1>
      {customers.length === 0 ? <p className="muted">{t.customers.none}</p> : null}
      <div className="table-wrap" hidden={customers.length === 0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.detections.customer}</th>
              <th scope="col" className="num">
                {t.customers.trust}
              </th>
              <th scope="col">{t.customers.lastSeen}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.ref}>
                <td>
                  <Link href={`/customers/${encodeURIComponent(customer.ref)}`}>
                    <code>{customer.stripeCustomerId ?? `${customer.ref.slice(0, 12)}…`}</code>
                  </Link>
                </td>
                <td className="num">{customer.trustScore}</td>
                <td>{formatDateTime(customer.lastSeenAt, locale, ctx.organization.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

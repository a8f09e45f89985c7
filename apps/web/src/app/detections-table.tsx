import type { DetectionListItem } from "@orylo/core";
import { toMajorUnits } from "@orylo/engine";

const money = (amount: number | null, currency: string | null) =>
  amount === null || currency === null
    ? "—"
    : new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(
        toMajorUnits(amount, currency),
      );

export function DetectionsTable({ detections }: { detections: DetectionListItem[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Decision</th>
            <th scope="col">Risk</th>
            <th scope="col">Amount</th>
            <th scope="col">Charge</th>
          </tr>
        </thead>
        <tbody>
          {detections.map((detection) => (
            <tr key={detection.id}>
              <td>{new Date(detection.createdAt).toLocaleTimeString("en-GB")}</td>
              <td>
                <span className={`badge ${detection.decision.toLowerCase()}`}>{detection.decision}</span>
              </td>
              <td>{detection.riskScore}</td>
              <td>{money(detection.amount, detection.currency)}</td>
              <td>
                <code>{detection.chargeId ?? "—"}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

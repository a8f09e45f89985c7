import type { Dictionary } from "@/i18n/en";

const dateOnly = (value: string | undefined) => value?.slice(0, 10) ?? "";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded. */
export function DetectionFilters({ values, t }: { values: Record<string, string>; t: Dictionary }) {
  const d = t.detections;
  const select = (name: string, label: string, options: [string, string][]) => (
    <label className="field">
      {label}
      <select className="input" name={name} defaultValue={values[name] ?? ""}>
        <option value="">{d.all}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const input = (name: string, label: string, type = "text", value = values[name] ?? "") => (
    <label className="field">
      {label}
      <input className="input" name={name} type={type} defaultValue={value} />
    </label>
  );
  return (
    <form method="get" action="/detections" aria-label={d.filters}>
      <div className="filters">
        {select("decision", d.decision, [
          ["BLOCK", t.decision.BLOCK],
          ["REVIEW", t.decision.REVIEW],
          ["ALLOW", t.decision.ALLOW],
        ])}
        {input("from", d.from, "date", dateOnly(values.from))}
        {input("to", d.to, "date", dateOnly(values.to))}
        {input("minAmount", d.minAmount, "number")}
        {input("maxAmount", d.maxAmount, "number")}
        {input("customer", d.customer)}
        {input("rule", d.rule)}
        {input("detector", d.detector)}
        {select("label", d.label, [
          ["fraud", d.labelFraud],
          ["legitimate", d.labelLegitimate],
          ["none", d.labelNone],
        ])}
        {select("mode", d.mode, [
          ["live", d.live],
          ["test", d.test],
        ])}
        <div className="row-actions">
          <button type="submit" className="button primary">
            {d.apply}
          </button>
          <a className="button ghost" href="/detections">
            {d.reset}
          </a>
        </div>
      </div>
    </form>
  );
}

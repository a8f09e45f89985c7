import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { testkitFixturePath } from "./fixture-path";

/**
 * One row of the vendored Sparkov sample (fixtures/sparkov): a synthetic US card payment and its label.
 * The card number and street are hashed on read so nothing downstream ever holds them.
 */
export interface SparkovPayment {
  transactionId: string;
  at: Date;
  /** USD cents. */
  amount: number;
  cardKey: string;
  addressKey: string;
  merchant: string;
  category: string;
  isFraud: boolean;
}

export const SPARKOV_FILE = "fraudTest_balanced2144rows.csv";

/** Splits one CSV line: fields may be double-quoted (with `""` for a quote) and then hold commas. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

const digest = (prefix: string, value: string) =>
  `${prefix}${createHash("sha256").update(value).digest("hex").slice(0, 16)}`;

/** The sample's rows in time order (file order breaks ties), as the engine would have seen them. */
export function loadSparkovPayments(file = testkitFixturePath("sparkov", SPARKOV_FILE)): SparkovPayment[] {
  const [header, ...lines] = readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
  const columns = csvFields(header!);
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${file}: no "${name}" column`);
    return index;
  };
  const at = column("trans_date_trans_time");
  const cc = column("cc_num");
  const amt = column("amt");
  const street = column("street");
  const zip = column("zip");
  const merchant = column("merchant");
  const category = column("category");
  const id = column("trans_num");
  const fraud = column("is_fraud");
  return lines
    .map((line) => {
      const row = csvFields(line);
      if (row.length !== columns.length) throw new Error(`${file}: a row has ${row.length} fields`);
      return {
        transactionId: row[id]!,
        at: new Date(`${row[at]!.replace(" ", "T")}Z`),
        amount: Math.round(Number(row[amt]) * 100),
        cardKey: digest("fp_", row[cc]!),
        addressKey: digest("addr_", `${row[street]}|${row[zip]}`),
        merchant: row[merchant]!,
        category: row[category]!,
        isFraud: row[fraud] === "1",
      };
    })
    .map((payment, order) => ({ payment, order }))
    .sort((a, b) => a.payment.at.getTime() - b.payment.at.getTime() || a.order - b.order)
    .map(({ payment }) => payment);
}

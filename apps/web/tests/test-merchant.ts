import { apiKeys, type Executor } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { generateApiKey, hashApiKey } from "@orylo/platform";

export interface TestMerchant {
  id: string;
  /** The connected Stripe account its Connect events carry. */
  account: string;
  apiKey: string;
}

/** An organization connected to its own Stripe account, with a working API key. */
export async function createTestMerchant(db: Executor): Promise<TestMerchant> {
  const account = `acct_test${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const organization = await createTestOrganization(db, { stripeAccountId: account });
  const apiKey = generateApiKey();
  await db.insert(apiKeys).values({
    id: `key_${organization.id}`,
    organizationId: organization.id,
    name: "test",
    prefix: apiKey.slice(0, 8),
    keyHash: hashApiKey(apiKey),
  });
  return { id: organization.id, account, apiKey };
}

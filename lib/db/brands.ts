import { brandRecord, type BrandRecord } from './model';
import type { VigieDb } from './schema';

export class BrandError extends Error {}

export async function saveBrand(db: VigieDb, input: unknown): Promise<BrandRecord> {
  const parsed = brandRecord.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BrandError(`${issue.path.join('.') || 'brand'}: ${issue.message}`);
  }
  const brand = parsed.data;
  const others = await db.brands.filter((b) => b.id !== brand.id).toArray();
  for (const account of brand.accounts) {
    const owner = others.find((b) => b.accounts.some((a) => a.platform === account.platform && sameHandle(a.handle, account.handle)));
    if (owner) throw new BrandError(`${account.platform} ${account.handle} already selects the brand ${owner.name}`);
  }
  await db.brands.put(brand);
  return brand;
}

export const listBrands = (db: VigieDb) => db.brands.orderBy('name').toArray();

export const deleteBrand = (db: VigieDb, id: string) => db.brands.delete(id);

const norm = (h: string) => h.trim().replace(/^@/, '').toLowerCase();
/** One account written with or without its @, in any case. */
export const sameHandle = (a: string, b: string) => norm(a) === norm(b);

/** The brand whose accounts include the one being managed on this page, if any. */
export async function brandForAccount(db: VigieDb, platform: string, handle: string): Promise<BrandRecord | undefined> {
  const brands = await db.brands.toArray();
  return brands.find((b) => b.accounts.some((a) => a.platform === platform && sameHandle(a.handle, handle)));
}

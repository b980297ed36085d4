import type { Agreement } from '#core/agreement';
import type { Asset } from '#core/asset';
import type { Invention } from '#core/invention';
import { api } from '../../api/client.ts';
import type { Option } from '../../ui/Select.tsx';

/** Searches for the pickers that link records to each other (an asset to its invention, an agreement to assets). */
const PICKER_SIZE = 30;

const referenced = (record: { reference: string | null; title: string }) => (record.reference ? `${record.reference} — ${record.title}` : record.title);

export async function searchInventions(q: string): Promise<Option[]> {
  const page = await api.list<Invention>('/api/inventions', { q: q || undefined, limit: PICKER_SIZE });
  return page.items.map((invention) => ({ value: invention.id, label: referenced(invention) }));
}

export async function resolveInvention(id: string): Promise<string> {
  return referenced(await api.get<Invention>(`/api/inventions/${id}`));
}

export async function searchAgreements(q: string): Promise<Option[]> {
  const page = await api.list<Agreement>('/api/agreements', { q: q || undefined, limit: PICKER_SIZE });
  return page.items.map((agreement) => ({ value: agreement.id, label: referenced(agreement) }));
}

export async function resolveAgreement(id: string): Promise<string> {
  return referenced(await api.get<Agreement>(`/api/agreements/${id}`));
}

export async function searchAssets(q: string): Promise<Option[]> {
  const page = await api.list<Asset>('/api/assets', { q: q || undefined, limit: PICKER_SIZE });
  return page.items.map((asset) => ({ value: asset.id, label: referenced(asset) }));
}

export async function resolveAsset(id: string): Promise<string> {
  return referenced(await api.get<Asset>(`/api/assets/${id}`));
}

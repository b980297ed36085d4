import type { Asset } from '#core/asset';
import type { FamilyPublications, FamilySync, ImportRun, LinkInput, MatchedBy, Publication } from '#core/publication-corpus';
import type { User } from '#core/user';
import { ApiError, api, toApiError } from '../../api/client.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { Option } from '../../ui/Select.tsx';

/** Imports, the review list and manual links are for admins and officers; the server checks again. */
export function canImport(user: User): boolean {
  return user.role === 'admin' || user.role === 'officer';
}

/** Every signed-in role but partner browses the corpus. */
export function canBrowse(user: User): boolean {
  return user.role !== 'partner';
}

/**
 * Sends a file as the request body (streamed by the browser, whatever its size), named by its file
 * name. Writes carry the session's CSRF token, asked of the session itself.
 */
export async function uploadImport(file: File): Promise<ImportRun> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/me');
  let response: Response;
  try {
    response = await fetch(`/api/imports?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  return body as ImportRun;
}

export const fetchRun = (id: string) => api.get<ImportRun>(`/api/imports/${id}`);
export const linkPublication = (id: string, input: LinkInput) => api.post<Publication>(`/api/publications/${id}/link`, input);
export const dismissPublication = (id: string) => api.post<Publication>(`/api/publications/${id}/dismiss`);
export const confirmLink = (id: string, assetId: string) => api.post<Publication>(`/api/publications/${id}/links/${assetId}/confirm`);
/** Rejects the link: later imports, family saves and syncs do not make it again. */
export const unlinkPublication = (id: string, assetId: string) => api.remove(`/api/publications/${id}/links/${assetId}`);
export const fetchPublication = (id: string) => api.get<Publication>(`/api/publications/${id}`);
export const fetchFamilyPublications = (assetId: string) => api.get<FamilyPublications>(`/api/families/${assetId}/publications`);

/** The families the reader may link to, by words of their title or reference, or an application number. */
export async function searchFamilies(q: string): Promise<Option[]> {
  const page = await api.list<Asset>('/api/families', { q: q || undefined, limit: 30 });
  return page.items.map((family) => ({ value: family.id, label: family.reference ? `${family.reference} — ${family.title}` : family.title }));
}

export const fetchFamily = (id: string) => api.get<Asset>(`/api/families/${id}`);

/** "EP 2400812 A1": the publication as offices write it. */
export function publicationLabel(publication: { country: string; number: string; kind: string | null }): string {
  return [publication.country, publication.number, publication.kind].filter(Boolean).join(' ');
}

export function matchedByLabel(t: Translate, matchedBy: MatchedBy): string {
  switch (matchedBy) {
    case 'application_number':
      return t('publication.matchedBy.applicationNumber');
    case 'publication_number':
      return t('publication.matchedBy.publicationNumber');
    case 'priority':
      return t('publication.matchedBy.priority');
    case 'family_id':
      return t('publication.matchedBy.familyId');
    case 'manual':
      return t('publication.matchedBy.manual');
  }
}

export const fetchFamilySync = (assetId: string) => api.get<FamilySync>(`/api/families/${assetId}/sync`);
export const syncFamilyNow = (assetId: string) => api.post<FamilySync>(`/api/families/${assetId}/sync`);

import type { ReactNode } from 'react';
import { api } from './client.ts';
import { ResourceStatus } from './ResourceStatus.tsx';
import { useResource } from './use-resource.ts';

/** Loads one record by its API path and renders it, or the loading or refusal state. */
export function RecordLoader<T>({ path, children }: { path: string; children: (record: T, reload: () => void) => ReactNode }) {
  const record = useResource(path, () => api.get<T>(path));
  if (record.state !== 'ready') return <ResourceStatus resource={record} />;
  return <>{children(record.data, record.reload)}</>;
}

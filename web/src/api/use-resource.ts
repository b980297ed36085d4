import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './client.ts';

export type Resource<T> =
  | { state: 'loading'; data: null; error: null; reload: () => void; stale: T | null }
  | { state: 'ready'; data: T; error: null; reload: () => void }
  | { state: 'failed'; data: null; error: ApiError; reload: () => void };

/**
 * Loads what `load` returns whenever `key` changes; answers that arrive after a newer request started are
 * dropped, so a slow search never overwrites a faster, later one.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [result, setResult] = useState<{ key: string; data: T | null; error: ApiError | null }>({ key: '', data: null, error: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => isCurrent && setResult({ key, data, error: null }),
      (error: unknown) =>
        isCurrent &&
        setResult({ key, data: null, error: error instanceof ApiError ? error : new ApiError('internal', 0, String(error)) }),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is rebuilt on each render; `key` names what it loads.
  }, [key, generation]);

  if (result.error && result.key === key) return { state: 'failed', data: null, error: result.error, reload };
  if (result.data !== null && result.key === key) return { state: 'ready', data: result.data, error: null, reload };
  return { state: 'loading', data: null, error: null, reload, stale: result.data };
}

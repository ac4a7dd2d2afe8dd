/** A persona's photo as an address an <img> can show, read once per photo and kept. */
import { useEffect, useState } from 'react';
import type { Persona } from '../../../shared/api/schemas';
import { useApi } from '../api/ApiContext';

const cache = new Map<string, string>();
const keyOf = (p: Persona) => (p.photo ? `${p.id}:${p.photo.size}:${p.photo.width}x${p.photo.height}` : null);

export function usePersonaPhoto(projectId: string, persona: Persona): string | null {
  const client = useApi();
  const key = keyOf(persona);
  const [url, setUrl] = useState<string | null>(() => (key ? (cache.get(key) ?? null) : null));
  useEffect(() => {
    if (!key) return setUrl(null);
    const known = cache.get(key);
    if (known) return setUrl(known);
    let live = true;
    void client.call('personas.photo', { projectId, personaId: persona.id }).then((r) => {
      if (!r.ok || !r.value) return;
      const address = `data:${r.value.type};base64,${r.value.data}`;
      cache.set(key, address);
      if (live) setUrl(address);
    });
    return () => {
      live = false;
    };
  }, [client, key, projectId, persona.id]);
  return url;
}

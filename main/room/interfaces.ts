/**
 * The network interfaces the room can be opened on: every address of this computer by its
 * interface's name, IPv4 first. Link-local IPv6 addresses (fe80::) are left out: a browser cannot
 * be given one without its zone, so no phone could open the join address.
 */
import os from 'node:os';
import type { RoomInterface } from '../../shared/api/methods/room';

export type InterfaceSource = () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;

export function listInterfaces(source: InterfaceSource = os.networkInterfaces): RoomInterface[] {
  const out: RoomInterface[] = [];
  for (const [name, infos] of Object.entries(source())) {
    for (const info of infos ?? []) {
      const family = info.family === 'IPv6' || (info.family as unknown) === 6 ? 'IPv6' : 'IPv4';
      if (family === 'IPv6' && /^fe80:/i.test(info.address)) continue;
      out.push({ name, address: info.address, family, internal: info.internal });
    }
  }
  // The addresses other devices can reach first (IPv4, then IPv6), this computer's own last.
  const rank = (i: RoomInterface) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The address as it goes in a URL's host (IPv6 in brackets). */
export const urlHost = (address: string): string => (address.includes(':') ? `[${address}]` : address);

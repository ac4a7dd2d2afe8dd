/** Bytes to base64, as the API carries files (in slices: one call per byte would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) parts.push(String.fromCharCode(...bytes.subarray(i, i + slice)));
  return btoa(parts.join(''));
}

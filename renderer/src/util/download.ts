/**
 * Hands a file the app made (a report, an export) to the user: the browser's download, or in
 * Electron the system's save dialog. Nothing leaves the computer: the bytes never go further
 * than a blob: URL in this window.
 */
export function saveFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL stops working.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Base64 (as the API carries files) to bytes. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

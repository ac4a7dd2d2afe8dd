/**
 * Portable project files, the pure part shared by main and the renderer: how large a file may be,
 * what the JSON export calls itself, and the file names made from a project's title.
 */

/**
 * The largest project file (.journey or JSON) that can be imported (and exported). Saved versions
 * are whole maps, so a 2,000-note project with ten of them is about 9 MB. Files travel to main as
 * base64 inside one API message; the web host accepts messages that large (main/host/server.ts).
 */
export const MAX_PROJECT_FILE_BYTES = 50 * 1024 * 1024;
/** The same limit in base64 characters (4 for every 3 bytes). */
export const MAX_PROJECT_FILE_BASE64 = Math.ceil(MAX_PROJECT_FILE_BYTES / 3) * 4;

export const JOURNEY_EXTENSION = '.journey';
export const JSON_EXTENSION = '.json';

/** The JSON export's `format` field and the version of its layout (see main/portable/json.ts). */
export const JSON_FORMAT = 'journeywall-project';
export const JSON_FORMAT_VERSION = 1;

/** "20 MB", "1.4 MB", "312 KB" (powers of 1024, as file managers show sizes). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name made from a project's title that is safe on every system: letters (of any script),
 * digits, spaces and - _ ( ) ' only, at most 80 characters before the extension. Anything else
 * (/ \ : * ? " < > | dots, control characters …) becomes a space; runs of spaces become one.
 * "Acme: onboarding / 2026" → "Acme onboarding 2026.journey".
 */
export function projectFileName(title: string, extension: string): string {
  const base = [
    ...title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N} _()'-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, 80)
    .join('')
    .trim();
  const safe = base === '' ? 'project' : RESERVED.test(base) ? `${base} project` : base;
  return `${safe}${extension}`;
}

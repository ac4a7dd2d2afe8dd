/**
 * A photo file chosen by the user, made ready to send: checked from its bytes first (the same
 * check main makes, so a refusal is said at once), then drawn at most 512 px on its long side by
 * the browser's own decoder (which also knows WebP and is far faster than main's) and sent as a
 * JPEG. Main checks, decodes and, if it must, scales it again.
 */
import { PHOTO_LONG_SIDE, inspectImage, scaledSize } from '../../../shared/domain/image';
import { toBase64 } from '../portable/base64';

export type PreparedPhoto = { ok: true; data: string } | { ok: false; message: string };

export async function preparePhotoFile(file: Blob): Promise<PreparedPhoto> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = inspectImage(bytes);
  if (!check.ok) return check;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: check.type }));
  } catch {
    return { ok: false, message: 'This image is damaged and cannot be read.' };
  }
  if (Math.max(check.width, check.height) <= PHOTO_LONG_SIDE && check.type !== 'image/webp') {
    bitmap.close();
    return { ok: true, data: toBase64(bytes) };
  }
  const size = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
  if (!blob) return { ok: false, message: 'The photo could not be scaled down.' };
  return { ok: true, data: toBase64(new Uint8Array(await blob.arrayBuffer())) };
}

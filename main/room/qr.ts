/** The join address as a QR code, made here (package `qrcode`, no network): its dark modules as one SVG path. */
import QRCode from 'qrcode';

export function qrPath(text: string): { size: number; path: string } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const data = code.modules.data;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) path += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, path };
}

import QRCode from 'qrcode';

export interface QrShape {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** An SVG path drawing the dark modules, one unit per module. */
  path: string;
}

const quietZone = 4;

/**
 * A QR code as an SVG path, so pages draw it with plain React (no image files, no inline HTML).
 * Medium error correction survives a creased or smudged printout.
 */
export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) parts.push(`M${column + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * quietZone, path: parts.join('') };
}

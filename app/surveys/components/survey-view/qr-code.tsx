/** A QR code drawn from a path made on the server (app/surveys/qr.server.ts). */
export function QrCode({ size, path, label }: { size: number; path: string; label: string }) {
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

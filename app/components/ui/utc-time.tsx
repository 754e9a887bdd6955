/** A moment as `2025-03-01 14:05 UTC`: one format and zone, so server and browser agree. */
export function UtcTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}

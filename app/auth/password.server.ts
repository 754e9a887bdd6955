import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

// scrypt with 32 MiB of memory per hash (N=2^15, r=8): about a tenth of a second here, and
// costly to run by the million on GPUs. The parameters are stored with each hash, so they can
// be raised later without invalidating existing passwords.
const params = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 64;
const saltLength = 16;

function derive(plain: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes, or node refuses the parameters.
    const maxmem = 256 * (options.N ?? params.N) * (options.r ?? params.r);
    scrypt(plain.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url; a fresh random salt every time. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(plain, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when plain matches the hash; false for a wrong password or a hash it cannot read. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const parsed = parse(hash);
  if (!parsed) return false;
  const key = await derive(plain, parsed.salt, parsed.options);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

function parse(hash: string) {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(hash);
  if (!match) return undefined;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Refuse parameters no hash of ours has, so a tampered hash cannot make us allocate gigabytes.
  if (N > 2 ** 20 || r > 32 || p > 16 || N < 2 || (N & (N - 1)) !== 0) return undefined;
  return {
    options: { N, r, p },
    salt: Buffer.from(match[4] ?? '', 'base64url'),
    key: Buffer.from(match[5] ?? '', 'base64url'),
  };
}

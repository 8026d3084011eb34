// node:crypto is loaded on first use: most runs never hash or write anything, and loading it costs
// every process start-up time.
let crypto: typeof import('node:crypto') | undefined;

const loaded = () => (crypto ??= require('node:crypto') as typeof import('node:crypto'));

/** Hex SHA-256 of the bytes, or of the text's UTF-8 bytes. */
export const sha256 = (data: string | Uint8Array): string =>
  (typeof data === 'string' ? loaded().createHash('sha256').update(data, 'utf8') : loaded().createHash('sha256').update(data)).digest('hex');

/** Random bytes for temporary file names. */
export const randomBytes = (size: number): Buffer => loaded().randomBytes(size);

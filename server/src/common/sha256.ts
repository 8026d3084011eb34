// node:crypto is loaded on first use: most runs never hash anything, and loading it costs
// every process start-up time.
let crypto: typeof import('node:crypto') | undefined;

/** Hex SHA-256 of the text's UTF-8 bytes. */
export const sha256 = (text: string): string => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * FNV-1a over the text's UTF-16 code units, 64 bits, as 16 hex digits: a stable short name
 * for a string without loading node:crypto (~8 ms at start-up). Not for anything an attacker
 * chooses to collide.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

// Writes images/icon.png (128x128 RGBA): a shield with a check mark on a rounded square.
// Pure node (zlib for the PNG's deflate stream), 4x4 supersampling for smooth edges.
//   node scripts/makeIcon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4;

function insideRoundedSquare(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Shield: flat top with rounded shoulders, sides curving to a point at the bottom. */
function insideShield(x, y, inset = 0) {
  const top = 22 + inset;
  const bottom = 112 - inset * 1.4;
  const half = 38 - inset;
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const width = t < 0.45 ? half : half * Math.cos(((t - 0.45) / 0.55) * (Math.PI / 2)) ** 0.8;
  const dip = t < 0.08 ? (1 - t / 0.08) * 6 : 0; // a slight notch at the top centre
  if (Math.abs(x - 64) < 14 && y < top + dip * (1 - Math.abs(x - 64) / 14)) return false;
  return Math.abs(x - 64) <= width;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideCheck(x, y) {
  const w = 6.5;
  return distanceToSegment(x, y, 45, 66, 59, 80) <= w || distanceToSegment(x, y, 59, 80, 86, 50) <= w;
}

function colorAt(x, y) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (insideCheck(x, y) && insideShield(x, y, 6)) return [255, 255, 255, 255];
  if (insideShield(x, y, 6)) return [22, 163, 74, 255]; // green inner shield
  if (insideShield(x, y)) return [236, 253, 245, 255]; // light rim
  const t = y / SIZE; // background gradient: deep blue to indigo
  return [Math.round(30 + 20 * t), Math.round(41 + 10 * t), Math.round(82 + 40 * t), 255];
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colorAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        // Premultiply so transparent samples do not darken edges.
        sum[0] += c[0] * c[3];
        sum[1] += c[1] * c[3];
        sum[2] += c[2] * c[3];
        sum[3] += c[3];
      }
    }
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    raw[offset] = sum[3] ? Math.round(sum[0] / sum[3]) : 0;
    raw[offset + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0;
    raw[offset + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = fileURLToPath(new URL('../images/icon.png', import.meta.url));
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);

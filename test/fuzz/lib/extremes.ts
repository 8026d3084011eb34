import { createPrng, randomString } from './prng';

/** Generated inputs at the edges: size, encoding, line endings, odd roots. */

/** A config of `bytes` UTF-16 units: many servers, so every rule has work to do. */
export function hugeConfig(bytes: number, rootKey = 'mcpServers'): string {
  const parts: string[] = [`{"${rootKey}": {`];
  let size = parts[0].length;
  for (let i = 0; size < bytes - 200; i++) {
    const entry = `${i ? ',' : ''}\n  "s${i}": {"command": "npx", "args": ["-y", "pkg-${i}@latest", "/"], "env": {"API_KEY": "k${i}"}, "url": "http://h${i}.example.com/mcp"}`;
    parts.push(entry);
    size += entry.length;
  }
  parts.push('\n}}\n');
  return parts.join('');
}

/** One config holding a string of `length` characters (in env, args and url). */
export function hugeStringConfig(length: number): string {
  const big = 'x'.repeat(length);
  return `{"mcpServers": {"big": {"command": "npx", "args": ["-y", "${big}"], "env": {"TOKEN": "ghp_${big}"}, "url": "http://${big}.example.com/"}}}`;
}

/** Every server on one very long line. */
export function longLineConfig(servers: number): string {
  const entries = Array.from({ length: servers }, (_, i) => `"s${i}": {"command": "npx", "args": ["-y", "p${i}"]}`);
  return `{"mcpServers": {${entries.join(', ')}}}`;
}

const BASE = `{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github", "/"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "TOKEN" }
    },
    "remote": { "url": "http://api.example.com/mcp", "headers": { "Authorization": "Bearer TOKEN" } }
  }
}
`;

/** A small config with a token, for the encoding variants below. */
export function baseConfig(token: string): string {
  return BASE.replace(/TOKEN/g, token);
}

/** Named variants of a JSON config that stress encodings and line breaks. */
export function encodingVariants(text: string): Record<string, string> {
  return {
    bom: '\ufeff' + text,
    'double BOM': '\ufeff\ufeff' + text,
    crlf: text.replace(/\n/g, '\r\n'),
    'lone CR': text.replace(/\n/g, '\r'),
    'mixed line breaks': text.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r', '\u2028'][i % 4]),
    'NUL everywhere': text.replace(/ /g, '\u0000'),
    'NUL in strings': text.replace(/"github"/g, '"git\u0000hub"').replace(/npx/g, 'n\u0000px'),
    'lone high surrogate in key and value': text.replace(/"github"/g, '"\ud800git"').replace(/npx/g, 'npx\ud800'),
    'lone low surrogate': text.replace(/npx/g, '\udc00npx'),
    'escaped lone surrogate': text.replace(/npx/g, 'npx\\ud800'),
    'astral characters': text.replace(/github/g, '𝔤𝔦𝔱😀'),
    'U+2028/2029 in strings': text.replace(/npx/g, 'np\u2028x\u2029'),
    'tabs and vertical tabs': text.replace(/ {2}/g, '\t\v'),
    'duplicate server keys': text.replace('"remote"', '"github"'),
    'duplicate env keys': text.replace('"GITHUB_PERSONAL_ACCESS_TOKEN": ', '"A": "1", "A": "2", "GITHUB_PERSONAL_ACCESS_TOKEN": '),
    'duplicate root keys': text.trimEnd().slice(0, -1) + ', "mcpServers": {"x": {"command": "npx", "args": ["y"]}}}\n',
    'no trailing newline': text.trimEnd(),
    'CR at the very end': text.trimEnd() + '\r',
    'CRLF split by a cut': text.replace(/\n/g, '\r\n').slice(0, -1),
  };
}

/** Files that are not configs at all. */
export function badFiles(seed: number): Record<string, string> {
  const random = createPrng(seed);
  const bytes = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  return {
    empty: '',
    'whitespace only': ' \n\t\r\n  \r',
    'array root': '[{"command": "npx"}, 1, "x"]',
    'string root': '"mcpServers"',
    'number root': '42',
    'null root': 'null',
    'binary as latin1': bytes.toString('latin1'),
    'binary as utf8': bytes.toString('utf8'),
    'markdown saved as .json':
      '# MCP setup\n\nAdd this to your config:\n\n```json\n{"mcpServers": {"x": {"command": "npx", "args": ["-y", "pkg"]}}}\n```\n\n- step 1\n- step 2\n',
    html: '<!DOCTYPE html><html><body>{"mcpServers": {}}</body></html>',
    'shell script': '#!/bin/sh\nnpx -y pkg --token=$TOKEN\n',
    'random words': randomString(random, 2000, 'abc {}[]:,"\n='),
  };
}

/**
 * `dist/server.js`: loads the language server bundle (`dist/server-main.js`, built from
 * server-main.ts) through V8's code cache when the client names a cache directory (its global
 * storage, CODE_CACHE_DIR_ENV). Compiling the ~0.9 MB bundle and the code the first lint runs
 * is about 60 ms of every server start on a 2-core machine; with the cache it is a few ms.
 */
import { join } from 'node:path';
import { CODE_CACHE_DIR_ENV } from './common/protocol';
import { loadWithCodeCache } from './codeCache';

const mainFile = join(__dirname, 'server-main.js');
const cacheDir = process.env[CODE_CACHE_DIR_ENV];

if (cacheDir) loadWithCodeCache(mainFile, cacheDir, module);
else require(mainFile);

/** LintQueue on a hand-driven macrotask queue: every step is counted, nothing is timed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LintQueue, SupersededError } from '../../server/src/handlers/lintQueue';
import type { LintSteps } from '../../server/src/engine';

/** setImmediate whose callbacks run only when the test says so. */
function manualTicks() {
  let pending: Array<() => void> = [];
  return {
    setImmediate(callback: () => void) {
      pending.push(callback);
      return { dispose: () => (pending = pending.filter((c) => c !== callback)) };
    },
    /** Runs the callbacks scheduled so far (one macrotask); returns how many ran. */
    tick(): number {
      const now = pending;
      pending = [];
      now.forEach((callback) => callback());
      return now.length;
    },
  };
}

/** A stepwise lint of `steps` pauses that records each step in `log` and returns `value`. */
function* lintOf<T>(value: T, steps: number, log: string[] = [], name = 'lint'): LintSteps<T> {
  for (let i = 0; i < steps; i++) {
    log.push(`${name} step ${i}`);
    yield;
  }
  log.push(`${name} done`);
  return value;
}

test('a small document is linted inline to its end, before any macrotask', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  const log: string[] = [];
  const result = queue.run(100, () => lintOf(1, 3, log));
  assert.deepEqual(log, ['lint step 0', 'lint step 1', 'lint step 2', 'lint done']);
  assert.equal(await result, 1);
  assert.equal(ticks.tick(), 0, 'nothing was scheduled');
});

test('a large lint waits while messages keep arriving, then starts on the first quiet macrotask and runs one step per macrotask', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  const log: string[] = [];
  const result = queue.run(101, () => lintOf(1, 2, log));
  for (let i = 0; i < 3; i++) {
    queue.noteActivity();
    ticks.tick();
  }
  assert.equal(log.length, 0, 'every macrotask had a message to answer');
  ticks.tick(); // starts it
  ticks.tick();
  assert.deepEqual(log, ['lint step 0']);
  // A message handled now runs between two steps: the lint does not hold the event loop.
  log.push('hover answered');
  ticks.tick();
  ticks.tick();
  assert.deepEqual(log, ['lint step 0', 'hover answered', 'lint step 1', 'lint done']);
  assert.equal(await result, 1);
});

test('a client that never stops sending cannot starve a large lint: it starts after 50 yields', () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  const log: string[] = [];
  void queue.run(101, () => lintOf(1, 1, log));
  let macrotasks = 0;
  while (log.length === 0 && macrotasks < 1000) {
    queue.noteActivity();
    macrotasks += ticks.tick();
  }
  assert.equal(macrotasks, 52, '50 yields, the start, then its first step');
});

test('a large lint nobody wants any more is dropped, before or between its steps; shutdown skips the rest; the queue keeps going after a throwing lint', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  const log: string[] = [];
  let wantedMidway = true;
  const unwanted = queue.run(
    101,
    () => lintOf(0, 2, log, 'unwanted'),
    () => false,
  );
  const abandoned = queue.run(
    101,
    () => lintOf(0, 3, log, 'abandoned'),
    () => wantedMidway,
  );
  const throwing = queue.run(101, function* () {
    yield;
    throw new Error('engine bug');
  });
  const wanted = queue.run(101, () => lintOf(1, 1, log, 'wanted'));
  const late = queue.run(101, () => lintOf(2, 1, log, 'late'));
  ticks.tick(); // unwanted: skipped at its turn
  ticks.tick(); // abandoned starts
  ticks.tick(); // its first step
  wantedMidway = false;
  for (let i = 0; i < 7; i++) ticks.tick();
  await assert.rejects(unwanted, SupersededError);
  await assert.rejects(abandoned, SupersededError);
  await assert.rejects(throwing, /engine bug/);
  assert.equal(await wanted, 1);
  queue.dispose();
  await assert.rejects(late, SupersededError);
  assert.equal(ticks.tick(), 0, 'nothing left scheduled');
  assert.deepEqual(log, ['abandoned step 0', 'wanted step 0', 'wanted done']);
});

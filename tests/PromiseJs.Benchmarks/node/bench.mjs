// The node side of the README's "beside node" rows, measured the same way as the C# rows:
//   - a 1,000,000-long then-chain built on a pending promise, resolved, awaited to its end (ns per then, bytes per then);
//   - Promise.all over 100,000 settled promises and over 100,000 pending ones resolved after the call (ns per element).
// Run: node --expose-gc tests/PromiseJs.Benchmarks/node/bench.mjs   (median of 15 runs after 5 warm-ups)
const runs = 15;
const warmups = 5;

async function chain(length) {
  let resolve;
  const source = new Promise(r => { resolve = r; });
  let last = source;
  for (let i = 0; i < length; i++) {
    last = last.then(x => x + 1);
  }
  resolve(0);
  const value = await last;
  if (value !== length) throw new Error('the chain did not run every link');
}

async function allSettled(count) {
  const inputs = new Array(count);
  for (let i = 0; i < count; i++) inputs[i] = Promise.resolve(i);
  const start = process.hrtime.bigint();
  const values = await Promise.all(inputs);
  const end = process.hrtime.bigint();
  if (values.length !== count) throw new Error('all lost values');
  return Number(end - start);
}

async function allPending(count) {
  const resolvers = new Array(count);
  const inputs = new Array(count);
  for (let i = 0; i < count; i++) inputs[i] = new Promise(r => { resolvers[i] = r; });
  const start = process.hrtime.bigint();
  const all = Promise.all(inputs);
  for (let i = count - 1; i >= 0; i--) resolvers[i](i);
  const values = await all;
  const end = process.hrtime.bigint();
  if (values.length !== count) throw new Error('all lost values');
  return Number(end - start);
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(name, perOp, unit, once) {
  for (let i = 0; i < warmups; i++) await once();
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    if (globalThis.gc) globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    times.push(await once());
    bytes += process.memoryUsage().heapUsed - before;
  }
  const ns = median(times) / perOp;
  console.log(`${name}: ${ns.toFixed(1)} ns per ${unit}` +
    (globalThis.gc ? ` (heap growth ~${Math.round(bytes / runs / perOp)} B per ${unit}, GC not forced during a run)` : ''));
}

console.log(`node ${process.version}, ${process.arch}`);
await measure('then-chain of 1,000,000 (per then)', 1_000_000, 'then', () => timed(() => chain(1_000_000)));
await measure('Promise.all over 100,000 settled (per element)', 100_000, 'element', () => allSettled(100_000));
await measure('Promise.all over 100,000 pending, resolved after the call (per element)', 100_000, 'element', () => allPending(100_000));

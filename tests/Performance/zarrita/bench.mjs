// Usage: node bench.mjs <storeRoot> <arrayPath>
// Reads the sharded benchmark array with zarrita, one pass per request, so that the caller can
// time passes the way it times its own reads, with node's start-up and module loading done
// before the first. Requests arrive on stdin, one per line; each answer is one JSON line:
//   ready                      -> {"ready":true}                      (modules loaded, array opened once)
//   run <pattern> <inFlight>   -> {"ms":<pass time inside node>}
//   hash <pattern> <inFlight>  -> {"ms":…,"sha256":"<hex>"}          (the pass's values placed in one C-order array)
// Patterns: "all" (one zarr.get of the whole array), "shards" (one zarr.get per shard),
// "inner" (one zarr.get per inner chunk). <inFlight> gets are awaited at a time, from a list
// in C order of the chunk grid; "all" is a single get and ignores it.
import { createHash } from "node:crypto";
import * as path from "node:path";
import * as readline from "node:readline";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

const [storeRoot, arrayPath = "/"] = process.argv.slice(2);
if (!storeRoot) {
	console.error("usage: node bench.mjs <storeRoot> <arrayPath>");
	process.exit(2);
}
const store = new FileSystemStore(path.resolve(storeRoot));
const location = zarr.root(store).resolve(arrayPath);

// Boxes of the pattern: [start, stop) per dimension, in C order of their grid.
function boxes(shape, edge) {
	const grid = shape.map((n, d) => Math.ceil(n / edge[d]));
	const count = grid.reduce((a, b) => a * b, 1);
	const result = [];
	for (let i = 0; i < count; i++) {
		const index = [];
		for (let d = grid.length - 1, rest = i; d >= 0; d--) {
			index[d] = rest % grid[d];
			rest = Math.floor(rest / grid[d]);
		}
		result.push(index.map((k, d) => [k * edge[d], Math.min((k + 1) * edge[d], shape[d])]));
	}
	return result;
}

// A fresh zarrita array per pass: its shard-index cache starts empty, as on a first read.
async function pass(pattern, inFlight, sink) {
	const arr = await zarr.open.v3(location, { kind: "array" });
	if (pattern === "all") {
		const result = await zarr.get(arr);
		sink?.(result, arr.shape.map((n) => [0, n]));
		return;
	}
	const edge = pattern === "inner" ? arr.chunks : outerChunks;
	const list = boxes(arr.shape, edge);
	let next = 0;
	async function worker() {
		while (next < list.length) {
			const box = list[next++];
			const result = await zarr.get(arr, box.map(([start, stop]) => zarr.slice(start, stop)));
			sink?.(result, box);
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, inFlight) }, worker));
}

// Copies a get's result into its place in one C-order array of the whole shape.
function assembler(shape) {
	const whole = new Uint16Array(shape.reduce((a, b) => a * b, 1));
	const wholeStride = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
	return {
		whole,
		sink({ data, shape: boxShape, stride }, box) {
			const count = boxShape.reduce((a, b) => a * b, 1);
			const index = new Array(boxShape.length).fill(0);
			for (let k = 0; k < count; k++) {
				let from = 0;
				let to = 0;
				for (let d = 0; d < boxShape.length; d++) {
					from += index[d] * stride[d];
					to += (box[d][0] + index[d]) * wholeStride[d];
				}
				whole[to] = data[from];
				for (let d = boxShape.length - 1; d >= 0 && ++index[d] === boxShape[d]; d--) index[d] = 0;
			}
		},
	};
}

let outerChunks;

async function handle(line) {
	const [command, pattern, inFlightText] = line.trim().split(/\s+/);
	if (command === "ready") {
		const arr = await zarr.open.v3(location, { kind: "array" });
		if (arr.dtype !== "uint16") throw new Error(`expected a uint16 array, not ${arr.dtype}`);
		const metadata = JSON.parse(new TextDecoder().decode(await store.get(location.resolve("zarr.json").path)));
		outerChunks = metadata.chunk_grid.configuration.chunk_shape;
		return { ready: true };
	}
	if (!["all", "shards", "inner"].includes(pattern)) throw new Error(`unknown pattern: ${pattern}`);
	const inFlight = Number(inFlightText ?? 1);
	if (command === "run") {
		const start = performance.now();
		await pass(pattern, inFlight);
		return { ms: performance.now() - start };
	}
	if (command === "hash") {
		const arr = await zarr.open.v3(location, { kind: "array" });
		const target = assembler(arr.shape);
		const start = performance.now();
		await pass(pattern, inFlight, target.sink);
		const ms = performance.now() - start;
		const bytes = new Uint8Array(target.whole.buffer);
		return { ms, sha256: createHash("sha256").update(bytes).digest("hex") };
	}
	throw new Error(`unknown command: ${command}`);
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
	if (line.trim() === "") continue;
	try {
		process.stdout.write(`${JSON.stringify(await handle(line))}\n`);
	} catch (err) {
		process.stdout.write(`${JSON.stringify({ error: `${err?.name ?? "Error"}: ${err?.message ?? err}` })}\n`);
	}
}

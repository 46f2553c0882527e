// Usage: node read.mjs <storeRoot> <arrayPath>
// Prints every element of a Zarr v3 array in C order, one JSON fill-value form per line.
import * as path from "node:path";
import { Float16Array } from "@petamoriken/float16";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

// zarrita maps float16 to globalThis.Float16Array, which Node 20 lacks.
globalThis.Float16Array ??= Float16Array;

function formatter(dtype) {
	switch (dtype) {
		case "bool":
		case "int8": case "int16": case "int32": case "int64":
		case "uint8": case "uint16": case "uint32": case "uint64":
			return (v) => String(v); // booleans, numbers and bigints all print exactly
		case "float16": case "float32": case "float64":
			return (v) => {
				if (Number.isNaN(v)) return '"NaN"';
				if (v === Infinity) return '"Infinity"';
				if (v === -Infinity) return '"-Infinity"';
				return Object.is(v, -0) ? "-0" : String(v); // String(-0) is "0"
			};
		case "string":
			return (v) => JSON.stringify(v);
		default:
			throw new Error(`unsupported data type: ${dtype}`);
	}
}

// zarrita reads metadata with JSON.parse, so 64-bit integer fills beyond 2^53 lose precision,
// and it turns hex float fills such as "0x7fc00000" into the integer 2143289344. Refuse such
// arrays rather than print wrong values.
async function checkFillValue(store, loc, arr) {
	const text = new TextDecoder().decode(await store.get(loc.resolve("zarr.json").path));
	const raw = JSON.parse(text).fill_value;
	if (arr.dtype.startsWith("float") && typeof raw === "string" && !["NaN", "Infinity", "-Infinity"].includes(raw)) {
		throw new Error(`zarrita cannot read float fill_value ${JSON.stringify(raw)}`);
	}
	const token = arr.is("bigint") && text.match(/"fill_value"\s*:\s*(-?\d+)\s*[,}]/)?.[1];
	if (token && BigInt(token) !== arr.fillValue) {
		throw new Error(`zarrita cannot read ${arr.dtype} fill_value ${token} exactly (got ${arr.fillValue})`);
	}
}

async function main() {
	const [storeRoot, arrayPath = ""] = process.argv.slice(2);
	if (!storeRoot) throw new Error("usage: node read.mjs <storeRoot> <arrayPath>");
	const store = new FileSystemStore(path.resolve(storeRoot));
	const loc = zarr.root(store).resolve(arrayPath || "/");
	const arr = await zarr.open.v3(loc, { kind: "array" });
	const fmt = formatter(arr.dtype);
	await checkFillValue(store, loc, arr);
	// zarrita's get() throws on zero-length arrays; there is nothing to print anyway.
	if (arr.shape.includes(0)) return;
	const result = await zarr.get(arr);
	if (arr.shape.length === 0) {
		process.stdout.write(`${fmt(result)}\n`);
		return;
	}
	// The result's strides follow the array's transpose order, so walk indices explicitly.
	const { data, shape, stride } = result;
	const at = "get" in data ? (i) => data.get(i) : (i) => data[i];
	const n = shape.reduce((a, b) => a * b, 1);
	const idx = new Array(shape.length).fill(0);
	const lines = [];
	for (let k = 0; k < n; k++) {
		let off = 0;
		for (let d = 0; d < shape.length; d++) off += idx[d] * stride[d];
		lines.push(fmt(at(off)));
		for (let d = shape.length - 1; d >= 0 && ++idx[d] === shape[d]; d--) idx[d] = 0;
	}
	process.stdout.write(lines.length ? `${lines.join("\n")}\n` : "");
}

main().catch((err) => {
	let msg = `read.mjs: ${err?.name ?? "Error"}: ${err?.message ?? err}`;
	for (let c = err?.cause; c; c = c.cause) msg += `\n  caused by: ${c.message ?? c}`;
	console.error(msg);
	process.exitCode = 1;
});

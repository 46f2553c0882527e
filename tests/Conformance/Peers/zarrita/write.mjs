// Usage: node write.mjs <outdir>
// Writes a Zarr v3 hierarchy with zarrita and lists its arrays in <outdir>/arrays.txt.
import * as fs from "node:fs";
import * as path from "node:path";
import { Float16Array } from "@petamoriken/float16";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

// zarrita maps float16 to globalThis.Float16Array, which Node 20 lacks.
globalThis.Float16Array ??= Float16Array;
// zarrita's own gzip codec only decodes; numcodecs.js (a zarrita dependency) also encodes.
// It stamps the current time into the gzip header (bytes 4-7): zero it for reproducible output.
zarr.registry.set("gzip", async () => {
	const { default: GZip } = await import("numcodecs/gzip");
	return {
		fromConfig(config) {
			const gzip = GZip.fromConfig(config);
			return { encode: (bytes) => gzip.encode(bytes).fill(0, 4, 8), decode: (bytes) => gzip.decode(bytes) };
		},
	};
});

// numcodecs.js's Blosc takes shuffle as c-blosc's number and turns the v3 names ("shuffle")
// into 0 without a word, so zarrita would write unshuffled frames: map the names first.
zarr.registry.set("blosc", async () => {
	const { default: Blosc } = await import("numcodecs/blosc");
	const SHUFFLE = { noshuffle: 0, shuffle: 1, bitshuffle: 2 };
	return { fromConfig: (config) => Blosc.fromConfig({ ...config, shuffle: SHUFFLE[config.shuffle] }) };
});

const outdir = process.argv[2];
if (!outdir) {
	console.error("usage: node write.mjs <outdir>");
	process.exit(2);
}
if (fs.existsSync(outdir) && fs.readdirSync(outdir).length > 0) {
	console.error(`refusing to write into non-empty directory: ${outdir}`);
	process.exit(2);
}
const store = new FileSystemStore(path.resolve(outdir));
const root = zarr.root(store);

// ---- deterministic values: element i of the flat C-order array ----

const INT_BITS = { int8: 8, int16: 16, int32: 32, int64: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64 };
const FLOAT_LIMITS = {
	// [max finite, min positive normal, min positive subnormal]
	float16: [65504, 2 ** -14, 2 ** -24],
	float32: [3.4028234663852886e38, 2 ** -126, 2 ** -149],
	float64: [Number.MAX_VALUE, 2 ** -1022, Number.MIN_VALUE],
};
const CTOR = {
	int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
	uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
	float16: Float16Array, float32: Float32Array, float64: Float64Array,
};

function value(dtype, i) {
	if (dtype === "bool") return i % 3 !== 1;
	if (dtype in INT_BITS) {
		const span = 1n << BigInt(INT_BITS[dtype]);
		const min = dtype.startsWith("u") ? 0n : -(span / 2n);
		const max = min + span - 1n;
		const special = min < 0n ? [min, max, 0n, -1n, 1n, min + 1n, max - 1n] : [0n, max, 1n, max - 1n, span / 2n, span / 2n - 1n, 2n];
		// beyond the extremes: a golden-ratio walk over the whole range
		const v = i < special.length ? special[i] : min + ((BigInt(i) * 0x9e3779b97f4a7c15n) % span);
		return INT_BITS[dtype] === 64 ? v : Number(v);
	}
	const [max, minNormal, minSub] = FLOAT_LIMITS[dtype];
	const special = [NaN, Infinity, -Infinity, -0, 0, max, -max, minNormal, minSub, -minSub, 1, -1, 0.1];
	if (i < special.length) return special[i];
	return Math.sin(i) * 10 ** ((i % 7) - 3); // mixed signs and magnitudes, rounded by the typed array
}

// Slowly varying values, which compress (most of value()'s do not).
function smooth(dtype, i) {
	if (dtype === "bool") return (i >> 4) % 2 === 0;
	if (dtype.startsWith("float")) return Math.floor(i / 4) * 0.5 - 100;
	const v = Math.floor(i / 4) % 120 - (dtype.startsWith("u") ? 0 : 60);
	return INT_BITS[dtype] === 64 ? BigInt(v) : v;
}

function typedValues(dtype, n, offset = 0, gen = value) {
	if (dtype === "bool") {
		const a = new zarr.BoolArray(n);
		for (let i = 0; i < n; i++) a.set(i, gen(dtype, offset + i));
		return a;
	}
	return CTOR[dtype].from({ length: n }, (_, i) => gen(dtype, offset + i));
}

const cStrides = (shape) => shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));

// ---- array definitions ----

const bytes = (endian = "little") => ({ name: "bytes", configuration: { endian } });
const transpose = (order) => ({ name: "transpose", configuration: { order } });
const gzip = { name: "gzip", configuration: { level: 5 } };
const zstd = { name: "zstd", configuration: { level: 3, checksum: false } };

const blosc = (cname, shuffle, clevel = 5, blocksize = 0) => ({ name: "blosc", configuration: { typesize: 4, cname, clevel, shuffle, blocksize } });
const BLOSC_CNAMES = ["lz4", "lz4hc", "blosclz", "zstd", "zlib"];
const BLOSC_SHUFFLES = ["noshuffle", "shuffle", "bitshuffle"];

const DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64"];
// Fill values per dtype. zarrita serialises metadata with JSON.stringify, so 64-bit
// fills must be JS numbers that are exact doubles (BigInt throws).
const FILL = {
	bool: true, int8: -128, int16: -32768, int32: -2147483648, int64: -(2 ** 53),
	uint8: 255, uint16: 65535, uint32: 4294967295, uint64: 2 ** 53,
	float16: Infinity, float32: NaN, float64: -Infinity,
};

const specs = [];
for (const dt of DTYPES) {
	const fill = FILL[dt];
	specs.push(
		{ path: `${dt}/bytes-le-1d`, dtype: dt, shape: [37], chunks: [8], codecs: [bytes()], fill },
		{ path: `${dt}/bytes-be-2d`, dtype: dt, shape: [7, 9], chunks: [3, 4], codecs: [bytes("big")], fill },
		{ path: `${dt}/transpose-3d`, dtype: dt, shape: [4, 5, 6], chunks: [3, 2, 4], codecs: [transpose([2, 0, 1]), bytes()], fill },
		{ path: `${dt}/gzip-2d`, dtype: dt, shape: [10, 11], chunks: [4, 4], codecs: [bytes(), gzip], fill },
		{ path: `${dt}/zstd-2d`, dtype: dt, shape: [10, 11], chunks: [4, 4], codecs: [bytes("big"), zstd], fill },
		// only [2, 9) is written: chunks 0-1 hold fill values around the data, chunks 2-3 are absent
		{ path: `${dt}/fill-1d`, dtype: dt, shape: [20], chunks: [6], codecs: [bytes()], fill, write: [2, 9] },
		{ path: `${dt}/scalar-0d`, dtype: dt, shape: [], chunks: [], codecs: [bytes()], fill, scalar: value(dt, 13) },
	);
}
// Blosc: every compressor with every shuffle, each on another data type. Chunks of 600 to
// 4800 bytes are compressed (c-blosc copies buffers under 128 bytes) and split into one stream
// per byte (numcodecs.js always gives c-blosc typesize 4); blocksize 256 makes several blocks.
BLOSC_CNAMES.forEach((cname, c) => BLOSC_SHUFFLES.forEach((shuffle, s) => {
	const k = c * BLOSC_SHUFFLES.length + s;
	const dt = DTYPES[k % DTYPES.length];
	specs.push({ path: `blosc/${cname}-${shuffle}-${dt}`, dtype: dt, shape: [40, 50], chunks: [20, 30], codecs: [bytes(), blosc(cname, shuffle, 1 + (k % 9))], fill: FILL[dt], smooth: true });
}));
specs.push(
	{ path: "blosc/lz4-shuffle-blocks-float64", dtype: "float64", shape: [30, 30], chunks: [16, 16], codecs: [bytes(), blosc("lz4", "shuffle", 5, 256)], fill: 0, smooth: true },
	{ path: "blosc/zstd-bitshuffle-be-int32", dtype: "int32", shape: [25, 41], chunks: [25, 20], codecs: [bytes("big"), blosc("zstd", "bitshuffle", 3)], fill: 0, smooth: true },
	{ path: "blosc/zlib-shuffle-random-float32", dtype: "float32", shape: [40, 50], chunks: [20, 30], codecs: [bytes(), blosc("zlib", "shuffle", 9)], fill: 0 },
	{ path: "blosc/blosclz-clevel-0-uint16", dtype: "uint16", shape: [30, 30], chunks: [16, 16], codecs: [bytes(), blosc("blosclz", "shuffle", 0)], fill: 0 },
	{ path: "blosc/lz4-small-chunk-int8", dtype: "int8", shape: [9], chunks: [4], codecs: [bytes(), blosc("lz4", "noshuffle")], fill: 0 },
);
specs.push(
	{ path: "special/key-dot-2d", dtype: "int32", shape: [5, 7], chunks: [2, 3], codecs: [bytes()], fill: 0, separator: "." },
	{ path: "special/key-v2-dot-2d", dtype: "int32", shape: [5, 7], chunks: [2, 3], codecs: [bytes()], fill: 0, keys: { name: "v2", configuration: { separator: "." } } },
	{ path: "special/key-v2-slash-3d", dtype: "uint16", shape: [3, 4, 5], chunks: [2, 2, 2], codecs: [bytes()], fill: 7, keys: { name: "v2", configuration: { separator: "/" } } },
	{ path: "special/key-v2-0d", dtype: "float64", shape: [], chunks: [], codecs: [bytes()], fill: 0, keys: { name: "v2", configuration: { separator: "." } }, scalar: -0 },
	{ path: "special/key-dot-0d", dtype: "int16", shape: [], chunks: [], codecs: [bytes()], fill: 0, separator: ".", scalar: -12345 },
	{ path: "special/transpose-2d-be-zstd", dtype: "float64", shape: [9, 13], chunks: [4, 5], codecs: [transpose([1, 0]), bytes("big"), zstd], fill: NaN },
	{ path: "special/transpose-3d-gzip", dtype: "int64", shape: [5, 3, 4], chunks: [2, 3, 3], codecs: [transpose([1, 2, 0]), bytes(), gzip], fill: -1 },
	{ path: "special/gzip-zstd-2d", dtype: "uint32", shape: [6, 6], chunks: [4, 4], codecs: [bytes(), gzip, zstd], fill: 1 },
	{ path: "special/4d", dtype: "int16", shape: [2, 3, 4, 5], chunks: [1, 2, 3, 2], codecs: [bytes("big")], fill: 3 },
	{ path: "special/chunk-larger-than-shape", dtype: "float32", shape: [3, 2], chunks: [8, 8], codecs: [bytes()], fill: 0.5 },
	{ path: "special/unit-chunks", dtype: "int8", shape: [3, 4], chunks: [1, 1], codecs: [bytes()], fill: 0 },
	{ path: "special/no-chunks-written", dtype: "float32", shape: [4, 3], chunks: [2, 2], codecs: [bytes()], fill: -Infinity, write: null },
	{ path: "special/partial-2d-nan-fill", dtype: "float32", shape: [8, 8], chunks: [3, 3], codecs: [bytes()], fill: NaN, write2d: [[1, 5], [2, 7]] },
	{ path: "special/zero-length-1d", dtype: "int32", shape: [0], chunks: [4], codecs: [bytes()], fill: 0 },
	{
		path: "special/dimnames-attrs-3d", dtype: "uint8", shape: [2, 3, 4], chunks: [2, 2, 2], codecs: [bytes()], fill: 9,
		dimensionNames: ["z", "y", "x"],
		attributes: { title: "zarrita peer", nested: { list: [1, 2.5, "three", null, true] }, unicode: "\u00e9\u4e2d\ud83d\ude00" },
	},
);

// ---- write ----

await zarr.create(root, { attributes: { generator: "zarrita" } });
const groups = new Set();
for (const s of specs) {
	const dir = s.path.split("/").slice(0, -1);
	for (let k = 1; k <= dir.length; k++) {
		const g = dir.slice(0, k).join("/");
		if (!groups.has(g)) await zarr.create(root.resolve(g), { attributes: {} });
		groups.add(g);
	}
	const loc = root.resolve(s.path);
	let arr = await zarr.create(loc, {
		dtype: s.dtype, shape: s.shape, chunkShape: s.chunks, codecs: s.codecs, fillValue: s.fill,
		chunkSeparator: s.separator, dimensionNames: s.dimensionNames, attributes: s.attributes,
	});
	if (s.keys) {
		// zarr.create only emits the "default" chunk key encoding: patch the metadata and reopen.
		const key = loc.resolve("zarr.json").path;
		const meta = JSON.parse(new TextDecoder().decode(await store.get(key)));
		meta.chunk_key_encoding = s.keys;
		await store.set(key, new TextEncoder().encode(JSON.stringify(meta, null, 2)));
		arr = await zarr.open.v3(loc, { kind: "array" });
	}
	if (s.write === null) continue;
	if (s.scalar !== undefined) {
		await zarr.set(arr, null, s.scalar);
	} else if (s.write) {
		const [a, b] = s.write;
		await zarr.set(arr, [zarr.slice(a, b)], { data: typedValues(s.dtype, b - a, a), shape: [b - a], stride: [1] });
	} else if (s.write2d) {
		const [[r0, r1], [c0, c1]] = s.write2d;
		const shape = [r1 - r0, c1 - c0];
		await zarr.set(arr, [zarr.slice(r0, r1), zarr.slice(c0, c1)], { data: typedValues(s.dtype, shape[0] * shape[1]), shape, stride: cStrides(shape) });
	} else if (s.shape.every((d) => d > 0)) {
		const n = s.shape.reduce((a, b) => a * b, 1);
		await zarr.set(arr, null, { data: typedValues(s.dtype, n, 0, s.smooth ? smooth : value), shape: s.shape, stride: cStrides(s.shape) });
	}
}
fs.writeFileSync(path.join(outdir, "arrays.txt"), specs.map((s) => `${s.path}\n`).join(""));
console.log(`wrote ${specs.length} arrays to ${outdir}`);

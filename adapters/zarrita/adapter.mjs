// The conformance-suite adapter for zarrita (spec/adapter-protocol.md).
//
//   node adapters/zarrita/adapter.mjs info
//   node adapters/zarrita/adapter.mjs read --store_path=DIR --array_path=/p
//   node adapters/zarrita/adapter.mjs write --case=REQUEST.json --store_path=DIR
//
// Exit 0: done. Exit 1: refused, with the reason on stderr: one of zarrita's own errors (which
// include a codec failing on a chunk's bytes), or a write zarrita cannot do exactly. Exit 2: bad
// arguments. Exit 3: anything else (a TypeError, an internal assertion), a crash, not a refusal.
import * as fs from "node:fs";
import * as path from "node:path";
import { Float16Array } from "@petamoriken/float16";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

// zarrita maps float16 to globalThis.Float16Array, which Node 20 lacks.
globalThis.Float16Array ??= Float16Array;

/** The adapter declines on zarrita's behalf: a node zarrita opens as a group, or a write zarrita cannot do exactly. */
class Refusal extends Error {
	name = "Refusal";
}

/** A usage error: not a refusal of the store. */
class UsageError extends Error {
	name = "UsageError";
}

const INTEGER_TYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];
const FLOAT_TYPES = ["float16", "float32", "float64"];
const FLOAT_BITS = { float16: 16, float32: 32, float64: 64 };
const CANONICAL_NAN = { float16: 0x7e00n, float32: 0x7fc00000n, float64: 0x7ff8000000000000n };
const BITS_VIEW = { float16: Uint16Array, float32: Uint32Array, float64: BigUint64Array };
const CTOR = {
	int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
	uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
	float16: Float16Array, float32: Float32Array, float64: Float64Array,
};

// What zarrita 0.7.5 reads, each claim checked on the fixture corpus (README.md).
const FEATURES = [
	"read", "write",
	...["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64", "string"].map((t) => `data-type:${t}`),
	...["bytes", "transpose", "gzip", "zstd", "blosc", "crc32c", "sharding_indexed", "vlen-utf8"].map((c) => `codec:${c}`),
	"chunk-key-encoding:default", "chunk-key-encoding:v2",
];

// What it also writes: zarr.create knows only the default key encoding, and zarrita cannot
// encode crc32c or vlen-utf8 nor set values on sharded arrays, so strings cannot be written.
const WRITE_FEATURES = FEATURES.filter((f) =>
	!["data-type:string", "codec:crc32c", "codec:sharding_indexed", "codec:vlen-utf8", "chunk-key-encoding:v2"].includes(f));

function zarritaVersion() {
	// zarrita's package.json is not in its "exports", so find it beside the resolved entry point.
	const entry = new URL(import.meta.resolve("zarrita"));
	for (let dir = path.dirname(entry.pathname); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const file = path.join(dir, "package.json");
		if (fs.existsSync(file)) {
			const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
			if (pkg.name === "zarrita") return pkg.version;
		}
	}
	throw new Error("zarrita's package.json not found");
}

function info() {
	const answer = { name: "zarrita", version: zarritaVersion(), language: "JavaScript", features: FEATURES, write_features: WRITE_FEATURES };
	process.stdout.write(`${JSON.stringify(answer)}\n`);
}

// ---- read ----

/** The printed form of an IEEE 754 element from its bits (the protocol's table; FloatBits in the reference). */
function floatText(dtype, value, bits) {
	const width = BigInt(FLOAT_BITS[dtype]);
	const mantissa = { float16: 10n, float32: 23n, float64: 52n }[dtype];
	const exponentMask = ((1n << (width - 1n - mantissa)) - 1n) << mantissa;
	const b = BigInt(bits);
	if ((b & exponentMask) === exponentMask) {
		if ((b & ((1n << mantissa) - 1n)) === 0n) return b >> (width - 1n) ? '"-Infinity"' : '"Infinity"';
		if (b === CANONICAL_NAN[dtype]) return '"NaN"';
		return `"0x${b.toString(16).padStart(Number(width) / 4, "0")}"`;
	}
	return Object.is(value, -0) ? "-0" : String(value); // String(-0) is "0"
}

/** A function printing element `i` of a chunk's `data`. */
function printer(dtype, data) {
	if (dtype === "bool") return (i) => String(data.get(i));
	if (INTEGER_TYPES.includes(dtype)) return (i) => String(data[i]);
	if (dtype === "string") return (i) => JSON.stringify(data[i]);
	if (FLOAT_TYPES.includes(dtype)) {
		// Read NaN payloads from the bits zarrita produced, not from a JS number.
		const bits = new BITS_VIEW[dtype](data.buffer, data.byteOffset, data.length);
		return (i) => floatText(dtype, data[i], bits[i]);
	}
	throw new Refusal(`the adapter cannot print zarrita's values of data type ${dtype}`);
}

// zarrita parses zarr.json with JSON.parse and maps only "NaN", "Infinity" and "-Infinity" to
// floats, so a 64-bit integer fill beyond 2^53 loses precision and a hex float fill such as
// "0x7fc00000" stays a string that fills chunks as Number("0x7fc00000") = 2143289344. The
// adapter still prints what zarrita holds (refusing would turn an invalid fill zarrita accepts
// into a refusal it never made), but says on stderr where zarrita's fill value differs.
async function noteFillValue(store, loc, arr) {
	const text = new TextDecoder().decode(await store.get(loc.resolve("zarr.json").path));
	const raw = parseJson(text).fill_value;
	const note = (held) => console.error(`note: zarrita holds the ${arr.dtype} fill_value ${typeof raw === "string" ? JSON.stringify(raw) : raw} as ${held}`);
	if (FLOAT_TYPES.includes(arr.dtype) && typeof raw === "string" && !["NaN", "Infinity", "-Infinity"].includes(raw)) {
		note(`a string, which fills chunks as the number ${Number(raw)} (rounded to ${arr.dtype})`);
	}
	if (arr.is("bigint") && (typeof raw === "number" || typeof raw === "bigint") && BigInt(raw) !== arr.fillValue) {
		note(`${arr.fillValue} (JSON.parse rounds it to a double)`);
	}
}

async function read(args) {
	const storePath = required(args, "store_path");
	const arrayPath = required(args, "array_path");
	const store = new FileSystemStore(path.resolve(storePath));
	const loc = zarr.root(store).resolve(arrayPath);
	const arr = await zarr.open.v3(loc);
	if (!(arr instanceof zarr.Array)) {
		// zarrita opens every node whose node_type is not "array" as a group.
		throw new Refusal(`zarrita opens ${arrayPath} as a group, not an array`);
	}
	await noteFillValue(store, loc, arr);
	const result = await zarr.get(arr);
	if (arr.shape.length === 0) {
		// zarrita returns a 0-d array's element as a scalar.
		const holder = arr.dtype === "bool" ? new zarr.BoolArray([result]) : arr.dtype === "string" ? [result] : new CTOR[arr.dtype]([result]);
		process.stdout.write(`${printer(arr.dtype, holder)(0)}\n`);
		return;
	}
	// The result's strides follow the array's transpose order, so walk C-order indices explicitly.
	const { data, shape, stride } = result;
	const print = printer(arr.dtype, data);
	const n = shape.reduce((a, b) => a * b, 1);
	const idx = new Array(shape.length).fill(0);
	const lines = [];
	for (let k = 0; k < n; k++) {
		let offset = 0;
		for (let d = 0; d < shape.length; d++) offset += idx[d] * stride[d];
		lines.push(print(offset));
		for (let d = shape.length - 1; d >= 0 && ++idx[d] === shape[d]; d--) idx[d] = 0;
	}
	process.stdout.write(lines.length ? `${lines.join("\n")}\n` : "");
}

// ---- write ----

// zarrita's own gzip codec only decodes; numcodecs.js (a zarrita dependency) also encodes, and
// zarrita's codec registry is its documented way to add one. numcodecs.js stamps the time into
// the gzip header (bytes 4-7): zero it, which RFC 1952 reads as "no time stamp".
function registerGzipEncoder() {
	zarr.registry.set("gzip", async () => {
		const { default: GZip } = await import("numcodecs/gzip");
		return {
			fromConfig(config) {
				const gzip = GZip.fromConfig(config);
				return { kind: "bytes_to_bytes", encode: (bytes) => gzip.encode(bytes).fill(0, 4, 8), decode: (bytes) => gzip.decode(bytes) };
			},
		};
	});
}

// numcodecs.js's Blosc takes shuffle as c-blosc's number (0, 1, 2) and turns the v3 names
// ("shuffle") into 0 without a word, so zarrita alone writes unshuffled frames under
// "shuffle": "shuffle". Map the names to the numbers first.
function registerBloscShuffleNames() {
	zarr.registry.set("blosc", async () => {
		const { default: Blosc } = await import("numcodecs/blosc");
		const SHUFFLE = { noshuffle: 0, shuffle: 1, bitshuffle: 2 };
		return { fromConfig: (config) => Blosc.fromConfig({ ...config, shuffle: SHUFFLE[config.shuffle] ?? config.shuffle }) };
	});
}

/** A float element or fill value from its JSON form, as a JS number and, when it is a NaN, its bits. */
function floatValue(dtype, json) {
	if (typeof json === "number" || typeof json === "bigint") return { value: Number(json) };
	if (json === "NaN") return { value: NaN, bits: CANONICAL_NAN[dtype] };
	if (json === "Infinity") return { value: Infinity };
	if (json === "-Infinity") return { value: -Infinity };
	if (typeof json === "string" && /^0x[0-9a-fA-F]+$/.test(json)) {
		const bits = BigInt(json);
		const scratch = new CTOR[dtype](1);
		new BITS_VIEW[dtype](scratch.buffer)[0] = dtype === "float64" ? bits : Number(bits);
		return { value: scratch[0], bits };
	}
	throw new UsageError(`not a ${dtype} value: ${JSON.stringify(json)}`);
}

/** The fill value to hand zarr.create, or a refusal where zarrita cannot store it exactly. */
function fillValue(dtype, json) {
	if (dtype === "bool") return json;
	if (dtype === "int64" || dtype === "uint64") {
		// zarrita writes zarr.json with JSON.stringify, which throws on a BigInt (the type its API
		// asks for) and prints doubles beyond 2^53 inexactly: only safe integers survive.
		const n = Number(json);
		if (!Number.isSafeInteger(n)) throw new Refusal(`zarrita cannot write the ${dtype} fill_value ${json}: JSON.stringify throws on a BigInt and rounds a Number beyond 2^53`);
		return n;
	}
	if (INTEGER_TYPES.includes(dtype)) return Number(json);
	if (FLOAT_TYPES.includes(dtype)) {
		const { value, bits } = floatValue(dtype, json);
		// zarrita writes every NaN as "NaN" and -0 as 0 (JSON.stringify drops the sign).
		if (Number.isNaN(value) && bits !== CANONICAL_NAN[dtype]) throw new Refusal(`zarrita cannot write the ${dtype} fill_value ${JSON.stringify(json)}: it writes every NaN as "NaN"`);
		if (Object.is(value, -0)) throw new Refusal(`zarrita cannot write the ${dtype} fill_value -0: JSON.stringify writes it as 0`);
		return value;
	}
	return json;
}

/** The request's values, in C order, as the typed array zarrita holds for the data type. */
function typedValues(dtype, values) {
	const n = values.length;
	if (dtype === "bool") {
		const data = new zarr.BoolArray(n);
		values.forEach((v, i) => data.set(i, v));
		return data;
	}
	if (dtype === "int64" || dtype === "uint64") return CTOR[dtype].from(values, (v) => BigInt(v));
	if (INTEGER_TYPES.includes(dtype)) return CTOR[dtype].from(values, (v) => Number(v));
	if (FLOAT_TYPES.includes(dtype)) {
		const data = new CTOR[dtype](n);
		const bits = new BITS_VIEW[dtype](data.buffer, data.byteOffset, n);
		values.forEach((v, i) => {
			const f = floatValue(dtype, v);
			data[i] = f.value;
			if (f.bits !== undefined) bits[i] = dtype === "float64" ? f.bits : Number(f.bits);
		});
		return data;
	}
	if (dtype === "string") return values.slice();
	throw new Refusal(`zarrita has no array type for data type ${JSON.stringify(dtype)}`);
}

/**
 * The codecs as zarrita's API takes them, `{name, configuration}`: metadata may name a codec
 * without configuration by its name alone (core spec, "Extension definition").
 */
function codecObjects(codecs) {
	return codecs.map((codec) => {
		if (typeof codec === "string") return { name: codec };
		if (codec.name === "sharding_indexed" && codec.configuration) {
			const { configuration } = codec;
			const inner = (list) => (Array.isArray(list) ? codecObjects(list) : list);
			return { ...codec, configuration: { ...configuration, codecs: inner(configuration.codecs), index_codecs: inner(configuration.index_codecs) } };
		}
		return codec;
	});
}

async function write(args) {
	const requestPath = required(args, "case");
	const storePath = required(args, "store_path");
	const request = parseJson(fs.readFileSync(requestPath, "utf8"));
	const meta = request.metadata;
	const dtype = meta.data_type;
	const shape = meta.shape.map(Number);
	if (meta.chunk_grid?.name !== "regular") throw new Refusal(`zarr.create writes only the regular chunk grid, not ${JSON.stringify(meta.chunk_grid?.name)}`);
	const keys = typeof meta.chunk_key_encoding === "string" ? { name: meta.chunk_key_encoding } : meta.chunk_key_encoding;
	if (keys?.name !== "default") throw new Refusal(`zarr.create writes only the "default" chunk key encoding, not ${JSON.stringify(keys?.name)}`);
	const values = request.values;
	if (values.length !== shape.reduce((a, b) => a * b, 1)) throw new UsageError(`${values.length} values for shape ${JSON.stringify(shape)}`);
	const data = typedValues(dtype, values);

	registerGzipEncoder();
	registerBloscShuffleNames();
	fs.mkdirSync(storePath, { recursive: true });
	const store = new FileSystemStore(path.resolve(storePath));
	const arr = await zarr.create(zarr.root(store), {
		dtype,
		shape,
		chunkShape: meta.chunk_grid.configuration.chunk_shape.map(Number),
		chunkSeparator: keys.configuration?.separator,
		codecs: codecObjects(meta.codecs),
		fillValue: fillValue(dtype, meta.fill_value),
		dimensionNames: meta.dimension_names,
		attributes: meta.attributes,
	});
	if (shape.length === 0) {
		await zarr.set(arr, null, data instanceof zarr.BoolArray ? data.get(0) : data[0]);
		return;
	}
	const stride = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
	await zarr.set(arr, null, { data, shape, stride });
}

// ---- JSON with exact integers ----

/**
 * JSON.parse, except that integers beyond 2^53 become BigInts: Node 20's JSON.parse cannot
 * give a reviver the source text, and int64/uint64 values need every digit.
 */
function parseJson(text) {
	let pos = 0;
	const fail = (what) => {
		throw new SyntaxError(`${what} at offset ${pos}`);
	};
	const space = () => {
		while (pos < text.length && " \t\n\r".includes(text[pos])) pos++;
	};
	const value = () => {
		space();
		const c = text[pos];
		if (c === "{") {
			pos++;
			const object = {};
			space();
			if (text[pos] === "}") return pos++, object;
			for (;;) {
				space();
				if (text[pos] !== '"') fail("expected a member name");
				const key = string();
				space();
				if (text[pos++] !== ":") fail("expected ':'");
				object[key] = value();
				space();
				const next = text[pos++];
				if (next === "}") return object;
				if (next !== ",") fail("expected ',' or '}'");
			}
		}
		if (c === "[") {
			pos++;
			const array = [];
			space();
			if (text[pos] === "]") return pos++, array;
			for (;;) {
				array.push(value());
				space();
				const next = text[pos++];
				if (next === "]") return array;
				if (next !== ",") fail("expected ',' or ']'");
			}
		}
		if (c === '"') return string();
		const literal = /^(?:true|false|null)/.exec(text.slice(pos, pos + 5));
		if (literal) {
			pos += literal[0].length;
			return JSON.parse(literal[0]);
		}
		const number = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
		if (!number) fail("unexpected character");
		pos += number[0].length;
		const n = Number(number[0]);
		return number[1] === undefined && number[2] === undefined && !Number.isSafeInteger(n) ? BigInt(number[0]) : n;
	};
	const string = () => {
		const start = pos++;
		while (text[pos] !== '"') {
			if (pos >= text.length) fail("unterminated string");
			pos += text[pos] === "\\" ? 2 : 1;
		}
		pos++;
		return JSON.parse(text.slice(start, pos));
	};
	const result = value();
	space();
	if (pos !== text.length) fail("trailing text");
	return result;
}

// ---- command line ----

function required(args, name) {
	if (args[name] === undefined) throw new UsageError(`missing --${name}=...`);
	return args[name];
}

function parseArgs(argv) {
	const args = {};
	for (const arg of argv) {
		const match = /^--([^=]+)=(.*)$/s.exec(arg);
		if (!match) throw new UsageError(`expected --name=value, got ${JSON.stringify(arg)}`);
		args[match[1]] = match[2];
	}
	return args;
}

/** Whether an error is a refusal: zarrita's own error types (a codec failing on a chunk's bytes is a CodecPipelineError) or the adapter's. */
function isRefusal(err) {
	return err instanceof Refusal || zarr.isZarritaError(err);
}

function describe(err) {
	let message = `${err?.name ?? "Error"}: ${err?.message ?? err}`;
	for (let c = err?.cause; c; c = c.cause) message += `\n  caused by: ${c?.name ?? "Error"}: ${c?.message ?? c}`;
	return message;
}

async function main() {
	const [operation, ...rest] = process.argv.slice(2);
	const args = parseArgs(rest);
	switch (operation) {
		case "info": return info();
		case "read": return read(args);
		case "write": return write(args);
		default: throw new UsageError(`usage: adapter.mjs info | read --store_path=DIR --array_path=/p | write --case=FILE --store_path=DIR (got ${JSON.stringify(operation)})`);
	}
}

main().catch((err) => {
	if (isRefusal(err)) {
		console.error(`zarrita refused: ${describe(err)}`);
		process.exitCode = 1;
	} else if (err instanceof UsageError) {
		console.error(`adapter.mjs: ${err.message}`);
		process.exitCode = 2;
	} else {
		console.error(`adapter.mjs crashed: ${describe(err)}\n${err?.stack ?? ""}`);
		process.exitCode = 3;
	}
});

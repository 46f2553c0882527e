// Usage: node write-ome.mjs <outdir>
// Writes an OME-Zarr 0.5 image with zarrita: a three-level uint16 pyramid (c, z, y, x), each
// level half the last in z, y and x, with dimension_names, omero channels, and a label image
// with the same levels under labels/cells.
import * as fs from "node:fs";
import * as path from "node:path";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";

const outdir = process.argv[2];
if (!outdir) {
	console.error("usage: node write-ome.mjs <outdir>");
	process.exit(2);
}
if (fs.existsSync(outdir) && fs.readdirSync(outdir).length > 0) {
	console.error(`refusing to write into non-empty directory: ${outdir}`);
	process.exit(2);
}
const store = new FileSystemStore(path.resolve(outdir));
const root = zarr.root(store);

const names = ["c", "z", "y", "x"];
const axes = [
	{ name: "c", type: "channel" },
	{ name: "z", type: "space", unit: "micrometer" },
	{ name: "y", type: "space", unit: "micrometer" },
	{ name: "x", type: "space", unit: "micrometer" },
];
const levels = [0, 1, 2];
const shapeOf = (level) => [2, 16 >> level, 32 >> level, 32 >> level];
const datasets = levels.map((level) => ({
	path: String(level),
	coordinateTransformations: [{ type: "scale", scale: [1, 0.5 * 2 ** level, 0.25 * 2 ** level, 0.25 * 2 ** level] }],
}));
const multiscales = (name) => [{ name, axes, datasets, type: "local mean", metadata: { description: "mean over 2x2x2 blocks, channels kept" } }];
const codecs = [{ name: "bytes", configuration: { endian: "little" } }, { name: "zstd", configuration: { level: 3, checksum: false } }];

async function pyramid(group, label) {
	for (const level of levels) {
		const shape = shapeOf(level);
		const arr = await zarr.create(group.resolve(String(level)), {
			dtype: label ? "uint32" : "uint16", shape, chunkShape: [1, ...shape.slice(1).map((n) => Math.min(n, 8))],
			codecs, fillValue: 0, dimensionNames: names,
		});
		const n = shape.reduce((a, b) => a * b, 1);
		const Ctor = label ? Uint32Array : Uint16Array;
		const data = Ctor.from({ length: n }, (_, i) => (label ? (i >> 6) % 4 : (i * 7) % 4096));
		const stride = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
		await zarr.set(arr, null, { data, shape, stride });
	}
}

await zarr.create(root, {
	attributes: {
		ome: {
			version: "0.5",
			multiscales: multiscales("image"),
			omero: {
				channels: [
					{ label: "DAPI", color: "0000FF", active: true, window: { min: 0, max: 4095, start: 0, end: 1500 } },
					{ label: "GFP", color: "00FF00", active: true, window: { min: 0, max: 4095, start: 0, end: 2000 } },
				],
				rdefs: { defaultT: 0, defaultZ: 8, model: "color" },
			},
		},
	},
});
await pyramid(root, false);
const labels = await zarr.create(root.resolve("labels"), { attributes: { ome: { version: "0.5", labels: ["cells"] } } });
const cells = await zarr.create(labels.resolve("cells"), {
	attributes: {
		ome: {
			version: "0.5",
			multiscales: multiscales("cells"),
			"image-label": { colors: [1, 2, 3].map((v) => ({ "label-value": v, rgba: [v * 60, 0, 255 - v * 60, 255] })), source: { image: "../../" } },
		},
	},
});
await pyramid(cells, true);
console.log(`wrote an OME-Zarr 0.5 image to ${outdir}`);

using Conformance.Reference;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator;

/// <summary>Finds the format of a path given on the command line and opens its root node.</summary>
public static class InputOpener
{
    /// <summary>
    /// Opens a directory holding <c>zarr.json</c>, a zip archive (a <c>.zip</c> name or the zip
    /// signature; the store at its root or in its one top-level folder), an http(s) URL (a
    /// read-only store that cannot list: a group's children come from consolidated metadata), a
    /// GIFTI file, or a FreeSurfer surface, curvature, annotation or label file.
    /// </summary>
    public static async ValueTask<Node> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return await OpenRootAsync(new HttpStore(uri), path, "has no zarr.json: not a Zarr v3 store", cancellationToken);
        }
        if (File.Exists(path) && IsZip(path))
        {
            ZipStore zip = ZipStore.OpenWithDetectedRoot(path);
            if (await zip.ExistsAsync(".zarray", cancellationToken) || await zip.ExistsAsync(".zgroup", cancellationToken))
            {
                throw new ConformanceException(ZarrRules.ZarrFormat, path, "this is a Zarr v2 store; only Zarr v3 is supported", Outcome.Unsupported);
            }
            return await OpenRootAsync(zip, path, "is a zip archive without zarr.json at its root or in its one top-level folder", cancellationToken);
        }
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, "zarr.json")))
            {
                return await ZarrHierarchy.OpenAsync(new DirectoryStore(path, readOnly: true), "/", ZarrOptions.Default, cancellationToken);
            }
            if (File.Exists(Path.Combine(path, ".zarray")) || File.Exists(Path.Combine(path, ".zgroup")))
            {
                throw new ConformanceException(ZarrRules.ZarrFormat, path, "this is a Zarr v2 store; only Zarr v3 is supported", Outcome.Unsupported);
            }
            throw new UsageException($"{path} is a directory without zarr.json: not a Zarr v3 store");
        }
        if (File.Exists(path) && GiftiFile.Detect(path))
        {
            return GiftiFile.Open(path);
        }
        if (File.Exists(path) && FreeSurferFile.Detect(path) is FreeSurferFileKind kind)
        {
            return FreeSurferFile.Open(path, kind);
        }
        throw new UsageException(File.Exists(path)
            ? $"{path}: no supported format recognised (Zarr v3 stores are directories, zip archives or URLs; GIFTI files are .gii XML; FreeSurfer files are surfaces, curvature, .annot and .label files)"
            : $"{path} does not exist");
    }

    /// <summary>
    /// The store at <paramref name="path"/> for validation: a URL, a zip archive, or any
    /// directory (a missing root <c>zarr.json</c> is then a finding, not a usage error).
    /// </summary>
    public static Store OpenStore(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new HttpStore(uri);
        }
        if (File.Exists(path) && IsZip(path))
        {
            return ZipStore.OpenWithDetectedRoot(path);
        }
        if (Directory.Exists(path))
        {
            if (!File.Exists(Path.Combine(path, "zarr.json")) && (File.Exists(Path.Combine(path, ".zarray")) || File.Exists(Path.Combine(path, ".zgroup"))))
            {
                throw new UsageException($"{path} is a Zarr v2 store; only Zarr v3 is validated");
            }
            return new DirectoryStore(path, readOnly: true);
        }
        throw new UsageException(File.Exists(path)
            ? $"{path}: no supported format recognised (Zarr v3 stores are directories, zip archives or URLs)"
            : $"{path} does not exist");
    }

    private static async ValueTask<Node> OpenRootAsync(Store store, string path, string missing, CancellationToken cancellationToken)
    {
        try
        {
            return await ZarrHierarchy.OpenAsync(store, "/", ZarrOptions.Default, cancellationToken);
        }
        catch (ConformanceException e) when (e.RuleId == ZarrRules.MetadataMissing)
        {
            throw new UsageException($"{path} {missing}");
        }
    }

    private static bool IsZip(string path)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        Span<byte> signature = stackalloc byte[4];
        using FileStream file = File.OpenRead(path);
        // APPNOTE.TXT 4.3.7 and 4.3.16: a local file header, or the end record of an empty archive.
        return file.ReadAtLeast(signature, 4, throwOnEndOfStream: false) == 4 && (signature.SequenceEqual("PK\u0003\u0004"u8) || signature.SequenceEqual("PK\u0005\u0006"u8));
    }

    /// <summary>The node at <paramref name="nodePath"/> below <paramref name="root"/>.</summary>
    public static async ValueTask<Node> FindAsync(Node root, string nodePath, CancellationToken cancellationToken = default)
    {
        string[] segments = nodePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Node current = root;
        foreach (string segment in segments)
        {
            if (current is not GroupNode group)
            {
                throw new UsageException($"{current.Path} is an array; it has no child '{segment}'");
            }
            if (group is ZarrGroup { Store.IsListable: false } zarr)
            {
                // A store that cannot list can still get: open the child by its path.
                current = await OpenChildAsync(zarr, segment, cancellationToken);
                continue;
            }
            IReadOnlyList<Node> children = await group.GetChildrenAsync(cancellationToken);
            current = children.FirstOrDefault(c => c.Name == segment)
                ?? throw new UsageException($"{group.Path} has no child '{segment}'");
            if (current is UnreadableNode unreadable)
            {
                throw unreadable.Error;
            }
        }
        return current;
    }

    private static async ValueTask<Node> OpenChildAsync(ZarrGroup group, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ZarrHierarchy.OpenAsync(group.Store, NodeName.Child(group.Path, name), group.Options, cancellationToken);
        }
        catch (ConformanceException e) when (e.RuleId == ZarrRules.MetadataMissing)
        {
            throw new UsageException($"{group.Path} has no child '{name}'");
        }
    }
}

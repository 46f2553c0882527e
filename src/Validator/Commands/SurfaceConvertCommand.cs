using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Reference.Surfaces;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Commands;

/// <summary>
/// The surface side of <c>conformance convert</c>: GIFTI and FreeSurfer files to a Zarr group
/// following the surface profile (spec/surface-zarr/README.md), such a group back to a file,
/// and GIFTI ↔ FreeSurfer through the same content. Formats come from the paths as users name
/// them; <c>--to</c> decides where a destination's name does not. Zarr to Zarr is left to
/// <see cref="ConvertCommand"/>. Every output appears whole or not at all.
/// </summary>
public static class SurfaceConvertCommand
{
    // FreeSurfer's own names for subject surfaces and per-vertex files (surf/ directory).
    private static readonly HashSet<string> FreeSurferNames = new(StringComparer.Ordinal)
    {
        "white", "pial", "inflated", "sphere", "sphere.reg", "orig", "smoothwm", "midthickness", "graymid",
        "thickness", "curv", "sulc", "area", "volume", "jacobian_white", "avg_curv", "inflated.H", "inflated.K",
    };

    public static SurfaceFileFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "zarr" => SurfaceFileFormat.Zarr,
        "gifti" => SurfaceFileFormat.Gifti,
        "freesurfer" => SurfaceFileFormat.FreeSurfer,
        _ => throw new UsageException($"--to {text}: expected gifti, freesurfer or zarr"),
    };

    /// <summary>The format of a source path, or null for a Zarr store (a directory, a zip archive, a URL).</summary>
    public static SurfaceFileFormat? SourceFormat(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        if (GiftiFile.Detect(path))
        {
            return SurfaceFileFormat.Gifti;
        }
        return FreeSurferFile.Detect(path) is not null ? SurfaceFileFormat.FreeSurfer : null;
    }

    /// <summary>The format a destination's name says, or null when it does not.</summary>
    public static SurfaceFileFormat? DestinationFormat(string path)
    {
        string trimmed = path.TrimEnd('/', Path.DirectorySeparatorChar);
        string name = Path.GetFileName(trimmed);
        if (name.EndsWith(".gii", StringComparison.OrdinalIgnoreCase))
        {
            return SurfaceFileFormat.Gifti;
        }
        if (name.EndsWith(".zarr", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || Directory.Exists(trimmed))
        {
            return SurfaceFileFormat.Zarr;
        }
        if (name.EndsWith(".annot", StringComparison.Ordinal) || name.EndsWith(".label", StringComparison.Ordinal)
            || FreeSurferNames.Contains(name.StartsWith("lh.", StringComparison.Ordinal) || name.StartsWith("rh.", StringComparison.Ordinal) ? name[3..] : name)
            || name.StartsWith("lh.", StringComparison.Ordinal) || name.StartsWith("rh.", StringComparison.Ordinal))
        {
            return SurfaceFileFormat.FreeSurfer;
        }
        return null;
    }

    /// <summary>
    /// Converts when a surface file is involved (or <c>--to</c> asks for a file) and returns true;
    /// returns false for Zarr to Zarr, which <see cref="ConvertCommand"/> does.
    /// </summary>
    public static async Task<bool> TryRunAsync(string source, string destination, string? to, bool overwrite, bool zarrOptionsGiven, TextWriter output, CancellationToken cancellationToken = default)
    {
        SurfaceFileFormat? from = SourceFormat(source);
        SurfaceFileFormat? target = to is null ? DestinationFormat(destination) : ParseFormat(to);
        if (from is null && target is null or SurfaceFileFormat.Zarr)
        {
            return false;
        }
        if (target is null)
        {
            throw new UsageException($"cannot tell the format of {destination} from its name; pass --to gifti, freesurfer or zarr");
        }
        if (zarrOptionsGiven)
        {
            throw new UsageException("--array, --chunks, --shards, --codec and --skip-unreadable apply to Zarr to Zarr conversion only");
        }
        string full = Path.GetFullPath(destination.TrimEnd('/', Path.DirectorySeparatorChar));
        if ((File.Exists(full) || Directory.Exists(full)) && !overwrite)
        {
            throw new UsageException($"{destination} already exists; pass --overwrite to replace it");
        }
        SurfaceContent content = from switch
        {
            SurfaceFileFormat.Gifti => GiftiSurfaces.Read(source),
            SurfaceFileFormat.FreeSurfer => FreeSurferSurfaces.Read(source),
            _ => await SurfaceZarr.ReadAsync(InputOpener.OpenStore(source), cancellationToken),
        };
        switch (target)
        {
            case SurfaceFileFormat.Gifti:
                GiftiWriter.Write(GiftiSurfaces.ToGifti(content), full);
                break;
            case SurfaceFileFormat.FreeSurfer:
                FreeSurferSurfaces.Write(content, full, KindFromName(Path.GetFileName(full)));
                break;
            default:
                await WriteZarrAsync(content, full, cancellationToken);
                break;
        }
        string fromName = from?.ToString().ToLowerInvariant() ?? "zarr";
        await output.WriteLineAsync($"converted {source} ({fromName}) to {destination} ({target.Value.ToString().ToLowerInvariant()}): {content.Arrays.Count} arrays");
        return true;
    }

    /// <summary>The kind a FreeSurfer name fixes (.annot, .label), or null to follow the content.</summary>
    private static FreeSurferFileKind? KindFromName(string name) =>
        name.EndsWith(".annot", StringComparison.Ordinal) ? FreeSurferFileKind.Annotation
        : name.EndsWith(".label", StringComparison.Ordinal) ? FreeSurferFileKind.Label
        : null;

    /// <summary>A zip store writes its archive on commit; a directory is staged beside the target and moved into place.</summary>
    private static async Task WriteZarrAsync(SurfaceContent content, string target, CancellationToken cancellationToken)
    {
        if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using ZipStore zip = ZipStore.Create(target, overwrite: true);
            await SurfaceZarr.WriteAsync(content, zip, cancellationToken);
            await zip.CommitAsync(cancellationToken);
            return;
        }
        string staging = $"{target}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            await SurfaceZarr.WriteAsync(content, new DirectoryStore(staging), cancellationToken);
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            else if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            throw;
        }
    }
}

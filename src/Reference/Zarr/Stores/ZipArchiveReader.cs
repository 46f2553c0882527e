using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.IO.Compression;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// The read side of <see cref="ZipStore"/>: an index of the archive's central directory (the
/// keys under a root folder, sorted) and a bounded pool of <see cref="ZipArchive"/> readers,
/// each on its own file handle, because one <see cref="ZipArchive"/> is not safe for
/// concurrent use.
/// </summary>
internal sealed class ZipArchiveReader : IDisposable
{
    private const int SkipBufferBytes = 64 * 1024;
    private const string MacResourceFolder = "__MACOSX/";
    private const string MetadataFile = "zarr.json";

    private readonly ZipStoreOptions _options;
    private readonly Dictionary<string, EntryInfo> _entries;
    private readonly string[] _keys;
    private readonly int _entryCount;
    private readonly ConcurrentBag<ZipArchive> _idle = [];
    private readonly SemaphoreSlim _slots;
    private volatile bool _disposed;

    private ZipArchiveReader(string path, string root, ZipStoreOptions options, ZipArchive first, Dictionary<string, EntryInfo> entries, int entryCount)
    {
        Path = path;
        Root = root;
        _options = options;
        _entries = entries;
        _keys = [.. entries.Keys.Order(StringComparer.Ordinal)];
        _entryCount = entryCount;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxReaders));
        _idle.Add(first);
    }

    public string Path { get; }

    /// <summary>The folder inside the archive that holds the store: empty, or a name ending in "/".</summary>
    public string Root { get; }

    /// <summary>
    /// Reads the central directory of the archive at <paramref name="path"/> and indexes the
    /// entries under <paramref name="root"/>; a null root is found with <see cref="DetectRoot"/>.
    /// </summary>
    public static ZipArchiveReader Open(string path, string? root, ZipStoreOptions options)
    {
        path = System.IO.Path.GetFullPath(path);
        ZipArchive archive = OpenArchive(path);
        try
        {
            ReadOnlyCollection<ZipArchiveEntry> all;
            try
            {
                all = archive.Entries;
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Damaged(path, $"{path}: the central directory of the zip archive is damaged: {e.Message}", e);
            }
            root = NormalizeRoot(root ?? DetectRoot(all.Select(e => e.FullName)));
            var entries = new Dictionary<string, EntryInfo>(StringComparer.Ordinal);
            for (int i = 0; i < all.Count; i++)
            {
                string name = all[i].FullName;
                if (name.EndsWith('/') || !name.StartsWith(root, StringComparison.Ordinal) || !IsKey(name[root.Length..]))
                {
                    continue;
                }
                // A name stored twice (zarr-python appends an entry on every set) is one key, its
                // last entry winning, as in Python's zipfile.
                entries[name[root.Length..]] = new EntryInfo(i, all[i].Length);
            }
            return new ZipArchiveReader(path, root, options, archive, entries, all.Count);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The folder that holds the store: empty when the archive has a <c>zarr.json</c> at its
    /// root; otherwise, when every entry sits in one top-level folder (a store zipped from its
    /// parent directory, macOS's <c>__MACOSX/</c> aside) that has a <c>zarr.json</c>, that folder.
    /// </summary>
    public static string DetectRoot(IEnumerable<string> names)
    {
        string? folder = null;
        bool single = true;
        bool folderHasMetadata = false;
        foreach (string name in names)
        {
            if (name == MetadataFile)
            {
                return "";
            }
            int slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                single = false;
                continue;
            }
            string top = name[..(slash + 1)];
            if (top == MacResourceFolder)
            {
                continue;
            }
            single &= folder is null || folder == top;
            folder ??= top;
            folderHasMetadata |= name.Length == top.Length + MetadataFile.Length && name.EndsWith(MetadataFile, StringComparison.Ordinal);
        }
        return single && folder is not null && folderHasMetadata ? folder : "";
    }

    public async ValueTask<StoreValue?> GetAsync(string key, ByteRange range, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out EntryInfo entry))
        {
            return null;
        }
        (long offset, long length) = range.Resolve(entry.Length);
        if (length > _options.MaxValueBytes)
        {
            throw new ConformanceException(ZarrRules.ChunkTooLarge, key, $"{Path}: entry of {length} bytes is larger than the {_options.MaxValueBytes} read at once", Outcome.Unsupported);
        }
        await _slots.WaitAsync(cancellationToken);
        ZipArchive? archive = null;
        try
        {
            archive = _idle.TryTake(out ZipArchive? idle) ? idle : Reopen();
            return Read(archive.Entries[entry.Index], key, entry.Length, offset, (int)length);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(key, $"{Path}: entry '{Root + key}' cannot be read: {e.Message}", e);
        }
        finally
        {
            if (archive is not null)
            {
                Return(archive);
            }
            _slots.Release();
        }
    }

    public IEnumerable<string> ListPrefix(string prefix)
    {
        int index = Array.BinarySearch(_keys, prefix, StringComparer.Ordinal);
        for (int i = index >= 0 ? index : ~index; i < _keys.Length && _keys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _keys[i];
        }
    }

    public StoreListing ListDir(string prefix)
    {
        var keys = new List<string>();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string key in ListPrefix(prefix))
        {
            int slash = key.IndexOf('/', prefix.Length);
            if (slash < 0)
            {
                keys.Add(key);
            }
            else
            {
                prefixes.Add(key[..(slash + 1)]);
            }
        }
        return new StoreListing(keys, [.. prefixes]);
    }

    /// <summary>Closes the idle readers; a reader still in use is closed when its read ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out ZipArchive? archive))
        {
            archive.Dispose();
        }
    }

    private void Return(ZipArchive archive)
    {
        _idle.Add(archive);
        if (_disposed && _idle.TryTake(out ZipArchive? closing))
        {
            closing.Dispose();
        }
    }

    private StoreValue Read(ZipArchiveEntry zipEntry, string key, long declared, long offset, int length)
    {
        using Stream stream = zipEntry.Open();
        Skip(stream, offset, key, declared);
        StoreValue value = StoreValue.Rent(length);
        try
        {
            int read = stream.ReadAtLeast(value.Memory.Span, length, throwOnEndOfStream: false);
            if (read < length)
            {
                throw Damaged(key, $"{Path}: entry '{zipEntry.FullName}' ends after {offset + read} of its declared {declared} bytes");
            }
            // Reading on past the declared end catches an entry longer than its header says.
            Span<byte> probe = stackalloc byte[1];
            if (offset + length == declared && stream.Read(probe) > 0)
            {
                throw Damaged(key, $"{Path}: entry '{zipEntry.FullName}' holds more than its declared {declared} bytes");
            }
            // Only a whole value can be checked against its CRC-32 (APPNOTE.TXT 4.4.7).
            if (offset == 0 && length == declared && ZipCrc32.Compute(value.Memory.Span) is uint crc && crc != zipEntry.Crc32)
            {
                throw Damaged(key, $"{Path}: entry '{zipEntry.FullName}' has CRC-32 {crc:x8}, not the {zipEntry.Crc32:x8} its header declares");
            }
            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }

    /// <summary>Moves <paramref name="stream"/> to <paramref name="offset"/>: seeks where the entry stream allows, else reads and discards.</summary>
    private void Skip(Stream stream, long offset, string key, long declared)
    {
        if (offset == 0)
        {
            return;
        }
        if (stream.CanSeek)
        {
            stream.Seek(offset, SeekOrigin.Begin);
            return;
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(offset, SkipBufferBytes));
        try
        {
            long left = offset;
            while (left > 0)
            {
                int n = stream.Read(buffer, 0, (int)Math.Min(left, buffer.Length));
                if (n == 0)
                {
                    throw Damaged(key, $"{Path}: entry '{Root + key}' ends after {offset - left} of its declared {declared} bytes");
                }
                left -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ZipArchive Reopen()
    {
        ZipArchive archive = OpenArchive(Path);
        if (archive.Entries.Count != _entryCount)
        {
            archive.Dispose();
            throw Damaged(Path, $"{Path}: the zip archive changed while it was open");
        }
        return archive;
    }

    private static ZipArchive OpenArchive(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.RandomAccess);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            stream.Dispose();
            throw Damaged(path, $"{path} is not a readable zip archive: {e.Message}", e);
        }
    }

    private static string NormalizeRoot(string root)
    {
        root = root.Length == 0 || root.EndsWith('/') ? root : root + "/";
        StoreKeys.CheckPrefix(root);
        return root;
    }

    private static bool IsKey(string name)
    {
        try
        {
            StoreKeys.CheckKey(name);
            return true;
        }
        catch (ConformanceException)
        {
            // Names that could not be keys ("../x", "/abs", "a\\b") are not part of the store.
            return false;
        }
    }

    // What System.IO.Compression throws for a file that is not a zip archive or is damaged:
    // bad signatures and sizes, offsets outside the file, methods it cannot decode.
    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or IOException or ArgumentException or NotSupportedException or OverflowException;

    private static ConformanceException Damaged(string location, string message, Exception? inner = null) =>
        new(ZarrRules.ZipArchive, location, message, Outcome.Invalid, inner);

    private readonly record struct EntryInfo(int Index, long Length);
}

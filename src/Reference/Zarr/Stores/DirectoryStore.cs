using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// The file system store (stores/filesystem): key "a/b" is the file <c>root/a/b</c>. Writes go
/// to a temporary file beside the target and are renamed over it, so a crash never leaves a
/// half-written value. Local I/O completes synchronously; the async signatures serve remote
/// stores.
/// </summary>
public sealed class DirectoryStore : Store
{
    private const string TempMarker = ".partial-";
    private readonly bool _readOnly;

    public DirectoryStore(string root, bool readOnly = false)
    {
        Root = Path.GetFullPath(root);
        _readOnly = readOnly;
    }

    public string Root { get; }

    public override bool IsWritable => !_readOnly;

    /// <summary>Largest value this store will read into memory at once.</summary>
    public long MaxValueBytes { get; init; } = Array.MaxLength;

    public override ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !File.Exists(path))
        {
            return ValueTask.FromResult<StoreValue?>(null);
        }
        using (handle)
        {
            long fileLength = RandomAccess.GetLength(handle);
            (long offset, long length) = (range ?? ByteRange.Full).Resolve(fileLength);
            if (length > MaxValueBytes)
            {
                throw new ConformanceException(ZarrRules.ChunkTooLarge, key, $"value of {length} bytes is larger than the {MaxValueBytes} read at once", Outcome.Unsupported);
            }
            StoreValue value = StoreValue.Rent((int)length);
            Span<byte> target = value.Memory.Span;
            int read = 0;
            while (read < target.Length)
            {
                int n = RandomAccess.Read(handle, target[read..], offset + read);
                if (n == 0)
                {
                    value.Dispose();
                    throw new IOException($"{key} shrank while being read");
                }
                read += n;
            }
            return ValueTask.FromResult<StoreValue?>(value);
        }
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        CheckWritable();
        string path = PathOf(key);
        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, TempMarker + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(value.Span);
                stream.Flush(flushToDisk: false);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckWritable();
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // No parent directory, so no value: erasing a missing key is not an error.
        }
        return ValueTask.CompletedTask;
    }

    public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        string directory = prefix.Length == 0 ? Root : PathOf(prefix[..^1]);
        if (!Directory.Exists(directory))
        {
            yield break;
        }
        foreach (string key in Walk(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    /// <summary>
    /// The keys under <paramref name="directory"/> in ordinal order, one directory's entries in
    /// memory at a time (directory links are not followed). Sorting a sub-directory's name with a "/" after it among the file
    /// names gives the order of the full keys, since every key below it starts that way.
    /// </summary>
    private IEnumerable<string> Walk(string directory)
    {
        var entries = new List<(string Name, string Path, bool IsDirectory)>();
        foreach (FileSystemInfo entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            bool isDirectory = entry is DirectoryInfo;
            // A linked directory could lead back up the tree; its keys are not listed.
            if (isDirectory ? entry.LinkTarget is not null : entry.Name.StartsWith(TempMarker, StringComparison.Ordinal))
            {
                continue;
            }
            entries.Add((isDirectory ? entry.Name + "/" : entry.Name, entry.FullName, isDirectory));
        }
        entries.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        foreach ((string _, string path, bool isDirectory) in entries)
        {
            if (!isDirectory)
            {
                yield return KeyOf(path);
                continue;
            }
            foreach (string key in Walk(path))
            {
                yield return key;
            }
        }
    }

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        string directory = prefix.Length == 0 ? Root : PathOf(prefix[..^1]);
        if (!Directory.Exists(directory))
        {
            return ValueTask.FromResult(new StoreListing([], []));
        }
        var keys = new List<string>();
        var prefixes = new List<string>();
        foreach (FileSystemInfo entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo)
            {
                prefixes.Add(prefix + entry.Name + "/");
            }
            else if (!entry.Name.StartsWith(TempMarker, StringComparison.Ordinal))
            {
                keys.Add(prefix + entry.Name);
            }
        }
        keys.Sort(StringComparer.Ordinal);
        prefixes.Sort(StringComparer.Ordinal);
        return ValueTask.FromResult(new StoreListing(keys, prefixes));
    }

    private string PathOf(string key)
    {
        StoreKeys.CheckKey(key);
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private string KeyOf(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private void CheckWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException($"the store at {Root} was opened read-only");
        }
    }
}

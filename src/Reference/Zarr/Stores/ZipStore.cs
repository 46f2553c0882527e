using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// A store in one ZIP archive (APPNOTE.TXT): the names of the archive's entries under a root
/// folder are the keys, their contents the values. The core spec has no zip store page; this
/// follows zarr-python's <c>ZipStore</c> (entries at the archive root, written uncompressed).
/// </summary>
/// <remarks>
/// <para>
/// <b>Reading</b> (<see cref="ZipStore(string, string, ZipStoreOptions?)"/>,
/// <see cref="OpenWithDetectedRoot"/>): keys and listings come from the central directory,
/// directory entries (names ending in "/") aside. Reads may run in parallel, each on one of at
/// most <see cref="ZipStoreOptions.MaxReaders"/> readers. A byte range of a stored entry is
/// read without the bytes after it; a deflated entry is decompressed from its start. A whole
/// value is checked against the entry's CRC-32. A file that is not a zip archive, or a damaged
/// directory or entry, is reported as <see cref="ZarrRules.ZipArchive"/> naming the file.
/// </para>
/// <para>
/// <b>Writing</b> (<see cref="Create"/>): zip entries cannot be replaced in place, so writes
/// are staged in a hidden directory beside the destination, where set, erase and overwrite
/// behave as in any store and reads and listings see them at once. <see cref="CommitAsync"/>
/// writes every staged key as an uncompressed (stored) entry into a temporary file beside the
/// destination, renames it into place and removes the staging directory; the store is then
/// read-only, reading the committed archive. Disposing a store that was not committed
/// discards the staged writes: nothing appears at the destination, so a writer that fails
/// half-way never leaves a half-written archive.
/// </para>
/// </remarks>
public sealed class ZipStore : Store, IAsyncDisposable, IDisposable
{
    private const string StagingMarker = ".staging-";
    private const string PartialMarker = ".partial-";

    private readonly ZipStoreOptions _options;
    private readonly bool _overwrite;
    private ZipArchiveReader? _reader;
    private DirectoryStore? _staging;
    private bool _disposed;

    /// <summary>Opens the archive at <paramref name="path"/> read-only, its store in folder <paramref name="rootPrefix"/> ("" for the archive root).</summary>
    public ZipStore(string path, string rootPrefix = "", ZipStoreOptions? options = null)
        : this(ZipArchiveReader.Open(path, rootPrefix, options ?? ZipStoreOptions.Default), options)
    {
    }

    private ZipStore(ZipArchiveReader reader, ZipStoreOptions? options)
    {
        _options = options ?? ZipStoreOptions.Default;
        _reader = reader;
        Path = reader.Path;
    }

    private ZipStore(string destination, DirectoryStore staging, bool overwrite, ZipStoreOptions? options)
    {
        _options = options ?? ZipStoreOptions.Default;
        _staging = staging;
        _overwrite = overwrite;
        Path = destination;
    }

    /// <summary>The archive's file: the one read, or the destination of a store being written.</summary>
    public string Path { get; }

    /// <summary>The folder inside the archive that holds the store: empty, or a name ending in "/".</summary>
    public string RootPrefix => _reader?.Root ?? "";

    /// <summary>True while writes are being staged, before <see cref="CommitAsync"/>.</summary>
    public override bool IsWritable => _staging is not null;

    /// <summary>
    /// Opens the archive at <paramref name="path"/> read-only with its root found from its
    /// entries: the archive root when it has a <c>zarr.json</c>, else the one top-level folder
    /// holding one (a store zipped from its parent directory).
    /// </summary>
    public static ZipStore OpenWithDetectedRoot(string path, ZipStoreOptions? options = null) =>
        new(ZipArchiveReader.Open(path, null, options ?? ZipStoreOptions.Default), options);

    /// <summary>
    /// Starts a new archive to be written at <paramref name="destination"/>, staged until
    /// <see cref="CommitAsync"/>. An existing file there is refused unless
    /// <paramref name="overwrite"/> is set, in which case it is replaced only on commit.
    /// </summary>
    public static ZipStore Create(string destination, bool overwrite = false, ZipStoreOptions? options = null)
    {
        destination = System.IO.Path.GetFullPath(destination);
        if (!overwrite && File.Exists(destination))
        {
            throw new IOException($"{destination} already exists");
        }
        string staging = Beside(destination, StagingMarker);
        Directory.CreateDirectory(staging);
        return new ZipStore(destination, new DirectoryStore(staging), overwrite, options);
    }

    public override ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckKey(key);
        if (_staging is DirectoryStore staging)
        {
            return staging.GetAsync(key, range, cancellationToken);
        }
        return Reader.GetAsync(key, range ?? ByteRange.Full, cancellationToken);
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        Staging.SetAsync(key, value, cancellationToken);

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default) =>
        Staging.EraseAsync(key, cancellationToken);

    public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        if (_staging is DirectoryStore staging)
        {
            await foreach (string key in staging.ListPrefixAsync(prefix, cancellationToken))
            {
                yield return key;
            }
            yield break;
        }
        foreach (string key in Reader.ListPrefix(prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
    }

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        if (_staging is DirectoryStore staging)
        {
            return staging.ListDirAsync(prefix, cancellationToken);
        }
        return ValueTask.FromResult(Reader.ListDir(prefix));
    }

    /// <summary>
    /// Writes every staged key, in key order, as a stored entry of a temporary archive beside
    /// the destination, flushes it to disk and renames it into place; then removes the staging
    /// directory and reopens the store read-only on the new archive. Writes still running
    /// when this is called may or may not be included.
    /// </summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        DirectoryStore staging = Staging;
        string temporary = Beside(Path, PartialMarker);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await foreach (string key in staging.ListAsync(cancellationToken))
                    {
                        using StoreValue? value = await staging.GetAsync(key, null, cancellationToken);
                        if (value is null)
                        {
                            continue;
                        }
                        // Stored, not deflated (zarr-python's default): chunks are compressed by
                        // their codecs already, and a stored entry's byte ranges are cheap to read.
                        ZipArchiveEntry entry = archive.CreateEntry(key, CompressionLevel.NoCompression);
                        using Stream target = entry.Open();
                        target.Write(value.Memory.Span);
                    }
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, _overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        _staging = null;
        DeleteDirectory(staging.Root);
        _reader = ZipArchiveReader.Open(Path, "", _options);
    }

    /// <summary>Closes the archive readers; a store still staging is discarded, leaving nothing at the destination.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_staging is DirectoryStore staging)
        {
            _staging = null;
            DeleteDirectory(staging.Root);
        }
        _reader?.Dispose();
        _reader = null;
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private ZipArchiveReader Reader
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _reader ?? throw new InvalidOperationException($"the zip store for {Path} is not open");
        }
    }

    private DirectoryStore Staging
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _staging ?? throw new InvalidOperationException($"the zip store at {Path} is read-only");
        }
    }

    private static string Beside(string destination, string marker) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(destination)!, "." + System.IO.Path.GetFileName(destination) + marker + Guid.NewGuid().ToString("N"));

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing was staged to remove.
        }
    }
}

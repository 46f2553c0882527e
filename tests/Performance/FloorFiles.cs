using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Performance;

/// <summary>
/// File I/O of the floor benchmarks: the same system calls <c>DirectoryStore</c> makes, with
/// none of the library around them. A write goes to a temporary file beside the target and is
/// renamed over it, as the store's atomic-write contract requires; a read opens the file,
/// asks its length and reads it whole into a pooled buffer.
/// </summary>
internal static class FloorFiles
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, ".partial-" + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N"));
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            stream.Write(bytes);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the whole file into a buffer from <see cref="ArrayPool{T}.Shared"/>; the caller returns it.</summary>
    public static byte[] Read(string path, out int length)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        length = checked((int)RandomAccess.GetLength(handle));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
            if (n == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new IOException($"{path} shrank while being read");
            }
            read += n;
        }
        return buffer;
    }
}

using System.Runtime.InteropServices;

namespace Conformance.Reference.Buffers;

/// <summary>Read-only streams over memory, without a copy when the memory is array-backed.</summary>
public static class ReadOnlyMemoryStream
{
    public static Stream Create(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(memory.ToArray(), writable: false);
}

using System.Text.Json.Nodes;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The <c>transpose</c> codec (codecs/transpose): the encoded array B has
/// <c>B_shape[i] = A_shape[order[i]]</c>.
/// </summary>
public sealed class TransposeCodec : IArrayToArrayCodec
{
    private readonly int[] _order;
    private readonly int[] _inverse;

    public TransposeCodec(IReadOnlyList<int> order)
    {
        if (!IsPermutation(order))
        {
            throw new ArgumentException("order must be a permutation of 0 … n-1", nameof(order));
        }
        _order = [.. order];
        _inverse = new int[_order.Length];
        for (int i = 0; i < _order.Length; i++)
        {
            _inverse[_order[i]] = i;
        }
    }

    public const string CodecName = "transpose";

    public IReadOnlyList<int> Order => _order;

    public static TransposeCodec Parse(ExtensionObject definition, string location)
    {
        var configuration = new Configuration(definition, location, ZarrRules.TransposeOrder);
        configuration.RejectUnknown("order");
        long[] order = configuration.GetIntegerArray("order", required: true)!;
        int[] narrowed = [.. order.Select(i => i is >= 0 and <= int.MaxValue ? (int)i : -1)];
        if (!IsPermutation(narrowed))
        {
            throw configuration.Fail("order", $"order [{string.Join(", ", order)}] is not a permutation of 0 … {order.Length - 1}");
        }
        return new TransposeCodec(narrowed);
    }

    public ExtensionObject ToDefinition() => new(CodecName, new JsonObject
    {
        ["order"] = new JsonArray([.. _order.Select(i => (JsonNode)i)]),
    });

    public ArrayRepresentation ComputeEncodedRepresentation(ArrayRepresentation decoded, string location)
    {
        if (decoded.Shape.Length != _order.Length)
        {
            throw new ConformanceException(ZarrRules.TransposeOrder, location, $"order has {_order.Length} entries, the chunk {decoded.Shape.Length} dimensions");
        }
        return decoded with { Shape = [.. _order.Select(i => decoded.Shape[i])] };
    }

    public NdArray Encode(NdArray decoded, ArrayRepresentation encoded)
    {
        NdArray result = NdArray.Rent(decoded.ElementType, encoded.MemoryShape(""));
        decoded.PermuteInto(_order, result);
        return result;
    }

    public NdArray Decode(NdArray encoded, ArrayRepresentation decoded, string location)
    {
        NdArray result = NdArray.Rent(encoded.ElementType, decoded.MemoryShape(location));
        encoded.PermuteInto(_inverse, result);
        return result;
    }

    private static bool IsPermutation(IReadOnlyList<int> order)
    {
        bool[] seen = new bool[order.Count];
        foreach (int i in order)
        {
            if (i < 0 || i >= seen.Length || seen[i])
            {
                return false;
            }
            seen[i] = true;
        }
        return true;
    }
}

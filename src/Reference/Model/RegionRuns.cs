namespace Conformance.Reference.Model;

/// <summary>
/// Walks a box that sits in two C-order arrays and yields it as runs of elements that are
/// contiguous in both, so a region copy is a handful of block copies, not an element loop.
/// </summary>
internal ref struct RegionRuns
{
    private readonly int[] _extent;
    private readonly int[] _sourceStrides;
    private readonly int[] _destinationStrides;
    private readonly int[] _index;
    private readonly int _outer;
    private readonly int _runLength;
    private int _source;
    private int _destination;
    private bool _started;
    private bool _done;

    public RegionRuns(ReadOnlySpan<int> sourceShape, ReadOnlySpan<int> sourceStart, ReadOnlySpan<int> destinationShape, ReadOnlySpan<int> destinationStart, ReadOnlySpan<int> extent)
    {
        int rank = extent.Length;
        if (sourceShape.Length != rank || destinationShape.Length != rank || sourceStart.Length != rank || destinationStart.Length != rank)
        {
            throw new ArgumentException("region rank differs from array rank");
        }
        _sourceStrides = new int[rank];
        _destinationStrides = new int[rank];
        ElementSpans.Strides(sourceShape, _sourceStrides);
        ElementSpans.Strides(destinationShape, _destinationStrides);
        bool empty = false;
        for (int i = 0; i < rank; i++)
        {
            if (sourceStart[i] < 0 || destinationStart[i] < 0 || extent[i] < 0
                || sourceStart[i] + extent[i] > sourceShape[i] || destinationStart[i] + extent[i] > destinationShape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(extent), "region lies outside the array");
            }
            empty |= extent[i] == 0;
            _source += sourceStart[i] * _sourceStrides[i];
            _destination += destinationStart[i] * _destinationStrides[i];
        }
        // Trailing dimensions the box spans whole in both arrays merge into one run.
        int outer = rank;
        int run = 1;
        while (outer > 0)
        {
            int d = outer - 1;
            run *= extent[d];
            outer--;
            if (extent[d] != sourceShape[d] || extent[d] != destinationShape[d])
            {
                break;
            }
        }
        _outer = outer;
        _runLength = run;
        _extent = extent.ToArray();
        _index = new int[rank];
        _done = empty;
    }

    public bool MoveNext(out int source, out int destination, out int length)
    {
        length = _runLength;
        if (_done)
        {
            source = destination = 0;
            return false;
        }
        if (_started)
        {
            int k = _outer - 1;
            for (; k >= 0; k--)
            {
                _source += _sourceStrides[k];
                _destination += _destinationStrides[k];
                if (++_index[k] < _extent[k])
                {
                    break;
                }
                _source -= _sourceStrides[k] * _index[k];
                _destination -= _destinationStrides[k] * _index[k];
                _index[k] = 0;
            }
            if (k < 0)
            {
                _done = true;
                source = destination = 0;
                return false;
            }
        }
        _started = true;
        source = _source;
        destination = _destination;
        return true;
    }
}

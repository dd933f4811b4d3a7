namespace Dq.Expectations.Tests.Sketches;

/// <summary>
/// A deliberately plain model of Deequ's <c>QuantileNonSample</c> / <c>NonSampleCompactor</c> (awslabs/deequ,
/// src/main/scala/com/amazon/deequ/analyzers/, read at commit 0b8cea54), step for step and value by value: lists, one
/// value per update, the capacity total and item count recomputed each time, Java's <c>Double.compare</c> order via
/// LINQ's stable sort. It is the reference the optimised <see cref="Dq.Expectations.Sketches.KllSketch"/> must equal.
/// </summary>
internal sealed class DeequKllReference(int sketchSize = 2048, double shrinkingFactor = 0.64)
{
    private static readonly Comparer<double> s_javaCompare = Comparer<double>.Create(JavaCompare);

    private readonly List<Compactor> _compactors = [new()];

    public IReadOnlyList<double[]> Levels => [.. _compactors.Select(c => c.Buffer.ToArray())];

    public void Update(double item)
    {
        _compactors[0].Buffer.Add(item);
        if (ActualSize > TotalSize)
        {
            Condense();
        }
    }

    public void Merge(DeequKllReference that)
    {
        while (_compactors.Count < that._compactors.Count)
        {
            _compactors.Add(new Compactor());
        }
        for (var i = 0; i < that._compactors.Count; i++)
        {
            _compactors[i].Buffer.AddRange(that._compactors[i].Buffer);
        }
        while (ActualSize >= TotalSize)
        {
            Condense();
        }
    }

    public long GetRank(double item) => Output().Where(o => !(o.Item > item)).Sum(o => o.Weight);

    public long GetRankExclusive(double item) => Output().Where(o => o.Item < item).Sum(o => o.Weight);

    /// <summary>Deequ's <c>quantiles(q)</c>: the quantiles 1/q through (q−1)/q, thresholds in integer arithmetic.</summary>
    /// <param name="q">How many parts.</param>
    /// <param name="computed">How many quantiles the loop computed: once a threshold is first reached by the last item,
    /// Deequ's loop stops and the quantiles after it keep their initial value, the smallest item.</param>
    public double[] Quantiles(int q, out int computed)
    {
        var sorted = Output().OrderBy(o => o.Item, s_javaCompare).ToArray();
        computed = 0;
        if (sorted.Length == 0)
        {
            return [];
        }
        var totalWeight = sorted.Sum(o => o.Weight);
        var nextThresh = totalWeight / q;
        var curq = 1;
        var i = 0;
        long sumSoFar = 0;
        var quantiles = Enumerable.Repeat(sorted[0].Item, q - 1).ToArray();
        while (i < sorted.Length && curq < q)
        {
            while (sumSoFar < nextThresh)
            {
                sumSoFar += sorted[i].Weight;
                i++;
            }
            quantiles[curq - 1] = sorted[Math.Min(i, sorted.Length - 1)].Item;
            computed = curq;
            curq++;
            nextThresh = curq * totalWeight / q;
        }
        return quantiles;
    }

    private int Capacity(int height) => 2 * ((int)Math.Ceiling(sketchSize * Math.Pow(shrinkingFactor, height) / 2) + 1);

    private int TotalSize => Enumerable.Range(0, _compactors.Count).Sum(Capacity);

    private int ActualSize => _compactors.Sum(c => c.Buffer.Count);

    private void Condense()
    {
        for (var height = 0; height < _compactors.Count; height++)
        {
            if (_compactors[height].Buffer.Count >= Capacity(height))
            {
                if (height + 1 >= _compactors.Count)
                {
                    _compactors.Add(new Compactor());
                }
                _compactors[height + 1].Buffer.AddRange(_compactors[height].Compact());
                return;
            }
        }
    }

    private IEnumerable<(double Item, long Weight)> Output() =>
        _compactors.SelectMany((c, i) => c.Buffer.Select(item => (item, 1L << i)));

    private static int JavaCompare(double a, double b) =>
        a < b ? -1 : a > b ? 1 : BitConverter.DoubleToInt64Bits(a).CompareTo(BitConverter.DoubleToInt64Bits(b));

    private sealed class Compactor
    {
        private int _numOfCompress;
        private int _offset;

        public List<double> Buffer { get; private set; } = [];

        public List<double> Compact()
        {
            var items = Buffer.Count;
            var len = items - items % 2;
            if (_numOfCompress % 2 == 1)
            {
                _offset = 1 - _offset;
            }
            var sortedBuffer = Buffer.Take(len).OrderBy(x => x, s_javaCompare).ToList();
            var output = new List<double>();
            for (var i = _offset; i < len; i += 2)
            {
                output.Add(sortedBuffer[i]);
            }
            Buffer = items % 2 == 1 ? [Buffer[items - 1]] : [];
            _numOfCompress++;
            return output;
        }
    }
}

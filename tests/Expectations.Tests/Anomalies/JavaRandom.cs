namespace Dq.Expectations.Tests.Anomalies;

/// <summary>
/// <c>java.util.Random</c> as its Javadoc specifies it (a 48-bit linear congruential generator, <c>nextDouble</c> from
/// 53 bits, <c>nextGaussian</c> by Marsaglia's polar method), so Deequ's tests, which draw their series from
/// <c>new Random(seed)</c>, can be rebuilt here value for value.
/// </summary>
internal sealed class JavaRandom(long seed)
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;

    private long _seed = (seed ^ Multiplier) & Mask;
    private double? _nextGaussian;

    public double NextDouble() => ((((long)Next(26)) << 27) + Next(27)) * (1.0 / (1L << 53));

    public double NextGaussian()
    {
        if (_nextGaussian is { } pending)
        {
            _nextGaussian = null;
            return pending;
        }
        double v1, v2, s;
        do
        {
            v1 = (2 * NextDouble()) - 1;
            v2 = (2 * NextDouble()) - 1;
            s = (v1 * v1) + (v2 * v2);
        }
        while (s >= 1 || s == 0);
        var multiplier = Math.Sqrt(-2 * Math.Log(s) / s);
        _nextGaussian = v2 * multiplier;
        return v1 * multiplier;
    }

    private int Next(int bits)
    {
        _seed = ((_seed * Multiplier) + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}

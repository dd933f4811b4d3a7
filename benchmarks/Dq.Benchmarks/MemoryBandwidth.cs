using System.Diagnostics;
using System.Globalization;

namespace Dq.Benchmarks;

/// <summary>
/// The machine's memory bandwidth as one core sees it, the physical figure CSV throughput is set beside: a 1 GiB
/// buffer read (summed as 64-bit words, vectorized) and copied, best of five passes each. Reading is what a scan does.
/// </summary>
internal static class MemoryBandwidth
{
    public static void Run()
    {
        const int bytes = 1 << 30;
        var source = new byte[bytes];
        var target = new byte[bytes];
        Random.Shared.NextBytes(source);
        target.AsSpan().Fill(1); // touch every page before timing
        double bestRead = 0, bestCopy = 0;
        long checksum = 0;
        for (var pass = 0; pass < 5; pass++)
        {
            var watch = Stopwatch.StartNew();
            checksum += Sum(source);
            bestRead = Math.Max(bestRead, bytes / watch.Elapsed.TotalSeconds);
            watch.Restart();
            source.AsSpan().CopyTo(target);
            bestCopy = Math.Max(bestCopy, 2.0 * bytes / watch.Elapsed.TotalSeconds); // read + write
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory bandwidth, one core: read {bestRead / 1e9:F1} GB/s, copy {bestCopy / 1e9:F1} GB/s (read + written) [checksum {checksum & 0xff}]"));
    }

    private static long Sum(byte[] buffer)
    {
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(buffer);
        var accumulator = System.Numerics.Vector<long>.Zero;
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<long, System.Numerics.Vector<long>>(words);
        foreach (var vector in vectors)
        {
            accumulator += vector;
        }
        return System.Numerics.Vector.Sum(accumulator);
    }
}

using ParquetSharp;

namespace Dq.Readers.Parquet;

/// <summary>The Arrow C++ memory pool that Parquet batches are allocated from.</summary>
/// <remarks>
/// jemalloc where the native library has it (Linux and macOS builds of ParquetSharp): it returns freed batch memory to
/// the system promptly, while Arrow's default there, mimalloc, kept 45–80 MiB more resident while streaming the
/// 10M-row orders file, at the same speed (benchmarks/results/amd-epyc-2c/README.md). Elsewhere, Arrow's default pool.
/// </remarks>
internal static class NativeMemory
{
    public static MemoryPool Pool { get; } = Choose();

    private static MemoryPool Choose()
    {
        try
        {
            return MemoryPool.JemallocMemoryPool();
        }
        catch (ParquetException)
        {
            return MemoryPool.GetDefaultMemoryPool();
        }
    }
}

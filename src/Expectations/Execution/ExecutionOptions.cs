namespace Dq.Expectations.Execution;

/// <summary>How the engine runs; none of these change a result, only how fast it comes.</summary>
internal readonly record struct ExecutionOptions
{
    /// <summary>Worker threads; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Rows per block: every kernel of a column scan reads a block while it is in cache.</summary>
    public int BlockRows { get; init; }

    /// <summary>Forces a kernel variant (tests); null chooses the fastest the hardware runs.</summary>
    public Kernels.KernelVariant? Variant { get; init; }

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Rows per block, rounded up to whole 64-row words so that selection words stay aligned.</summary>
    public int EffectiveBlockRows => BlockRows > 0 ? (BlockRows + 63) / 64 * 64 : 16_384;
}

using System.Runtime.Intrinsics;

namespace Dq.Expectations.Kernels;

/// <summary>Which implementation a vectorized kernel runs. Every variant computes the same result.</summary>
internal enum KernelVariant
{
    /// <summary>The plain loop: the reference the vector variants are tested against.</summary>
    Scalar,

    /// <summary>128-bit vectors (SSE, AdvSimd).</summary>
    Vector128,

    /// <summary>256-bit vectors (AVX2).</summary>
    Vector256,
}

/// <summary>Chooses the kernel variant once, from what the hardware accelerates.</summary>
internal static class KernelVariants
{
    public static KernelVariant Best { get; } =
        Vector256.IsHardwareAccelerated ? KernelVariant.Vector256
        : Vector128.IsHardwareAccelerated ? KernelVariant.Vector128
        : KernelVariant.Scalar;

    public static IReadOnlyList<KernelVariant> All { get; } = [KernelVariant.Scalar, KernelVariant.Vector128, KernelVariant.Vector256];
}

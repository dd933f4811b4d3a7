using Dq.Expectations.Metrics;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>The state of <see cref="QuantileSketchKey"/>.</summary>
internal sealed class QuantileSketchState : MetricState
{
    public KllSketch Sketch { get; } = new();

    public override void Merge(MetricState other) => Sketch.Merge(((QuantileSketchState)other).Sketch);
}

/// <summary>The state of <see cref="DistinctSketchKey"/>.</summary>
internal sealed class DistinctSketchState : MetricState
{
    public HyperLogLogPlusPlus Sketch { get; } = new();

    public override void Merge(MetricState other) => Sketch.Merge(((DistinctSketchState)other).Sketch);
}

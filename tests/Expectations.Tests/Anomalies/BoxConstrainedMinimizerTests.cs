using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>The bounded minimiser on functions whose minimum over the box is known in closed form.</summary>
public sealed class BoxConstrainedMinimizerTests
{
    [Fact]
    public void InteriorMinimum_IsFound()
    {
        var (point, value) = BoxConstrainedMinimizer.Minimize(
            p => Math.Pow(p[0] - 0.2, 2) + (10 * Math.Pow(p[1] - 0.7, 2)) + Math.Pow(p[2] - 0.5, 2), [0.3, 0.1, 0.1], 0, 1);
        Assert.Equal([0.2, 0.7, 0.5], point, new ToleranceComparer(1e-5));
        Assert.True(value < 1e-9);
    }

    [Fact]
    public void MinimumOutsideTheBox_StopsOnItsFaces()
    {
        // Unconstrained minimum (2, −1, 0.5): over [0, 1]³ the separable parts clamp to (1, 0, 0.5), value 1 + 1.
        var (point, value) = BoxConstrainedMinimizer.Minimize(
            p => Math.Pow(p[0] - 2, 2) + Math.Pow(p[1] + 1, 2) + Math.Pow(p[2] - 0.5, 2), [0.3, 0.1, 0.1], 0, 1);
        Assert.Equal([1, 0, 0.5], point, new ToleranceComparer(1e-5));
        Assert.Equal(2, value, 1e-8);
    }

    [Fact]
    public void RosenbrockValley_ReachesTheCorner()
    {
        // Σ 100(x[i+1] − x[i]²)² + (1 − x[i])²: minimum 0 at (1, 1, 1), a corner of the box, along a curved valley.
        static double Rosenbrock(double[] p) =>
            (100 * Math.Pow(p[1] - (p[0] * p[0]), 2)) + Math.Pow(1 - p[0], 2) + (100 * Math.Pow(p[2] - (p[1] * p[1]), 2)) + Math.Pow(1 - p[1], 2);
        var (point, value) = BoxConstrainedMinimizer.Minimize(Rosenbrock, [0.3, 0.1, 0.1], 0, 1);
        Assert.Equal([1, 1, 1], point, new ToleranceComparer(1e-3));
        Assert.True(value < 1e-6, $"value {value}");
    }

    [Fact]
    public void StartOutsideTheBox_IsClampedFirst()
    {
        var (point, _) = BoxConstrainedMinimizer.Minimize(p => p.Sum(v => v * v), [5, -5, 0.5], 0, 1);
        Assert.Equal([0, 0, 0], point, new ToleranceComparer(1e-6));
    }
}

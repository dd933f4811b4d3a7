namespace Dq.Expectations.Anomalies;

/// <summary>
/// Minimises a smooth function over a box <c>[lower, upper]ⁿ</c>: a projected limited-memory BFGS, the idea of
/// L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995) without its Cauchy-point subproblem. Deequ fits Holt-Winters with
/// breeze's L-BFGS-B from the same start and on finite-difference gradients; this is written for dq.
/// </summary>
/// <remarks>
/// <para>Each iteration (1) takes finite-difference gradients (central inside the box, one-sided on its faces, so
/// the function is never evaluated outside it); (2) fixes the variables that sit on a bound with the gradient
/// pushing outward; (3) builds the L-BFGS direction (two-loop recursion over the last 5 step pairs) on the free
/// variables, falling back to steepest descent when that is not a descent direction; (4) searches along the
/// projected path <c>clamp(x + t·d)</c> with Armijo backtracking from t = 1. It stops when the projected gradient
/// vanishes, when an iteration improves the value by less than 1e-12 relative, when no step improves it, or
/// after 200 iterations.</para>
/// <para>On a box the projected path keeps every iterate feasible, and the Armijo condition makes the value
/// decrease monotonically, so the result is never worse than the start.</para>
/// </remarks>
internal static class BoxConstrainedMinimizer
{
    private const int Memory = 5;
    private const int MaxIterations = 200;
    private const double Step = 1e-6;

    /// <summary>The point of the box with the smallest value found from <paramref name="start"/>, and that value.</summary>
    public static (double[] Point, double Value) Minimize(Func<double[], double> function, double[] start, double lower, double upper)
    {
        var n = start.Length;
        var x = start.Select(v => Math.Clamp(v, lower, upper)).ToArray();
        var fx = function(x);
        var g = Gradient(function, x, fx, lower, upper);
        var steps = new List<(double[] S, double[] Y, double Rho)>();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var free = new bool[n];
            var projectedNorm = 0.0;
            for (var i = 0; i < n; i++)
            {
                free[i] = !((x[i] <= lower && g[i] > 0) || (x[i] >= upper && g[i] < 0));
                if (free[i])
                {
                    projectedNorm = Math.Max(projectedNorm, Math.Abs(g[i]));
                }
            }
            if (projectedNorm <= 1e-10 * Math.Max(1, Math.Abs(fx)))
            {
                break;
            }
            var d = Direction(g, free, steps);
            if (!(Dot(d, g) < 0))
            {
                d = [.. g.Select((v, i) => free[i] ? -v : 0)];
                steps.Clear();
            }
            var (next, fNext) = LineSearch(function, x, fx, g, d, lower, upper);
            if (next is null)
            {
                break;
            }
            var gNext = Gradient(function, next, fNext, lower, upper);
            var s = next.Select((v, i) => v - x[i]).ToArray();
            var y = gNext.Select((v, i) => v - g[i]).ToArray();
            var sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                steps.Add((s, y, 1 / sy));
                if (steps.Count > Memory)
                {
                    steps.RemoveAt(0);
                }
            }
            var improvement = fx - fNext;
            (x, fx, g) = (next, fNext, gNext);
            if (improvement <= 1e-12 * Math.Max(1, Math.Abs(fx)))
            {
                break;
            }
        }
        return (x, fx);
    }

    /// <summary>The L-BFGS direction −H·g on the free variables (zero on the fixed ones).</summary>
    private static double[] Direction(double[] g, bool[] free, List<(double[] S, double[] Y, double Rho)> steps)
    {
        var q = g.Select((v, i) => free[i] ? v : 0).ToArray();
        var alphas = new double[steps.Count];
        for (var k = steps.Count - 1; k >= 0; k--)
        {
            alphas[k] = steps[k].Rho * Dot(steps[k].S, q, free);
            Axpy(-alphas[k], steps[k].Y, q, free);
        }
        if (steps.Count > 0)
        {
            var (s, y, _) = steps[^1];
            var yy = Dot(y, y, free);
            var scale = yy > 0 ? Dot(s, y, free) / yy : 1;
            for (var i = 0; i < q.Length; i++)
            {
                q[i] *= scale > 0 ? scale : 1;
            }
        }
        for (var k = 0; k < steps.Count; k++)
        {
            var beta = steps[k].Rho * Dot(steps[k].Y, q, free);
            Axpy(alphas[k] - beta, steps[k].S, q, free);
        }
        return [.. q.Select((v, i) => free[i] ? -v : 0)];
    }

    /// <summary>Armijo backtracking along <c>clamp(x + t·d)</c>; null when no step decreases the value.</summary>
    private static (double[]? Point, double Value) LineSearch(Func<double[], double> function, double[] x, double fx, double[] g, double[] d, double lower, double upper)
    {
        var t = 1.0;
        for (var attempt = 0; attempt < 60; attempt++, t *= 0.5)
        {
            var candidate = x.Select((v, i) => Math.Clamp(v + (t * d[i]), lower, upper)).ToArray();
            var moved = candidate.Select((v, i) => v - x[i]).ToArray();
            if (moved.All(m => m == 0))
            {
                return (null, fx);
            }
            var value = function(candidate);
            if (value <= fx + (1e-4 * Dot(g, moved)) && value < fx)
            {
                return (candidate, value);
            }
        }
        return (null, fx);
    }

    /// <summary>Finite-difference gradient: central where both neighbours lie in the box, one-sided on its faces.</summary>
    private static double[] Gradient(Func<double[], double> function, double[] x, double fx, double lower, double upper)
    {
        var gradient = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            var up = Math.Min(x[i] + Step, upper);
            var down = Math.Max(x[i] - Step, lower);
            probe[i] = up;
            var fUp = up > x[i] ? function(probe) : fx;
            probe[i] = down;
            var fDown = down < x[i] ? function(probe) : fx;
            probe[i] = x[i];
            gradient[i] = (fUp - fDown) / (up - down);
        }
        return gradient;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double Dot(double[] a, double[] b, bool[] free)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += free[i] ? a[i] * b[i] : 0;
        }
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y, bool[] free)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (free[i])
            {
                y[i] += a * x[i];
            }
        }
    }
}

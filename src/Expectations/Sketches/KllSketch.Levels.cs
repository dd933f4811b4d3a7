namespace Dq.Expectations.Sketches;

public sealed partial class KllSketch
{
    /// <summary>Each level's items in buffer order, level 0 first: statistics.json's <c>distribution.kll.sketch.data</c>
    /// (Deequ's <c>getCompactorItems</c>). An item of level h stands for 2^h values.</summary>
    /// <returns>Copies; changing them does not change the sketch.</returns>
    public IReadOnlyList<double[]> ToLevels()
    {
        var levels = new double[_levels.Count][];
        for (var h = 0; h < levels.Length; h++)
        {
            levels[h] = _levels[h].Items.ToArray();
        }
        return levels;
    }

    /// <summary>
    /// Rebuilds a sketch from its parameters and levels, such as a SageMaker or Deequ statistics.json's
    /// <c>sketch.parameters</c> and <c>sketch.data</c> (Deequ's <c>reconstruct</c>).
    /// </summary>
    /// <remarks>
    /// The levels are taken as they are, not condensed, and <see cref="Count"/> becomes Σ 2^h·|level h|. Like Deequ's
    /// <c>reconstruct</c>, each level's compaction counter starts again at 0, since statistics.json does not hold it, so a
    /// rebuilt sketch that goes on taking values may compact differently from the original.
    /// </remarks>
    /// <param name="k">The sketch size (<c>parameters.k</c>).</param>
    /// <param name="c">The shrinking factor (<c>parameters.c</c>).</param>
    /// <param name="levels">The levels, level 0 first; none means an empty sketch.</param>
    /// <returns>The sketch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> or <paramref name="c"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A level is null or holds NaN, or there are more than 62 levels.</exception>
    public static KllSketch FromLevels(int k, double c, IReadOnlyList<double[]> levels)
    {
        Validate(k, c);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count > 62)
        {
            throw new ArgumentException($"A KLL sketch with {levels.Count} levels would weigh over 2^62; the data is not a sketch.", nameof(levels));
        }
        var compactors = new List<KllCompactor>(Math.Max(levels.Count, 1));
        long count = 0;
        for (var h = 0; h < levels.Count; h++)
        {
            var items = levels[h] ?? throw new ArgumentException($"Level {h} of the KLL sketch data is null.", nameof(levels));
            if (Array.Exists(items, double.IsNaN))
            {
                throw new ArgumentException($"Level {h} of the KLL sketch data holds NaN, which a sketch never keeps.", nameof(levels));
            }
            compactors.Add(KllCompactor.FromItems(items));
            count += (long)items.Length << h;
        }
        if (compactors.Count == 0)
        {
            compactors.Add(new KllCompactor());
        }
        return new KllSketch(k, c, compactors) { _count = count };
    }
}

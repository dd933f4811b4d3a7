namespace Dq.Expectations.Metrics;

/// <summary>
/// The bounds of a range check. A null bound is unbounded; bounds are inclusive unless strict.
/// </summary>
/// <param name="Min">A <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/> or null.</param>
/// <param name="Max">As <paramref name="Min"/>.</param>
/// <param name="StrictMin">Whether a value equal to <paramref name="Min"/> is outside.</param>
/// <param name="StrictMax">Whether a value equal to <paramref name="Max"/> is outside.</param>
internal sealed record RangeBounds(object? Min, object? Max, bool StrictMin, bool StrictMax);

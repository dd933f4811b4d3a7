using System.Collections.Immutable;

namespace Dq.Expectations.Metrics;

/// <summary>
/// The values of a set-membership check, normalized so that equal sets compare equal as metric-key parameters.
/// </summary>
/// <remarks>
/// Membership is by value, as in GX: the integer 1 and the real 1.0 are the same member, the text "1" is not.
/// Integral reals are therefore stored as <see cref="long"/>; other members are <see cref="double"/>,
/// <see cref="string"/>, <see cref="bool"/>, <see cref="DateTime"/> or <see cref="DateOnly"/>.
/// </remarks>
internal sealed class ValueSet : IEquatable<ValueSet>
{
    private readonly int _hash;

    public ValueSet(IEnumerable<object?> values)
    {
        var members = ImmutableHashSet.CreateBuilder<object>();
        foreach (var value in values)
        {
            if (value is not null)
            {
                members.Add(Normalize(value));
            }
        }
        Members = members.ToImmutable();
        var hash = Members.Count;
        foreach (var member in Members)
        {
            hash ^= member.GetHashCode(); // order-independent, as set equality is
        }
        _hash = hash;
    }

    /// <summary>The distinct non-null members (a null in a GX value set never matches a value: nulls are skipped).</summary>
    public ImmutableHashSet<object> Members { get; }

    /// <summary>The integral members, including unsigned ones above <see cref="long.MaxValue"/>.</summary>
    public IEnumerable<Int128> Integers => Members.Select(m => m switch { long l => (Int128?)l, ulong u => u, _ => null })
        .Where(i => i.HasValue).Select(i => i!.Value);

    public IEnumerable<double> Reals => Members.Select(m => m switch { long l => (double)l, ulong u => (double)u, double d => d, _ => (double?)null })
        .Where(d => d.HasValue).Select(d => d!.Value);

    public IEnumerable<string> Texts => Members.OfType<string>();

    public IEnumerable<bool> Booleans => Members.OfType<bool>();

    public static object Normalize(object value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        sbyte b => (long)b,
        byte b => (long)b,
        ushort u => (long)u,
        uint u => (long)u,
        ulong u when u <= long.MaxValue => (long)u,
        float f => NormalizeReal(f),
        double d => NormalizeReal(d),
        decimal m => m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : (double)m,
        _ => value,
    };

    private static object NormalizeReal(double value) =>
        double.IsFinite(value) && value == Math.Truncate(value) && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18
            ? (object)(long)value
            : value;

    public bool Equals(ValueSet? other) => other is not null && _hash == other._hash && Members.SetEquals(other.Members);

    public override bool Equals(object? obj) => Equals(obj as ValueSet);

    public override int GetHashCode() => _hash;
}

using System.Text;
using Dq.Expectations.Kernels.Sets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Sets;

/// <summary>The packed short-string set against a HashSet of strings: same membership for any probe.</summary>
public sealed class ShortTextSetTests
{
    // Strings of 0 to 20 characters over a small alphabet (so probes often hit members and share prefixes and suffixes),
    // with multi-byte and NUL characters: every packing (under 4, 4-7, 8-16 bytes) and the too-long case.
    private static Gen<string> Texts() =>
        Gen.Choose(0, 20).SelectMany(n => Gen.Elements('A', 'B', 'é', '\0', 'Z').ArrayOf(n)).Select(a => new string(a));

    [Property(MaxTest = 500)]
    public Property ShortTextSet_AnyMembersAndProbes_MatchesHashSet() =>
        Prop.ForAll(Texts().ArrayOf().ToArbitrary(), Texts().ArrayOf().ToArbitrary(), (members, probes) =>
        {
            var bytes = members.Select(Encoding.UTF8.GetBytes).ToList();
            var set = ShortTextSet.TryCreate(bytes);
            if (bytes.Any(b => b.Length > ShortTextSet.MaxLength))
            {
                return set is null;
            }
            var reference = members.ToHashSet(StringComparer.Ordinal);
            // Near misses: each member with one character changed, at every position.
            var nearMisses = members.SelectMany(m => Enumerable.Range(0, m.Length).Select(i => string.Concat(m.AsSpan(0, i), m[i] == 'A' ? "B" : "A", m.AsSpan(i + 1))));
            return set is not null && probes.Concat(members).Concat(nearMisses).All(p => set.Contains(Encoding.UTF8.GetBytes(p)) == reference.Contains(p));
        });
}

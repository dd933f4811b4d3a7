using System.Text;
using Dq.Expectations.Kernels.Sets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Sets;

/// <summary>The packed short-string set against a HashSet of strings: same membership for any probe.</summary>
public sealed class ShortTextSetTests
{
    // Short strings over a small alphabet (so probes often hit members), with multi-byte and NUL characters.
    private static Gen<string> Texts() =>
        Gen.Elements('A', 'B', 'é', '\0', 'Z').ArrayOf().Where(a => a.Length <= 9).Select(a => new string(a));

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
            return set is not null && probes.Concat(members).All(p => set.Contains(Encoding.UTF8.GetBytes(p)) == reference.Contains(p));
        });
}

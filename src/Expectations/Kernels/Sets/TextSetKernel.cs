using System.Text;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>Set membership on a string column: a hash set of UTF-8 members probed with each value's bytes.</summary>
internal sealed class TextSetKernel : TextRowCheckKernel
{
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>> _members;
    private readonly bool _mustBeInSet;

    public TextSetKernel(IEnumerable<string> members, bool mustBeInSet, int sampleLimit) : base(sampleLimit)
    {
        var set = new HashSet<byte[]>(members.Select(Encoding.UTF8.GetBytes), Utf8Comparer.Instance);
        _members = set.GetAlternateLookup<ReadOnlySpan<byte>>();
        _mustBeInSet = mustBeInSet;
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8) => _members.Contains(utf8) != _mustBeInSet;
}

using System.Text;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>
/// Set membership on a string column, probed with each value's UTF-8 bytes: a <see cref="ShortTextSet"/> when every
/// member is short (the common case: codes and statuses), else a hash set of byte arrays.
/// </summary>
internal sealed class TextSetKernel : TextRowCheckKernel
{
    private readonly ShortTextSet? _short;
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>> _members;
    private readonly bool _mustBeInSet;

    public TextSetKernel(IEnumerable<string> members, bool mustBeInSet, int sampleLimit) : base(sampleLimit)
    {
        var set = new HashSet<byte[]>(members.Select(Encoding.UTF8.GetBytes), Utf8Comparer.Instance);
        _short = ShortTextSet.TryCreate(set);
        _members = set.GetAlternateLookup<ReadOnlySpan<byte>>();
        _mustBeInSet = mustBeInSet;
    }

    protected override bool IsUnexpected(ReadOnlySpan<byte> utf8) =>
        (_short is { } small ? small.Contains(utf8) : _members.Contains(utf8)) != _mustBeInSet;
}

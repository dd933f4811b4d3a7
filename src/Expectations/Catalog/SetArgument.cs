using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>The <c>value_set</c> kwarg: required, a list of values or null.</summary>
internal static class SetArgument
{
    public static ValueSet? Read(KwargReader kwargs)
    {
        var node = kwargs.Node("value_set");
        if (node is null && !kwargs.HasKwarg("value_set"))
        {
            throw kwargs.Error("value_set", "is missing", "give the allowed values as a list, such as [\"open\", \"closed\"]");
        }
        var values = kwargs.OptionalList("value_set");
        return values is null ? null : new ValueSet(values);
    }
}

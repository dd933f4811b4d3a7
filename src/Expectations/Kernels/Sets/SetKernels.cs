using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>
/// Builds the set-membership kernel for a column's Arrow type. Members are converted to the column's type once;
/// a member that has no exact value in that type (1.5 for an integer column, "x" for a number column) can match
/// no row and is dropped, which is GX's equality by value.
/// </summary>
internal static class SetKernels
{
    public static ColumnKernel Create(Field field, ValueSet values, bool mustBeInSet, int sampleLimit)
    {
        var type = field.DataType is DictionaryType dictionary ? dictionary.ValueType : field.DataType;
        return type switch
        {
            Int8Type => Integers<sbyte>(values, mustBeInSet, sampleLimit),
            Int16Type => Integers<short>(values, mustBeInSet, sampleLimit),
            Int32Type => Integers<int>(values, mustBeInSet, sampleLimit),
            Int64Type => Integers<long>(values, mustBeInSet, sampleLimit),
            UInt8Type => Integers<byte>(values, mustBeInSet, sampleLimit),
            UInt16Type => Integers<ushort>(values, mustBeInSet, sampleLimit),
            UInt32Type => Integers<uint>(values, mustBeInSet, sampleLimit),
            UInt64Type => Integers<ulong>(values, mustBeInSet, sampleLimit),
            DoubleType => new PrimitiveSetKernel<double>(values.Reals, mustBeInSet, sampleLimit),
            FloatType => new PrimitiveSetKernel<float>(values.Reals.Where(d => (float)d == d || double.IsNaN(d)).Select(d => (float)d), mustBeInSet, sampleLimit),
            StringType => new TextSetKernel(values.Texts, mustBeInSet, sampleLimit),
            BooleanType or Decimal128Type => new ValueSetKernel(values.Members, mustBeInSet, sampleLimit),
            Date32Type => Temporal<int>(values, unitsPerSecond: 1, secondsPerUnit: 86_400, mustBeInSet, sampleLimit),
            Date64Type => Temporal<long>(values, unitsPerSecond: 1_000, secondsPerUnit: 1, mustBeInSet, sampleLimit),
            TimestampType t => Temporal<long>(values, RangeKernels.UnitsPerSecond(t.Unit), secondsPerUnit: 1, mustBeInSet, sampleLimit),
            _ => throw new MetricPreconditionException(
                $"column `{field.Name}` has type {type.Name}, which a set-membership check cannot compare; sets take numbers, text, booleans, dates and timestamps."),
        };
    }

    private static PrimitiveSetKernel<T> Integers<T>(ValueSet values, bool mustBeInSet, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var members = values.Integers
            .Where(i => i >= Int128.CreateChecked(T.MinValue) && i <= Int128.CreateChecked(T.MaxValue))
            .Select(T.CreateChecked);
        return new PrimitiveSetKernel<T>(members, mustBeInSet, sampleLimit);
    }

    /// <summary>
    /// Members given as dates or ISO 8601 text, converted exactly to the column's unit; a member between two units
    /// (12:00:00.5 for a column in seconds) matches no row and is dropped.
    /// </summary>
    private static PrimitiveSetKernel<T> Temporal<T>(ValueSet values, long unitsPerSecond, long secondsPerUnit, bool mustBeInSet, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var members = new List<T>();
        foreach (var member in values.Members)
        {
            if (RangeKernels.TryTicks(member) is not { } ticks)
            {
                continue;
            }
            var (units, remainder) = Int128.DivRem(ticks * unitsPerSecond, (Int128)TimeSpan.TicksPerSecond * secondsPerUnit);
            if (remainder == 0 && units >= Int128.CreateChecked(T.MinValue) && units <= Int128.CreateChecked(T.MaxValue))
            {
                members.Add(T.CreateChecked(units));
            }
        }
        return new PrimitiveSetKernel<T>(members, mustBeInSet, sampleLimit);
    }
}

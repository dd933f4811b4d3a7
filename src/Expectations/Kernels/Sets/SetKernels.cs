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
            Date32Type => Temporal<int>(values, TimeSpan.TicksPerDay, mustBeInSet, sampleLimit),
            Date64Type => Temporal<long>(values, TimeSpan.TicksPerMillisecond, mustBeInSet, sampleLimit),
            TimestampType t => Temporal<long>(values, TicksPerUnit(t.Unit), mustBeInSet, sampleLimit),
            _ => throw new MetricPreconditionException(
                $"column `{field.Name}` has type {type.Name}, which a set-membership check cannot compare; sets take numbers, text, booleans, dates and timestamps."),
        };
    }

    private static PrimitiveSetKernel<T> Integers<T>(ValueSet values, bool mustBeInSet, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var members = values.Integers
            .Where(l => (Int128)l >= Int128.CreateChecked(T.MinValue) && (Int128)l <= Int128.CreateChecked(T.MaxValue))
            .Select(T.CreateChecked);
        return new PrimitiveSetKernel<T>(members, mustBeInSet, sampleLimit);
    }

    /// <summary>Members given as dates or ISO 8601 text, converted to the column's unit when exact.</summary>
    private static PrimitiveSetKernel<T> Temporal<T>(ValueSet values, double ticksPerUnit, bool mustBeInSet, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>
    {
        var members = new List<T>();
        foreach (var member in values.Members)
        {
            DateTime? utc = member switch
            {
                DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                string s when RangeKernels.TryParseInstant(s, out var parsed) => parsed,
                _ => null,
            };
            if (utc is { } instant)
            {
                var units = (instant.Ticks - DateTime.UnixEpoch.Ticks) / ticksPerUnit;
                if (units == Math.Floor(units))
                {
                    members.Add(T.CreateSaturating(units));
                }
            }
        }
        return new PrimitiveSetKernel<T>(members, mustBeInSet, sampleLimit);
    }

    private static double TicksPerUnit(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => TimeSpan.TicksPerSecond,
        TimeUnit.Millisecond => TimeSpan.TicksPerMillisecond,
        TimeUnit.Microsecond => 10,
        _ => 0.01,
    };
}

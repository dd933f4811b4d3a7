using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>
/// A column's aggregates as dq's summary kernels keep them: count, min, max, and for numbers the sum (exact for
/// integers: the database's sum as text, read as a 128-bit integer), the mean and the sum of squared deviations
/// (<c>var_pop</c> × n: the population variance, since PostgreSQL's <c>variance</c> and <c>stddev</c> are the sample
/// ones). NaN is left out, as dq and pandas leave it out; text extremes are by code point.
/// </summary>
internal sealed class SummaryPushdown(Field field, ColumnKind kind) : IPushdown
{
    public static SummaryPushdown? TryCreate(Field field)
    {
        var kind = ColumnKinds.Of(field.DataType);
        return kind == ColumnKind.Other || field.DataType is Apache.Arrow.Types.UInt64Type ? null : new SummaryPushdown(field, kind);
    }

    public IReadOnlyList<string> Aggregates(SqlCommandText sql, string where)
    {
        var c = SqlDialect.Quote(field.Name);
        switch (kind)
        {
            case ColumnKind.Integer:
                // Σx and Σx² exactly (PostgreSQL's numeric, DuckDB's 128-bit integers), as text: M2 = (n·Σx² − (Σx)²) / n
                // rounds once, as the engine's exact integer sums do, where var_pop × n would round twice.
                var wide = sql.Dialect.Engine == SqlEngine.PostgreSql ? "numeric" : "HUGEINT";
                return [$"count({c})", $"min({c})", $"max({c})", $"CAST(sum({c}) AS text)", $"CAST(avg({c}) AS float8)", $"CAST(sum(CAST({c} AS {wide}) * {c}) AS text)"];
            case ColumnKind.Real:
                var keep = $"FILTER (WHERE NOT ({c} = {SqlDialect.NaN}))";
                return [$"count({c}) {keep}", $"min({c}) {keep}", $"max({c}) {keep}", $"CAST(sum({c}) {keep} AS float8)", $"CAST(avg({c}) {keep} AS float8)", $"CAST(var_pop({c}) {keep} AS float8)"];
            case ColumnKind.Decimal:
                return [$"count({c})", $"min({c})", $"max({c})", $"CAST(sum({c}) AS float8)", $"CAST(avg({c}) AS float8)", $"CAST(var_pop({c}) AS float8)"];
            case ColumnKind.Boolean:
                var n = $"CAST({c} AS integer)";
                return [$"count({c})", $"bool_and({c})", $"bool_or({c})", $"CAST(sum({n}) AS float8)", $"CAST(avg({n}) AS float8)", $"CAST(var_pop({n}) AS float8)"];
            case ColumnKind.Text:
                return [$"count({c})", $"min({sql.Dialect.CodePointText(c)})", $"max({sql.Dialect.CodePointText(c)})"];
            default:
                return [$"count({c})", $"min({c})", $"max({c})"];
        }
    }

    public MetricState Build(IReadOnlyList<object?> values, int sampleLimit)
    {
        var numeric = kind is ColumnKind.Integer or ColumnKind.Real or ColumnKind.Decimal or ColumnKind.Boolean;
        var integer = kind == ColumnKind.Integer;
        var state = new ColumnSummaryState { IsNumeric = numeric, IsInteger = integer };
        var count = Convert.ToInt64(values[0], CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return state;
        }
        var min = EngineValues.Of(values[1], field);
        var max = EngineValues.Of(values[2], field);
        if (!numeric)
        {
            state.AddBlock(count, min, max, 0, 0, 0, 0, 0);
            return state;
        }
        var integerSum = integer ? Int128.Parse((string)values[3]!, CultureInfo.InvariantCulture) : 0;
        var sum = integer ? (double)integerSum : Real(values[3]);
        var mean = Real(values[4]);
        var squaredDeviations = integer ? ExactSquaredDeviations(count, integerSum, (string)values[5]!) : Real(values[5]) * count;
        state.AddBlock(count, min, max, integerSum, sum, 0, mean, squaredDeviations);
        return state;
    }

    private static double ExactSquaredDeviations(long count, Int128 sum, string sumOfSquares)
    {
        var numerator = (count * System.Numerics.BigInteger.Parse(sumOfSquares, CultureInfo.InvariantCulture)) - ((System.Numerics.BigInteger)sum * (System.Numerics.BigInteger)sum);
        return (double)numerator / count;
    }

    private static double Real(object? value) => value is null or DBNull ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}

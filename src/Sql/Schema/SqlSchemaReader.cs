using System.Data.Common;
using System.Text.RegularExpressions;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Sql.Schema;

/// <summary>
/// The Arrow schema of a relation, from the result columns of <c>SELECT * … LIMIT 0</c>: each database type as the
/// Arrow type dq's readers would give the same data, so every expectation judges the column as it would from a file.
/// </summary>
/// <remarks>
/// Types with no Arrow counterpart dq reads (intervals, arrays, JSON, UUIDs, enums…) are read as their text. A
/// PostgreSQL <c>numeric</c> without a precision is read as double precision (it has no fixed scale to give a decimal).
/// </remarks>
internal static partial class SqlSchemaReader
{
    public static Apache.Arrow.Schema Read(SqlSession session)
    {
        var command = session.Command();
        command.CommandText = $"SELECT * FROM {session.Source.Relation.FromText} LIMIT 0";
        var declared = session.Dialect.Engine == SqlEngine.DuckDb ? DuckDbTypes(session) : null;
        return session.Read(command, reader => FromReader(reader, declared));
    }

    /// <summary>DuckDB's declared types (DESCRIBE): its ADO.NET provider names a decimal without precision and scale.</summary>
    private static List<string> DuckDbTypes(SqlSession session)
    {
        var command = session.Command();
        command.CommandText = $"DESCRIBE SELECT * FROM {session.Source.Relation.FromText}";
        var types = new List<string>();
        session.Execute(command, reader => types.Add(reader.GetString(1)));
        return types;
    }

    internal static Apache.Arrow.Schema FromReader(DbDataReader reader, List<string>? declared)
    {
        var fields = new List<Field>();
        var columns = reader.GetColumnSchema();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var column = columns[i];
            var name = declared is not null && i < declared.Count ? declared[i] : reader.GetDataTypeName(i);
            var type = ArrowType(reader.GetFieldType(i), name, column.NumericPrecision, column.NumericScale);
            fields.Add(new Field(reader.GetName(i), type, nullable: true));
        }
        return new Apache.Arrow.Schema(fields, null);
    }

    internal static IArrowType ArrowType(Type clr, string databaseType, int? precision, int? scale)
    {
        var name = databaseType.ToLowerInvariant();
        if (name is "date")
        {
            return Date32Type.Default;
        }
        if (name.StartsWith("timestamp", StringComparison.Ordinal))
        {
            var zoned = name is "timestamptz" || name.StartsWith("timestamp with time zone", StringComparison.Ordinal);
            return new TimestampType(TimeUnit.Microsecond, zoned ? "UTC" : null);
        }
        return clr switch
        {
            _ when clr == typeof(long) => Int64Type.Default,
            _ when clr == typeof(int) => Int32Type.Default,
            _ when clr == typeof(short) => Int16Type.Default,
            _ when clr == typeof(sbyte) => Int8Type.Default,
            _ when clr == typeof(byte) => UInt8Type.Default,
            _ when clr == typeof(ushort) => UInt16Type.Default,
            _ when clr == typeof(uint) => UInt32Type.Default,
            _ when clr == typeof(ulong) => UInt64Type.Default,
            _ when clr == typeof(double) => DoubleType.Default,
            _ when clr == typeof(float) => FloatType.Default,
            _ when clr == typeof(bool) => BooleanType.Default,
            _ when clr == typeof(byte[]) || clr == typeof(Stream) => BinaryType.Default,
            _ when clr == typeof(decimal) => Decimal(name, precision, scale),
            _ when clr == typeof(System.Numerics.BigInteger) => new Decimal128Type(38, 0),
            _ when clr == typeof(DateOnly) => Date32Type.Default,
            _ when clr == typeof(DateTime) => new TimestampType(TimeUnit.Microsecond, (string?)null),
            _ when clr == typeof(DateTimeOffset) => new TimestampType(TimeUnit.Microsecond, "UTC"),
            _ => StringType.Default,
        };
    }

    private static IArrowType Decimal(string name, int? precision, int? scale)
    {
        if (DecimalPattern().Match(name) is { Success: true } match)
        {
            return new Decimal128Type(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return precision is > 0 and <= 38 && scale is >= 0 ? new Decimal128Type(precision.Value, scale.Value) : DoubleType.Default;
    }

    [GeneratedRegex(@"\((\d+)\s*,\s*(\d+)\)")]
    private static partial Regex DecimalPattern();
}

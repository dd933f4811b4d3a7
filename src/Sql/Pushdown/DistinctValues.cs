using Apache.Arrow;
using Dq.Sql.Schema;

namespace Dq.Sql.Pushdown;

/// <summary>
/// The distinct values of one column among the rows a row condition selects, with how many rows hold each
/// (<c>SELECT c, count(*) … GROUP BY c</c>): as an Arrow batch of the column's type for dq's kernels, the
/// database's own values for the IN list of a sample query, and the weights.
/// </summary>
internal sealed class DistinctValues
{
    private DistinctValues(Field field, RecordBatch batch, List<object?> raw, List<long> weights)
    {
        Field = field;
        Batch = batch;
        Raw = raw;
        Weights = weights;
    }

    public Field Field { get; }

    /// <summary>One row per distinct value (the null group included, when there is one).</summary>
    public RecordBatch Batch { get; }

    public IReadOnlyList<object?> Raw { get; }

    public IReadOnlyList<long> Weights { get; }

    public static DistinctValues Fetch(SqlSession session, Field field, Dq.Expectations.Conditions.RowFilter? filter, Apache.Arrow.Schema schema)
    {
        var sql = new SqlCommandText(session);
        var where = ConditionSql.TryCompile(filter, schema, sql)
            ?? throw new InvalidOperationException("The distinct-values path was chosen for a row condition with no SQL form.");
        var c = SqlDialect.Quote(field.Name);
        sql.Command.CommandText = $"SELECT {c}, count(*) FROM {session.Source.Relation.FromText} WHERE {where} GROUP BY {c}";
        var writer = new ArrowColumnWriter(field.DataType);
        var raw = new List<object?>();
        var weights = new List<long>();
        session.Execute(sql.Command, reader =>
        {
            var value = reader.IsDBNull(0) ? null : reader.GetValue(0);
            writer.Append(value);
            raw.Add(value);
            weights.Add(reader.GetInt64(1));
        });
        var single = new Apache.Arrow.Schema([new Field(field.Name, field.DataType, nullable: true)], null);
        return new DistinctValues(field, new RecordBatch(single, [writer.Build()], raw.Count), raw, weights);
    }
}

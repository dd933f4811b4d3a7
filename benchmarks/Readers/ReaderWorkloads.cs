using System.Globalization;
using Apache.Arrow;
using CsvHelper;
using Dq.Readers;
using DuckDB.NET.Data;
using nietras.SeparatedValues;

namespace Dq.Benchmarks.Readers;

/// <summary>
/// One read of the whole orders file per method, each returning the row count. The peers do the same work as far as
/// their APIs allow: every field tokenized, order_id and amount parsed as numbers, strings seen as spans (dq also
/// copies them into Arrow buffers, which the peers do not have to).
/// </summary>
public static class ReaderWorkloads
{
    public static long DqCsv(string path) => DqCsv(path, null);

    public static long DqCsv(string path, string[]? columns)
    {
        using var source = new CsvSource(path);
        long rows = 0;
        foreach (RecordBatch batch in source.ReadBatches(columns))
        {
            rows += batch.Length;
        }
        return rows;
    }

    public static long CsvHelperCsv(string path)
    {
        using CsvReader reader = CsvReader.FromFile(path, new CsvHelper.CsvReaderOptions { HasHeader = true });
        long rows = 0;
        double sum = 0;
        while (reader.Read())
        {
            sum += long.Parse(reader.GetSpan(0), CultureInfo.InvariantCulture) + double.Parse(reader.GetSpan(2), CultureInfo.InvariantCulture);
            rows += reader.GetSpan(1).Length + reader.GetSpan(3).Length + reader.GetSpan(4).Length >= 0 ? 1 : 0;
        }
        return sum > 0 ? rows : -rows;
    }

    public static long SepCsv(string path)
    {
        using SepReader reader = Sep.Reader().FromFile(path);
        long rows = 0;
        double sum = 0;
        foreach (SepReader.Row row in reader)
        {
            sum += row[0].Parse<long>() + row[2].Parse<double>();
            rows += row[1].Span.Length + row[3].Span.Length + row[4].Span.Length >= 0 ? 1 : 0;
        }
        return sum > 0 ? rows : -rows;
    }

    public static long DqParquet(string path)
    {
        using var source = new ParquetSource(path);
        long rows = 0;
        foreach (RecordBatch batch in source.ReadBatches())
        {
            rows += batch.Length;
        }
        return rows;
    }

    /// <summary>DuckDB decodes every column inside its engine: the aggregates force a full scan without moving values to .NET.</summary>
    public static long DuckDb(string path, bool parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string scan = parquet ? $"read_parquet('{path}')" : $"read_csv('{path}')";
        command.CommandText = $"SELECT count(*), sum(order_id), count(customer_id), sum(amount), sum(length(status)), count(order_date) FROM {scan}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0);
    }
}

/// <summary>dq's CSV tokenizer alone (no typed parsing, no Arrow buffers), to split the reader's cost.</summary>
public static class TokenizerWorkload
{
    public static long Tokenize(string path)
    {
        using var tokenizer = new Dq.Readers.Csv.CsvTokenizer(File.OpenRead(path), path, new Dq.Readers.CsvReaderOptions());
        tokenizer.ReadHeader(hasHeader: true);
        long rows = 0;
        int n;
        while ((n = tokenizer.ReadBlock(65_536)) > 0)
        {
            rows += n;
        }
        return rows;
    }
}

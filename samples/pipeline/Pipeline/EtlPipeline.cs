using Dq.Samples.Etl;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Pipeline;

/// <summary>
/// The sample pipeline's transform step: raw <c>customers.csv</c> and <c>orders.csv</c> → the ETL transforms →
/// <c>customers.parquet</c> and <c>order_metrics.parquet</c>. The quality gate runs after it, on the Parquet files
/// (<c>dq validate --checkpoint checkpoints/pipeline.yml</c>, see <c>run.sh</c>).
/// </summary>
public static class EtlPipeline
{
    private static readonly Type[] s_customerTypes = [typeof(string), typeof(string), typeof(string), typeof(string)];
    private static readonly Type[] s_orderTypes = [typeof(string), typeof(string), typeof(double), typeof(double), typeof(double), typeof(DateTime)];

    /// <summary>Runs the transforms from <paramref name="inputFolder"/> into <paramref name="outputFolder"/>; returns the row counts written.</summary>
    public static async Task<(long Customers, long Orders)> RunAsync(string inputFolder, string outputFolder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputFolder);
        var customers = EmptyTextAsNull(DataFrame.LoadCsv(Path.Combine(inputFolder, "customers.csv"), dataTypes: s_customerTypes));
        var orders = EmptyTextAsNull(DataFrame.LoadCsv(Path.Combine(inputFolder, "orders.csv"), dataTypes: s_orderTypes));

        var cleaned = CustomerTransforms.CleanCustomerData(customers);
        var metrics = OrderTransforms.CalculateOrderMetrics(orders);

        await ParquetFrameWriter.WriteAsync(cleaned, Path.Combine(outputFolder, "customers.parquet"), cancellationToken);
        await ParquetFrameWriter.WriteAsync(metrics, Path.Combine(outputFolder, "order_metrics.parquet"), cancellationToken);
        return (cleaned.Rows.Count, metrics.Rows.Count);
    }

    /// <summary>
    /// An empty CSV field is a null, as Spark's and dq's CSV readers take it; <c>DataFrame.LoadCsv</c> reads it as an
    /// empty string in text columns.
    /// </summary>
    private static DataFrame EmptyTextAsNull(DataFrame frame)
    {
        foreach (var column in frame.Columns.OfType<StringDataFrameColumn>())
        {
            for (long row = 0; row < column.Length; row++)
            {
                if (column[row] is "")
                {
                    column[row] = null;
                }
            }
        }
        return frame;
    }
}

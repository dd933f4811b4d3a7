using Dq.Samples.Pipeline;

// Usage: dotnet run --project samples/pipeline/Pipeline -- <input folder> <output folder>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Dq.Samples.Pipeline <input folder with customers.csv and orders.csv> <output folder>");
    return 2;
}
var (customers, orders) = await EtlPipeline.RunAsync(args[0], args[1]);
Console.WriteLine($"wrote {customers} customers and {orders} order metrics to {args[1]}");
return 0;

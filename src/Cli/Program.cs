using Dq.Cli;
using Dq.Cli.Running;

MallocTuning.Apply();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop between batches and exit 130 with nothing half-written, rather than being killed mid-write.
    e.Cancel = true;
    cancellation.Cancel();
};
return DqApp.Run(args, Console.Out, Console.Error, cancellation.Token);

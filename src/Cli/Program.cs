using System.Runtime.InteropServices;
using Dq.Cli;
using Dq.Cli.Running;

MallocTuning.Apply();
using var cancellation = new CancellationTokenSource();
// Ctrl-C (SIGINT) and a CI runner stopping the job (SIGTERM) both stop between batches and exit 130 with nothing
// half-written, rather than the process being killed mid-write. A SIGINT that the parent ignores (a background job
// of a non-interactive shell) stays ignored, as the convention wants.
// A run that cannot notice the signal (blocked opening a FIFO nobody writes, a hung network disk) must still end: a
// second signal, or 10 seconds without stopping, exits at once. Outputs are committed by renames and one SQLite
// commit, each atomic, so even then nothing is half-written.
var signals = 0;
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Increment(ref signals) > 1)
    {
        Console.Error.WriteLine("dq: stopped by a second signal.");
        Environment.Exit(ExitCodes.Cancelled);
    }
    cancellation.Cancel();
    _ = Task.Delay(TimeSpan.FromSeconds(10)).ContinueWith(_ =>
    {
        Console.Error.WriteLine("dq: still busy 10 s after the signal (blocked on a file or pipe?); stopping now.");
        Environment.Exit(ExitCodes.Cancelled);
    }, TaskScheduler.Default);
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return DqApp.Run(args, Console.Out, Console.Error, cancellation.Token);

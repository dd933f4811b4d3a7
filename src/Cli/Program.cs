using System.Runtime.InteropServices;
using Dq.Cli;
using Dq.Cli.Running;

MallocTuning.Apply();
using var cancellation = new CancellationTokenSource();
// Ctrl-C (SIGINT) and a CI runner stopping the job (SIGTERM) both stop between batches and exit 130 with nothing
// half-written, rather than the process being killed mid-write. A SIGINT that the parent ignores (a background job
// of a non-interactive shell) stays ignored, as the convention wants.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return DqApp.Run(args, Console.Out, Console.Error, cancellation.Token);

using System.Diagnostics;

namespace Dq.Cli.Tests;

/// <summary>Runs <c>dq</c> in-process (fast, for most tests) or as a child process (<c>dotnet dq.dll</c>, for concurrency and kill tests).</summary>
internal static class DqRunner
{
    /// <summary>The dq.dll built beside the tests.</summary>
    public static string DqDll { get; } = Path.Combine(AppContext.BaseDirectory, "dq.dll");

    public static (int Code, string Out, string Err) Run(params string[] args) => Run(CancellationToken.None, args);

    public static (int Code, string Out, string Err) Run(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DqApp.Run(args, stdout, stderr, cancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts <c>dotnet dq.dll args</c> with redirected output.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DqDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return Process.Start(info)!;
    }

    /// <summary>Runs <c>dotnet dq.dll args</c> to completion (killed after <paramref name="timeout"/>).</summary>
    public static (int Code, string Out, string Err) RunProcess(string workingDirectory, TimeSpan timeout, params string[] args) =>
        Complete(Start(workingDirectory, null, args), timeout, $"dq {string.Join(' ', args)}");

    /// <summary>Reads a started process's output to the end and waits for it, killing it after <paramref name="timeout"/>.</summary>
    /// <param name="process">A process started with redirected output and error; disposed here.</param>
    /// <param name="timeout">How long it may run.</param>
    /// <param name="description">The command line, for the timeout's message.</param>
    public static (int Code, string Out, string Err) Complete(Process process, TimeSpan timeout, string description)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{description} did not finish within {timeout}.");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}

/// <summary>A temporary folder per test, deleted afterwards.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("dq-cli-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS anyway.
        }
        GC.SuppressFinalize(this);
    }

    protected string Write(string relative, string content)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Makes a project with <c>dq init</c> in <c>Folder/proj</c> and returns its path.</summary>
    protected string InitProject()
    {
        var root = Path.Combine(Folder, "proj");
        var (code, _, error) = DqRunner.Run("init", root);
        Assert.True(code == 0, error);
        return root;
    }
}

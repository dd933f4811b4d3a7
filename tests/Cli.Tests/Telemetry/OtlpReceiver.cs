using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dq.Cli.Tests.Telemetry;

/// <summary>One HTTP request as the receiver read it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A minimal HTTP/1.1 server on a free loopback port that stands in for an OpenTelemetry collector's OTLP/HTTP
/// receiver: it records every request and answers 200 with an empty protobuf body (an empty
/// ExportMetricsServiceResponse). It holds its port from the start, so no other process can take it in between.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public OtlpReceiver()
    {
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        var reader = new BufferedReader(stream, _stop.Token);
        var requestLine = await reader.ReadLineAsync();
        if (requestLine is null)
        {
            return;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var all = new MemoryStream();
            for (var size = int.Parse((await reader.ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture); size > 0;
                size = int.Parse((await reader.ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            {
                all.Write(await reader.ReadExactlyAsync(size));
                await reader.ReadLineAsync();
            }
            body = all.ToArray();
        }
        else
        {
            body = [];
        }
        var parts = requestLine.Split(' ');
        Requests.Enqueue(new ReceivedRequest(parts[0], parts[1], headers, body));
        var response = "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();
        await stream.WriteAsync(response, _stop.Token);
    }

    /// <summary>Reads lines and exact byte counts from a stream, keeping what it read ahead.</summary>
    private sealed class BufferedReader(Stream stream, CancellationToken cancellationToken)
    {
        private readonly List<byte> _pending = [];

        public async Task<string?> ReadLineAsync()
        {
            while (true)
            {
                var end = _pending.IndexOf((byte)'\n');
                if (end >= 0)
                {
                    var line = Encoding.ASCII.GetString([.. _pending.Take(end)]).TrimEnd('\r');
                    _pending.RemoveRange(0, end + 1);
                    return line;
                }
                if (!await FillAsync())
                {
                    return null;
                }
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count)
        {
            while (_pending.Count < count)
            {
                if (!await FillAsync())
                {
                    throw new EndOfStreamException($"the request body ended after {_pending.Count} of {count} bytes.");
                }
            }
            var bytes = _pending.Take(count).ToArray();
            _pending.RemoveRange(0, count);
            return bytes;
        }

        private async Task<bool> FillAsync()
        {
            var buffer = new byte[8192];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            _pending.AddRange(buffer.AsSpan(0, read));
            return read > 0;
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>
/// A loopback HTTP/1.1 server on a raw <see cref="TcpListener"/> (127.0.0.1, port 0), so a route controls every byte:
/// it may stall, drip, lie about lengths, reset, or not speak HTTP at all. Disposing it stops everything it started.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private const int MaxHead = 16 * 1024;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, Task> connections = new();
    private readonly Func<HostileExchange, Task> handler;
    private readonly SslServerAuthenticationOptions? tls;
    private readonly Task acceptLoop;
    private int requests;

    private HostileServer(Func<HostileExchange, Task> handler, SslServerAuthenticationOptions? tls)
    {
        this.handler = handler;
        this.tls = tls;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public Uri BaseUri => new($"{(tls is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Requests whose head was read, across all connections.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static HostileServer Start(Func<HostileExchange, Task> handler) => new(handler, null);

    /// <summary>The same server behind TLS with <paramref name="tls"/>'s certificate (and client-certificate demand).</summary>
    public static HostileServer StartTls(Func<HostileExchange, Task> handler, SslServerAuthenticationOptions tls) => new(handler, tls);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        foreach (var socket in connections.Keys)
        {
            socket.Dispose();
        }

        await Task.WhenAll(connections.Values.Append(acceptLoop).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections[socket] = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            X509Certificate? client = null;
            if (tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsServerAsync(tls, stop.Token);
                client = ssl.RemoteCertificate;
            }

            await using (stream)
            {
                if (await ReadHeadAsync(stream) is { } head)
                {
                    Interlocked.Increment(ref requests);
                    await handler(new HostileExchange(head, socket, stream, stop.Token) { ClientCertificate = client });
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
        {
            // The client gave up or the server is stopping: either is the point of a hostile route.
        }
        finally
        {
            socket.Dispose();
            connections.TryRemove(socket, out _);
        }
    }

    private async Task<HostileRequest?> ReadHeadAsync(Stream stream)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), stop.Token);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var text = Encoding.Latin1.GetString(buffer, 0, length);
            if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
            {
                return HostileRequest.Parse(text[..end]);
            }
        }

        return null;
    }
}

/// <summary>The request line and headers of one request (bodies are not read; routes answer regardless).</summary>
internal sealed record HostileRequest(string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static HostileRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var target = parts.Length > 1 ? parts[1] : "/";
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p[1].Trim())).ToList();
        return new HostileRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? string.Empty : target[(q + 1)..], headers);
    }
}

/// <summary>One request and the raw connection to answer it on.</summary>
internal sealed record HostileExchange(HostileRequest Request, Socket Socket, Stream Stream, CancellationToken Stopping)
{
    /// <summary>The certificate the client offered on a TLS server, else null.</summary>
    public X509Certificate? ClientCertificate { get; init; }

    public Task WriteAsync(string text) => WriteAsync(Encoding.Latin1.GetBytes(text));

    public async Task WriteAsync(byte[] bytes) => await Stream.WriteAsync(bytes, Stopping);

    /// <summary>A complete response that closes the connection afterwards.</summary>
    public async Task RespondAsync(int status, string reason, string contentType, byte[] body, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await WriteAsync(head.Append("\r\n").ToString());
        await WriteAsync(body);
    }

    public Task RespondAsync(int status, string reason, string contentType, string body, params string[] headers) =>
        RespondAsync(status, reason, contentType, Encoding.UTF8.GetBytes(body), headers);
}

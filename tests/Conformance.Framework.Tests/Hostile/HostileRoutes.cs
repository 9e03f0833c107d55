using System.IO.Compression;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>One misbehaving route per fault; Packs/hostile maps one operation to each path.</summary>
internal static class HostileRoutes
{
    public const string Thing = """{"id":"1","name":"widget"}""";
    private static readonly Lazy<byte[]> Bomb = new(() => GzipZeros(16 * 1024 * 1024));

    /// <summary>Every path, for the bench and for the test that each has a row.</summary>
    public static IReadOnlyList<string> Paths { get; } =
        ["/ok", "/reset", "/stall", "/drip", "/endless", "/huge", "/gzip-bomb", "/not-json", "/bad-utf8", "/lone-surrogate", "/lone-surrogate-key", "/surrogate-pair", "/deep", "/loop", "/short", "/ssh",
        "/bad-gzip", "/bad-location", "/chain", "/status-999", "/closed-post", "/dot-dot", "/lone-capture",
        "/switch", "/switch-bare", "/switch-asked", "/tls-alert", "/tls-hello", "/two-lengths", "/two-lengths-first", "/two-lengths-open", "/huge-headers", "/bad-chunk", "/dup-keys", "/early-hints", "/bare-status", "/http10-close", "/utf16", "/latin1"];

    public static Task HandleAsync(HostileExchange x) => x.Request.Path switch
    {
        "/ok" => x.RespondAsync(200, "OK", "application/json", Thing),
        "/reset" => ResetMidBodyAsync(x),
        "/stall" => Task.Delay(Timeout.Infinite, x.Stopping),
        "/drip" => DripAsync(x),
        "/endless" => EndlessAsync(x),
        "/huge" => LieAsync(x, 2L * 1024 * 1024 * 1024),
        "/gzip-bomb" => x.RespondAsync(200, "OK", "application/json", Bomb.Value, "Content-Encoding: gzip"),
        "/not-json" => x.RespondAsync(200, "OK", "application/json", """{"id": "1", "name": wid"""),
        "/bad-utf8" => x.RespondAsync(200, "OK", "application/json", [.. "{\"id\":\"1\",\"name\":\""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]),
        "/lone-surrogate" => x.RespondAsync(200, "OK", "application/json", "{\"id\":\"1\",\n \"name\":\"wid\\uD800get\"}"),
        "/lone-surrogate-key" => x.RespondAsync(200, "OK", "application/json", "{\"id\":\"1\",\"name\":\"widget\",\"\\uDC00\\uD800\":1}"),
        "/surrogate-pair" => x.RespondAsync(200, "OK", "application/json", "{\"id\":\"1\",\"name\":\"\\uD83D\\uDC32 \\\\uD800\",\"\\ud83d\\udc32\":true}"),
        "/deep" => x.RespondAsync(200, "OK", "application/json", new string('[', 100_000) + new string(']', 100_000)),
        "/loop" => x.RespondAsync(302, "Found", "text/plain", string.Empty, "Location: /loop"),
        "/short" => LieAsync(x, 500),
        "/ssh" => x.WriteAsync("SSH-2.0-OpenSSH_9.6\r\n"),
        "/bad-gzip" => x.RespondAsync(404, "Not Found", "application/json", [0x1F, 0x8B, 0x08, 0x00, .. "garbage, not deflate data"u8], "Content-Encoding: gzip"),
        "/bad-location" => x.RespondAsync(307, "Temporary Redirect", "text/plain", string.Empty, "Location: http://exa mple.com/[x"),
        "/chain" => x.RespondAsync(302, "Found", "text/plain", string.Empty, "Location: /bad-location"),
        "/status-999" => x.RespondAsync(999, "Whatever", "application/json", Thing),
        "/closed-post" => CloseAsync(x),
        "/switch" or "/switch-asked" => SwitchAsync(x, "Upgrade: websocket\r\nConnection: Upgrade\r\n"),
        "/switch-bare" => SwitchAsync(x, string.Empty),
        "/tls-alert" => x.WriteAsync([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]), // fatal protocol_version, as a TLS port answers plain text
        "/tls-hello" => x.WriteAsync([0x16, 0x03, 0x03, 0x00, 0x31, 0x02, 0x00, 0x00, 0x2D, 0x03, 0x03, .. new byte[16]]), // a ServerHello's start
        "/two-lengths" => TwoLengthsAsync(x, close: true),
        "/two-lengths-first" => x.RespondAsync(200, "OK", "application/json", Thing, "Content-Length: 40"), // the first is the true one
        "/two-lengths-open" => TwoLengthsAsync(x, close: false),
        "/huge-headers" => x.RespondAsync(200, "OK", "application/json", Thing, "X-Padding: " + new string('a', 200_000)),
        "/bad-chunk" => x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + Thing + "\r\n0\r\n\r\n"),
        "/dup-keys" => x.RespondAsync(200, "OK", "application/json", """{"id":"1","name":"widget","meta":{"tags":[{"k":"a","k":"b"}]}}"""),
        "/early-hints" => x.WriteAsync("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + Thing.Length + "\r\nConnection: close\r\n\r\n" + Thing),
        "/bare-status" => x.WriteAsync("HTTP/1.1 404\r\nContent-Type: application/json\r\nContent-Length: " + Thing.Length + "\r\nConnection: close\r\n\r\n" + Thing),
        "/http10-close" => x.WriteAsync("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + """{"id":"1","name":"widget","a":{"k":1},"b":{"k":2}}"""),
        "/utf16" => x.RespondAsync(200, "OK", "application/json; charset=utf-16", Encoding.Unicode.GetBytes(Thing)),
        "/latin1" => x.RespondAsync(200, "OK", "application/json; charset=iso-8859-1", Encoding.Latin1.GetBytes("{\"id\":\"1\",\"name\":\"caf\u00e9\"}")),
        "/make" => x.RespondAsync(201, "Created", "application/json", """{"id":".."}"""),
        "/make-lone" => x.RespondAsync(201, "Created", "application/json", """{"id":"a\uDFFFb"}"""),
        _ => x.RespondAsync(404, "Not Found", "application/json", """{"code":"NOT_FOUND","message":"no route"}"""),
    };

    /// <summary>Reads the request and closes the connection without a byte of response, as a target closing a kept-alive connection.</summary>
    private static Task CloseAsync(HostileExchange x)
    {
        x.Socket.Shutdown(SocketShutdown.Send);
        return Task.CompletedTask;
    }

    /// <summary>Answers 101 Switching Protocols with <paramref name="headers"/>, whatever the request offered, then says nothing more.</summary>
    private static async Task SwitchAsync(HostileExchange x, string headers)
    {
        await x.WriteAsync($"HTTP/1.1 101 Switching Protocols\r\n{headers}\r\n");
        await x.Stream.FlushAsync(x.Stopping);
        await Task.Delay(Timeout.Infinite, x.Stopping);
    }

    /// <summary>
    /// Content-Length 40, then the true one, and the body; then closes, or keeps the connection open so that, by the
    /// first value, the body never ends.
    /// </summary>
    private static async Task TwoLengthsAsync(HostileExchange x, bool close)
    {
        await x.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\nContent-Length: {Thing.Length}\r\n\r\n{Thing}");
        await x.Stream.FlushAsync(x.Stopping);
        if (close)
        {
            x.Socket.Shutdown(SocketShutdown.Send);
            return;
        }

        await Task.Delay(Timeout.Infinite, x.Stopping);
    }

    private static async Task ResetMidBodyAsync(HostileExchange x)
    {
        await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"1\",");
        await x.Stream.FlushAsync(x.Stopping);
        await Task.Delay(50, x.Stopping);
        x.Socket.LingerState = new LingerOption(true, 0);
        x.Socket.Close();
    }

    private static async Task DripAsync(HostileExchange x)
    {
        await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n");
        foreach (var b in Encoding.ASCII.GetBytes(Thing.PadRight(100)))
        {
            await x.WriteAsync([b]);
            await Task.Delay(200, x.Stopping);
        }
    }

    private static async Task EndlessAsync(HostileExchange x)
    {
        await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = Encoding.ASCII.GetBytes($"2000\r\n{new string(' ', 0x2000)}\r\n");
        while (!x.Stopping.IsCancellationRequested)
        {
            await x.WriteAsync(chunk);
        }
    }

    /// <summary>Declares <paramref name="declared"/> bytes, sends a few, then closes the connection cleanly.</summary>
    private static async Task LieAsync(HostileExchange x, long declared)
    {
        await x.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\n\r\n{{\"id\":\"1\",");
        await x.Stream.FlushAsync(x.Stopping);
        x.Socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>A small gzip stream that inflates to <paramref name="size"/> zero bytes, built without holding them.</summary>
    private static byte[] GzipZeros(int size)
    {
        var zeros = new byte[64 * 1024];
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}

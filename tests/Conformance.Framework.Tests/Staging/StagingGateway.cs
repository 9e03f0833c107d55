using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// A staging API behind a gateway, on a <see cref="HostileServer"/> (127.0.0.1, port 0, stops when disposed): every
/// answer closes its connection, some routes answer as a gateway does (429 and 503 once, an HTML 502/504 page,
/// compressed, chunked or HTTP/1.0 bodies, a 301 to another host), and every request is counted by method and path.
/// </summary>
internal sealed class StagingGateway : IAsyncDisposable
{
    public const string Item = """{"id":"1","name":"widget"}""";
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly HostileServer server;
    private readonly ConcurrentQueue<double> arrivals = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Func<HostileExchange, Task>? everything;

    private StagingGateway(Func<HostileExchange, Task>? everything)
    {
        this.everything = everything;
        server = HostileServer.Start(HandleAsync);
    }

    /// <summary>Answers POST /oauth/token (RFC 6749); null: the route is an ordinary one.</summary>
    public Func<HostileExchange, Task>? TokenEndpoint { get; init; }

    /// <summary>Whether the API takes an Authorization value (401 <c>invalid_token</c> when not); null: it takes any.</summary>
    public Func<string, bool>? Accepts { get; init; }

    /// <summary>Called as each request's head is read (a test notes the time on its fake clock, say); set before the first request.</summary>
    public Action<HostileExchange>? Arrived { get; set; }

    /// <summary>When each request's head was read, in seconds since the gateway started, in order of arrival.</summary>
    public IReadOnlyList<double> Arrivals => [.. arrivals];

    public Uri BaseUri => server.BaseUri;

    /// <summary>Requests whose head was read.</summary>
    public int Requests => server.Requests;

    /// <summary>Requests per method and path (<c>GET /items/1</c>).</summary>
    public IReadOnlyDictionary<string, int> Seen => seen;

    /// <summary>The requests to the API (not its token endpoint) whose method may change state (POST, PUT, PATCH, DELETE).</summary>
    public int Mutating => seen.Where(s => s.Key != "POST /oauth/token" && s.Key.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE").Sum(s => s.Value);

    /// <summary>The requests to the token endpoint.</summary>
    public int TokenRequests => seen.GetValueOrDefault("POST /oauth/token");

    public static StagingGateway Start() => new(null);

    /// <summary>A gateway that answers every request with <paramref name="everything"/> (a 429 to all, say).</summary>
    public static StagingGateway Start(Func<HostileExchange, Task> everything) => new(everything);

    /// <summary>A gateway with a token endpoint at /oauth/token, whose API takes the Authorization values <paramref name="accepts"/> says.</summary>
    public static StagingGateway StartWithTokenEndpoint(Func<HostileExchange, Task> tokenEndpoint, Func<string, bool>? accepts) =>
        new(null) { TokenEndpoint = tokenEndpoint, Accepts = accepts };

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private Task HandleAsync(HostileExchange x)
    {
        arrivals.Enqueue(clock.Elapsed.TotalSeconds);
        Arrived?.Invoke(x);
        var n = seen.AddOrUpdate($"{x.Request.Method} {x.Request.Path}", 1, (_, c) => c + 1);
        if (TokenEndpoint is not null && x.Request.Path == "/oauth/token")
        {
            return TokenEndpoint(x);
        }

        var auth = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        if (Accepts is not null && !Accepts(auth))
        {
            return x.RespondAsync(401, "Unauthorized", "application/problem+json", """{"type":"about:blank","title":"Unauthorized","status":401}""", "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
        }

        return everything is not null ? everything(x) : (x.Request.Path, n) switch
        {
            ("/items/1", _) => x.RespondAsync(200, "OK", "application/json", Item),
            ("/throttled-seconds", 1) => x.RespondAsync(429, "Too Many Requests", "application/json", """{"code":"LIMIT"}""", "Retry-After: 1"),
            ("/throttled-date", 1) => x.RespondAsync(429, "Too Many Requests", "application/json", """{"code":"LIMIT"}""", $"Retry-After: {DateTimeOffset.UtcNow.AddSeconds(5):R}"),
            ("/throttled-long", _) => x.RespondAsync(429, "Too Many Requests", "application/json", """{"code":"LIMIT"}""", "Retry-After: 120"),
            ("/unavailable", 1) => x.RespondAsync(503, "Service Unavailable", "application/json", """{"code":"DOWN"}"""),
            ("/html-502", _) => x.RespondAsync(502, "Bad Gateway", "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
            ("/html-504", _) => x.RespondAsync(504, "Gateway Timeout", "text/html", "<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>"),
            ("/gzip", _) => x.RespondAsync(200, "OK", "application/json", Compress(Item, s => new GZipStream(s, CompressionLevel.Fastest)), "Content-Encoding: gzip", "Vary: Accept-Encoding"),
            ("/brotli", _) => x.RespondAsync(200, "OK", "application/json", Compress(Item, s => new BrotliStream(s, CompressionLevel.Fastest)), "Content-Encoding: br"),
            ("/chunked", _) => ChunkedAsync(x),
            ("/problem", _) => x.RespondAsync(404, "Not Found", "application/problem+json; charset=utf-8", """{"type":"about:blank","title":"Not Found","status":404}"""),
            ("/bom", _) => x.RespondAsync(200, "OK", "application/json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Item)]),
            ("/slow-first", _) => SlowFirstAsync(x),
            ("/moved", _) => x.RespondAsync(301, "Moved Permanently", "text/html", "<html><body>Moved</body></html>", "Location: https://elsewhere.example.net/moved"),
            ("/http10", _) => Http10Async(x),
            ("/items", _) => x.RespondAsync(201, "Created", "application/json", Item),
            _ => x.RespondAsync(200, "OK", "application/json", Item),
        };
    }

    private static byte[] Compress(string text, Func<Stream, Stream> wrap)
    {
        using var memory = new MemoryStream();
        using (var zip = wrap(memory))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    private static async Task ChunkedAsync(HostileExchange x)
    {
        await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        foreach (var part in new[] { "{\"id\":", "\"1\",", "\"name\":\"widget\"}" })
        {
            await x.WriteAsync($"{Encoding.UTF8.GetByteCount(part):x}\r\n{part}\r\n");
            await Task.Delay(20, x.Stopping);
        }

        await x.WriteAsync("0\r\n\r\n");
    }

    private static async Task SlowFirstAsync(HostileExchange x)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5), x.Stopping);
        await x.RespondAsync(200, "OK", "application/json", Item);
    }

    /// <summary>An HTTP/1.0 answer with no Content-Length: the body ends when the connection closes.</summary>
    private static async Task Http10Async(HostileExchange x)
    {
        await x.WriteAsync($"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{Item}");
    }
}

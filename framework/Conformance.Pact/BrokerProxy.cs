using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.Pact;

/// <summary>
/// An HTTP forwarder on 127.0.0.1 between the pact verifier and a Pact Broker, which keeps each request's answer. libpact_ffi
/// retries a broker's 5xx (and 408, 429) for about 2 minutes and has no option against it; a status it retries is
/// given to it as 424 instead, so it stops at once, and the verification says which request failed
/// (<see cref="BrokerFailure"/>). A request the broker does not answer within the timeout is answered 424 too. The
/// links of the broker's JSON answers (<see cref="HalLinks"/>), to its own origin or to another (a broker that knows
/// itself by another name), are rewritten to the forwarder's address with the same path and query, so the verifier comes
/// back through it; every request goes on to the broker as configured, as libpact_ffi itself does (it keeps only a
/// link's path). Its answers pass otherwise as they came, byte for byte: a pact that quotes the broker's URL is verified
/// as written. Dispose stops it.
/// </summary>
internal sealed class BrokerProxy : IAsyncDisposable
{
    private const int Stop = StatusCodes.Status424FailedDependency;
    private readonly WebApplication app;
    private readonly HttpClient http;
    private readonly Uri broker;
    private readonly string origin;
    private readonly ConcurrentQueue<BrokerExchange> exchanges = new();
    private string own = string.Empty;
    private readonly string? authorization;

    private BrokerProxy(WebApplication app, HttpClient http, Uri broker, string? authorization)
    {
        this.app = app;
        this.http = http;
        this.broker = broker;
        this.authorization = authorization;
        origin = $"{broker.Scheme}://{broker.Authority}";
    }

    /// <summary>The broker's URL for the verifier: the forwarder's address, with the broker's user info and base path.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>
    /// Verifies through a forwarder to the broker: a request for the pacts that failed throws, naming it; the results'
    /// publishing that failed is in <see cref="PactVerificationResult.PublishFailures"/>.
    /// </summary>
    public static PactVerificationResult Verify(PactBrokerSource source, string provider, Func<PactBrokerSource, PactVerificationResult> verify)
    {
        // Started and stopped on the thread pool: the verifier blocks this thread while it calls the forwarder.
        var proxy = Task.Run(() => StartAsync(source)).GetAwaiter().GetResult();
        try
        {
            PactVerificationResult? result = null;
            PactException? error = null;
            try
            {
                result = verify(ForVerifier(source, proxy.BaseUri));
            }
            catch (PactException e)
            {
                error = e;
            }

            var sent = proxy.exchanges.ToList();
            if (sent.FirstOrDefault(e => e.Failed && !e.Publishing) is { } failed)
            {
                throw new PactException(BrokerFailure.Fetching(failed.Method, failed.Url, failed.Status, failed.Reason, provider));
            }

            return error is not null
                ? throw new PactException(proxy.AsBroker(error.Message), error)
                : result! with
                {
                    Output = proxy.AsBroker(result.Output),
                    PublishFailures = [.. sent.Where(e => e.Failed && e.Publishing).Select(e => BrokerFailure.Publishing(e.Method, e.Url, e.Status, e.Reason))],
                };
        }
        finally
        {
            Task.Run(() => proxy.DisposeAsync().AsTask()).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// The source as the verifier gets it: the forwarder's address, no user info, no token, user or password. The forwarder
    /// adds the broker's credentials to each request (<see cref="Authorization"/>), so libpact_ffi, which prints the
    /// broker's URL with its user info in its own output, never holds a secret.
    /// </summary>
    internal static PactBrokerSource ForVerifier(PactBrokerSource source, Uri forwarder) =>
        source with { BrokerUri = new UriBuilder(forwarder) { UserName = string.Empty, Password = string.Empty }.Uri, Token = null, Username = null, Password = null };

    /// <summary>The Authorization the broker gets: its token as Bearer, else a user and password (or its URL's user info) as Basic; null without any.</summary>
    internal static string? Authorization(PactBrokerSource source)
    {
        if (!string.IsNullOrEmpty(source.Token))
        {
            return "Bearer " + source.Token;
        }

        var pair = source.Username is { Length: > 0 } user ? $"{user}:{source.Password}"
            : source.BrokerUri.UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info)
            : null;
        return pair is null ? null : "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        http.Dispose();
    }

    private static async Task<BrokerProxy> StartAsync(PactBrokerSource source)
    {
        var broker = source.BrokerUri;
        var app = LoopbackHost.Create();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All, UseCookies = false, UseProxy = !broker.IsLoopback };
        var proxy = new BrokerProxy(app, new HttpClient(handler) { Timeout = source.RequestTimeout }, broker, Authorization(source));
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = LoopbackHost.Address(app);
        proxy.own = $"{address.Scheme}://{address.Authority}";
        proxy.BaseUri = new UriBuilder(broker) { Scheme = address.Scheme, Host = address.Host, Port = address.Port }.Uri;
        return proxy;
    }

    /// <summary>The text with the forwarder's address put back to the broker's, as the user knows it.</summary>
    private string AsBroker(string text) => text.Replace(own, origin, StringComparison.Ordinal);

    private async Task ForwardAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var url = new Uri(broker, rawTarget);
        var swapped = 0;
        using var request = ProxyRequest.Build(context, origin, null, null, ref swapped);
        if (authorization is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            exchanges.Enqueue(new BrokerExchange(request.Method.Method, url, null, NoAnswer(e)));
            context.Response.StatusCode = Stop; // a status the verifier does not retry
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            exchanges.Enqueue(new BrokerExchange(request.Method.Method, url, status, response.ReasonPhrase ?? string.Empty));
            context.Response.StatusCode = BrokerFailure.Retried(status) ? Stop : status;
            if (response.Content.Headers.ContentType is { } type)
            {
                context.Response.ContentType = type.ToString();
            }

            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            var json = response.Content.Headers.ContentType?.MediaType is { } media
                && (media.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
            await context.Response.Body.WriteAsync(json ? HalLinks.Rewrite(body, href => HalLinks.OnForwarder(href, own)) : body, context.RequestAborted);
        }
    }

    /// <summary>Why the broker gave no answer: the kind of failure, from the inner exception when the outer one does not say.</summary>
    private string NoAnswer(Exception e)
    {
        if (e is TaskCanceledException)
        {
            return $"no answer within {http.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s";
        }

        var error = e is HttpRequestException { HttpRequestError: var outer } ? outer : HttpRequestError.Unknown;
        error = error == HttpRequestError.Unknown && e.InnerException is HttpIOException { HttpRequestError: var inner } ? inner : error;
        var socket = e.InnerException?.InnerException as System.Net.Sockets.SocketException ?? e.InnerException as System.Net.Sockets.SocketException;
        return socket?.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset ? "the connection was reset before an answer" : error switch
        {
            HttpRequestError.ConnectionError => "the connection was refused or failed",
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ResponseEnded => "the connection closed before an answer",
            _ => (e.InnerException ?? e).Message.TrimEnd('.'),
        };
    }
}

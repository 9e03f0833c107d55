using System.Net.Sockets;

namespace Conformance.Targets;

/// <summary>What failed before a response, as the exception .NET gave names it.</summary>
internal enum TransportErrorKind
{
    Refused,
    Unresolved,
    Reset,
    ProxyTunnel,
    Tls,
    InvalidResponse,
    ResponseEnded,
    TimedOut,
    Closed,
    Other,
}

/// <summary>
/// A request's failure before a response read from its exception chain (the socket's error code, the
/// <see cref="HttpRequestError"/>, a cancellation, an I/O error), with the innermost message as its detail: the one
/// reading of it for a probe (<see cref="ResponseReader"/>) and for the pact forwarder (<see cref="TransportFailure.Forwarded"/>).
/// </summary>
internal readonly record struct TransportError(TransportErrorKind Kind, string Detail)
{
    /// <param name="error">The exception, or null when there is none (then <paramref name="message"/> is the detail).</param>
    public static TransportError Of(Exception? error, string? message = null)
    {
        var chain = Chain(error);
        var socket = chain.OfType<SocketException>().FirstOrDefault();
        var httpError = chain.OfType<HttpRequestException>().Select(h => h.HttpRequestError)
            .Concat(chain.OfType<HttpIOException>().Select(h => h.HttpRequestError))
            .FirstOrDefault(e => e != HttpRequestError.Unknown);
        var detail = (chain.Count == 0 ? message ?? "unknown error" : chain[^1].Message).TrimEnd('.');
        var kind = (socket?.SocketErrorCode, httpError) switch
        {
            (SocketError.ConnectionRefused, _) => TransportErrorKind.Refused,
            (SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData, _) or (_, HttpRequestError.NameResolutionError) => TransportErrorKind.Unresolved,
            (SocketError.ConnectionReset or SocketError.ConnectionAborted, _) => TransportErrorKind.Reset,
            (_, HttpRequestError.ProxyTunnelError) => TransportErrorKind.ProxyTunnel,
            _ when chain.Any(e => e is System.Security.Authentication.AuthenticationException) => TransportErrorKind.Tls,
            (_, HttpRequestError.InvalidResponse) => TransportErrorKind.InvalidResponse,
            (_, HttpRequestError.ResponseEnded) => TransportErrorKind.ResponseEnded,
            _ when chain.Any(e => e is TaskCanceledException or OperationCanceledException or TimeoutException) => TransportErrorKind.TimedOut,
            _ when chain.Any(e => e is IOException) => TransportErrorKind.Closed,
            _ when chain.Any(e => e is HttpRequestException) => TransportErrorKind.InvalidResponse, // no status line .NET could read
            _ => TransportErrorKind.Other,
        };
        return new TransportError(kind, detail);
    }

    /// <summary>The exception and its inner ones, outermost first.</summary>
    public static List<Exception> Chain(Exception? error)
    {
        var chain = new List<Exception>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        return chain;
    }
}

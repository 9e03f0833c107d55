using Conformance.Probing;

namespace Conformance.Engine;

/// <summary>
/// <c>conformance.transportRetries</c>: a staging hop that resets a connection or stalls once should not turn a
/// nightly run red. Only a probe that got no complete response (reset, timeout, cut short) is sent again, and only a
/// GET, HEAD or OPTIONS: a request that may change state is never repeated. Every attempt stays in the report.
/// </summary>
internal static class TransportRetry
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    private static readonly string[] Kinds = ["reset", "timeout", "incomplete"];

    /// <summary>
    /// True when the exchange may be sent again: no complete final response, and every request of it (a scenario may send
    /// several: a redirect's first POST, a burst) is a GET, HEAD or OPTIONS of an operation not marked <c>mutates: true</c>,
    /// outside a burst (<paramref name="mayChangeState"/> false).
    /// </summary>
    public static bool Applies(ProbeExchange exchange, bool mayChangeState) =>
        exchange.Response is null && exchange.Failure is { } failure && Kinds.Contains(failure.Kind) && Repeatable(exchange, mayChangeState);

    /// <summary>
    /// True when sending the exchange again cannot act twice: every request of it is a GET, HEAD or OPTIONS of an operation
    /// not marked <c>mutates: true</c>, outside a burst. Also what a gateway's 502 or 504 needs to be sent again
    /// (<see cref="BoundedRetry"/>): the API behind the gateway may have acted on the request before the gateway gave up.
    /// </summary>
    public static bool Repeatable(ProbeExchange exchange, bool mayChangeState) =>
        !mayChangeState && exchange.Earlier.Append(exchange.Final).All(s => Targets.Mutation.Repeatable.Contains(s.Request.Method));
}

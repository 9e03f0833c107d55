using System.Globalization;

namespace Conformance.Checks;

/// <summary><c>allow_on_405</c>: a 405 carries Allow, and Allow does not list the rejected method.</summary>
internal sealed class AllowOn405Check : ICheck
{
    public string Id => "allow_on_405";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status != 405)
        {
            return CheckResult.Skip(Id, "Not a 405.");
        }

        var allow = context.Response.Header("Allow");
        if (allow is null)
        {
            return CheckResult.Fail(Id, $"405 without Allow header / Expected: an Allow header listing the supported methods (RFC 9110 15.5.6) / Received: no Allow header for {context.Request.Method} {context.Request.Path}");
        }

        var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Id, $"405 whose Allow lists the rejected method / Allow: {allow} / Rejected: {context.Request.Method}");
        }

        // Allow lists what the resource supports (RFC 9110 10.2.1): at least the method of the operation probed, when the
        // probe went to that operation's own resource.
        return context.Pack.Operations.TryGetValue(context.Row.OperationId, out var operation)
            && context.Request.Path == Probing.Baseline.ExpandPath(operation.Path, operation.Params)
            && !methods.Contains(operation.Method, StringComparer.OrdinalIgnoreCase)
            ? CheckResult.Fail(Id, $"405 whose Allow leaves out the method the resource serves / Allow: {allow} / Missing: {operation.Method} (operation {operation.Id})")
            : CheckResult.Pass(Id, $"Allow: {allow}");
    }
}

/// <summary><c>www_authenticate_on_401</c>: a 401 carries WWW-Authenticate (with the pack's scheme when it names one).</summary>
internal sealed class WwwAuthenticateOn401Check : ICheck
{
    public string Id => "www_authenticate_on_401";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status != 401)
        {
            return CheckResult.Skip(Id, "Not a 401.");
        }

        var header = context.Response.Header("WWW-Authenticate");
        if (header is null)
        {
            return CheckResult.Fail(Id, "401 without WWW-Authenticate header / Expected: a challenge naming the auth scheme (RFC 9110 11.6.1) / Received: no WWW-Authenticate header");
        }

        var scheme = context.Pack.Auth?.Challenge;
        var all = string.Join(", ", context.Response.Headers.Where(h => h.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        return scheme is null || Schemes(all).Contains(scheme, StringComparer.OrdinalIgnoreCase)
            ? CheckResult.Pass(Id, $"WWW-Authenticate: {all}")
            : CheckResult.Fail(Id, $"401 with the wrong challenge / Expected: WWW-Authenticate: {scheme} ... / Received: WWW-Authenticate: {all}");
    }

    /// <summary>
    /// The auth schemes of a challenge list (RFC 9110 11.6.1: several challenges, in one field or several, comma-separated;
    /// a challenge starts with its scheme token, the auth-params after it hold '='): <c>Basic realm="x", Bearer</c> -> Basic, Bearer.
    /// </summary>
    private static IEnumerable<string> Schemes(string challenges) =>
        challenges.Split(',').Select(part => part.Trim().Split(' ', 2)[0]).Where(word => word.Length > 0 && !word.Contains('=', StringComparison.Ordinal));
}

/// <summary><c>retry_after_on_429_503</c>: a 429 or 503 carries a valid Retry-After.</summary>
internal sealed class RetryAfterCheck : ICheck
{
    public string Id => "retry_after_on_429_503";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status is not (429 or 503))
        {
            return CheckResult.Skip(Id, "Not a 429 or 503.");
        }

        var value = context.Response.Header("Retry-After");
        if (value is null)
        {
            return CheckResult.Fail(Id, $"{context.Status} without Retry-After / Expected: Retry-After in delta-seconds or HTTP-date (RFC 9110 10.2.3) / Received: no Retry-After header");
        }

        return HeaderFormats.IsRetryAfter(value)
            ? CheckResult.Pass(Id, $"Retry-After: {value}")
            : CheckResult.Fail(Id, $"{context.Status} with an invalid Retry-After / Expected: delta-seconds (e.g. 120) or an HTTP-date / Received: Retry-After: {value}");
    }
}

/// <summary><c>location_on_201_3xx</c>: a 201 or redirect carries Location.</summary>
internal sealed class LocationCheck : ICheck
{
    public string Id => "location_on_201_3xx";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status is not (201 or 301 or 302 or 303 or 307 or 308))
        {
            return CheckResult.Skip(Id, "Not a 201 or redirect.");
        }

        var location = context.Response.Header("Location");
        if (location is null)
        {
            // A 201 without Location names the created resource by the target URI (RFC 9110 15.3.2): allowed, worth a look.
            var message = $"{context.Describe(context.Status)} without Location / Expected: a Location header with the {(context.Status == 201 ? "new resource's" : "redirect target")} URI / Received: no Location header";
            return context.Status == 201 ? new CheckResult(Id, Outcome.Warning, message + " (for a 201 the created resource is then the request's target, RFC 9110 15.3.2)", []) : CheckResult.Fail(Id, message);
        }

        return !location.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out _)
            ? CheckResult.Pass(Id, $"Location: {location}")
            : CheckResult.Fail(Id, $"{context.Status} with an invalid Location / Received: Location: {location}");
    }
}

/// <summary>
/// <c>no_body_on_204_304</c>: 204 and 304 have no body. HTTP clients never read content on these statuses, so a
/// body is also detected from what announces one: Content-Length above zero or Transfer-Encoding (RFC 9110 8.6,
/// 15.3.5), or a Content-Type describing a representation that is not there.
/// </summary>
internal sealed class NoBodyOn204304Check : ICheck
{
    public string Id => "no_body_on_204_304";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status is not (204 or 304))
        {
            return CheckResult.Skip(Id, "Not a 204 or 304.");
        }

        var response = context.Response;
        var length = response.Body.Length;
        if (context.Status == 304 && length == 0)
        {
            // A 304 may carry the metadata of the 200 it stands for (RFC 9110 15.4.5), Content-Length included (8.6),
            // and Transfer-Encoding (RFC 9112 6.1); other representation metadata is a SHOULD NOT.
            return response.ContentType is { } type
                ? new CheckResult(Id, Outcome.Warning, $"304 with Content-Type / Expected: no representation metadata beyond Content-Location, Date, ETag, Vary, Cache-Control, Expires (RFC 9110 15.4.5: SHOULD NOT) / Received: Content-Type: {type}", [])
                : CheckResult.Pass(Id, "No body.");
        }

        var announced = Announced(response, context.Status);
        if (length == 0 && announced is null)
        {
            return CheckResult.Pass(Id, "No body.");
        }

        var received = length > 0 ? $"{length.ToString(CultureInfo.InvariantCulture)} bytes" : announced;
        return CheckResult.Fail(Id, $"{context.Status} with a body / Expected: no body (RFC 9110 15.3.5, 15.4.5) / Received: {received}");
    }

    /// <summary>What announces content on a 204 (the client never reads it): Transfer-Encoding or Content-Length (both MUST NOT, RFC 9112 6.1, RFC 9110 8.6), or a Content-Type.</summary>
    private static string? Announced(Probing.ProbeResponse response, int status)
    {
        if (status != 204)
        {
            return null;
        }

        if (response.Header("Transfer-Encoding") is { } te)
        {
            return $"Transfer-Encoding: {te}";
        }

        if (response.Header("Content-Length") is { } cl && cl.Trim() != "0")
        {
            return $"Content-Length: {cl}";
        }

        return response.ContentType is { } ct ? $"Content-Type: {ct} announcing a body" : null;
    }
}

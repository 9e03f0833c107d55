using System.Text;

namespace Conformance.Probing;

/// <summary>The whole raw response as captured (body capped at the target's limit).</summary>
public sealed record ProbeResponse(
    int Status,
    string? Reason,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    bool Truncated,
    TimeSpan Elapsed)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public string? ContentType => Header("Content-Type");

    /// <summary>The media type without parameters, lower case (application/json).</summary>
    public string? MediaType => ContentType is { } type ? Bare(type) : null;

    /// <summary>A media type without its parameters, lower case: <c>application/json; charset=utf-8</c> -> <c>application/json</c>.</summary>
    public static string Bare(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The body's text cut to <paramref name="max"/> characters ("..." after a cut), empty for no body.</summary>
    public string Excerpt(int max)
    {
        var text = BodyText;
        return text.Length > max ? text[..max] + "..." : text;
    }
}

/// <summary>Why no usable response came back: refused, reset, timed out, too large, not HTTP, budget spent...</summary>
public sealed record ProbeFailure(string Kind, string Message)
{
    /// <summary>
    /// How a case's message names it: a request the run did not send (the budget spent, a header HTTP cannot carry, no
    /// validator for a conditional request) or a redirect it did not follow is not the target being unreachable.
    /// </summary>
    public string Heading => NotSent ? $"{NotSentHeading}{Kind})" : Kind == "redirect" ? "Not followed (redirect)" : $"{UnreachableHeading}{Kind})";

    /// <summary>How <see cref="Heading"/> starts for a request that got no response (<c>Target unreachable (refused)</c>).</summary>
    public const string UnreachableHeading = "Target unreachable (";

    /// <summary>How <see cref="Heading"/> starts for a request the run did not send (<c>Not sent (budget)</c>).</summary>
    public const string NotSentHeading = "Not sent (";

    /// <summary>True when the run itself held the request back, so the target never saw it (reports must not read it as unanswered).</summary>
    public bool NotSent => Kind is "budget" or "request" or "precondition" or "breaker";
}

/// <summary>One request and what came of it.</summary>
public sealed record ProbeStep(ProbeRequest Request, ProbeResponse? Response, ProbeFailure? Failure)
{
    /// <summary>What the step was for when it is not the probe itself, e.g. <c>Setup (create_note)</c>; reports name it so.</summary>
    public string? Label { get; init; }
}

/// <summary>
/// What a scenario did: the request under test and its outcome, plus earlier steps (the first GET of a conditional
/// request, a burst, or a response that was retried after a 429, 502, 503 or 504). Earlier responses are never hidden.
/// </summary>
public sealed record ProbeExchange(ProbeStep Final, IReadOnlyList<ProbeStep> Earlier)
{
    public ProbeRequest Request => Final.Request;

    public ProbeResponse? Response => Final.Response;

    public ProbeFailure? Failure => Final.Failure;

    /// <summary>A line the case's message gives before the response (a redirect chain not followed past maxHops), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Steps after the request under test: a setup's cleanup. They never change the verdict on it.</summary>
    public IReadOnlyList<ProbeStep> Later { get; init; } = [];

    public static ProbeExchange Of(ProbeStep step) => new(step, []);

    /// <summary>Every step of a case: setup and redirects, the probe, cleanup, then the attempts <paramref name="retried"/> before it.</summary>
    public IEnumerable<ProbeStep> Steps(IEnumerable<ProbeStep> retried) => Earlier.Append(Final).Concat(Later).Concat(retried);
}

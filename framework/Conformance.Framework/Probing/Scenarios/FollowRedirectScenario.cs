using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary>
/// <c>follow_redirect</c>: sends the baseline and follows redirects the way RFC 9110 (and RingCentral's rules) ask:
/// 301/302/303 with GET (HEAD stays HEAD) and no body, 307/308 with the same method and body, and the same URL again
/// when Location is absent. At most <c>maxHops</c> hops (a redirect after them is judged, with a note saying why the
/// chain was not followed further: a loop or a longer chain), never to another host; every hop is kept for the report.
/// </summary>
internal sealed class FollowRedirectScenario : IScenario
{
    private static readonly int[] Redirects = [301, 302, 303, 307, 308];

    public string Id => "follow_redirect";

    public IReadOnlyList<string> Arguments => ["maxHops"];

    public IReadOnlyList<string> Required => [];

    public bool RunsAlone => false;

    public ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) =>
        !with.TryGetValue("maxHops", out var h) || (int.TryParse(h?.ToString(), out var n) && n is > 0 and <= 10)
            ? null
            : new ScenarioProblem($"maxHops '{h}' is out of range", "a redirect chain is followed 1 to 10 hops", "Use a whole number from 1 to 10.");

    public async Task<ProbeExchange> RunAsync(ScenarioInput input, IProbeSender sender, CancellationToken cancellationToken)
    {
        var maxHops = int.TryParse(input.Text("maxHops"), out var n) ? n : 5;
        var earlier = new List<ProbeStep>();
        var request = input.Baseline;
        var step = await sender.SendAsync(request, cancellationToken);
        for (var hop = 0; hop < maxHops && step.Response is { } response && Redirects.Contains(response.Status); hop++)
        {
            var location = response.Header("Location");
            if (location is not null && !Uri.TryCreate(ProbePath.Resolve(input.BaseUrl, request.Path), location, out _))
            {
                var invalid = new ProbeFailure("redirect", $"{response.Status} with a Location that is not a valid URI, not followed: Location: {location}{Hop(hop, request)}");
                return new ProbeExchange(new ProbeStep(request, null, invalid), [.. earlier, step]);
            }

            var next = Next(input, request, response);
            if (next is null)
            {
                var failure = new ProbeFailure("redirect", $"Redirect to another origin (scheme, host or port) not followed: Location: {response.Header("Location")}{Hop(hop, request)}");
                return new ProbeExchange(new ProbeStep(request, null, failure), [.. earlier, step]);
            }

            earlier.Add(step);
            request = next;
            step = await sender.SendAsync(request, cancellationToken);
        }

        // Still a redirect after maxHops: the last 3xx is judged (a loop is the target's fault), and the message says the
        // chain was not followed further, and why, so the 3xx and the curl line of the last hop are not read as the first.
        return step.Response is { } last && Redirects.Contains(last.Status)
            ? new ProbeExchange(step, earlier) { Note = TooManyHops(input, request, last, maxHops, earlier) }
            : new ProbeExchange(step, earlier);
    }

    /// <summary>Why a chain was not followed past <paramref name="maxHops"/>: a loop back to a request already sent, or a longer chain.</summary>
    private static string TooManyHops(ScenarioInput input, ProbeRequest request, ProbeResponse response, int maxHops, List<ProbeStep> earlier)
    {
        var location = response.Header("Location");
        var next = location is null || Uri.TryCreate(ProbePath.Resolve(input.BaseUrl, request.Path), location, out _) ? Next(input, request, response) : null;
        var sent = earlier.Select(s => s.Request).Append(request).ToList();
        var again = next is null ? -1 : sent.FindIndex(r => r.Method == next.Method && r.Path == next.Path && r.Query.SequenceEqual(next.Query));
        var why = again >= 0
            ? $"; a redirect loop: it leads back to {next!.Method} {PathAndQuery(next)}, request {again + 1} of the chain"
            : "; raise maxHops (at most 10) if the chain is meant to be longer";
        var answer = location is null ? "no Location (the same URL again)" : $"Location: {location}";
        return $"NOT FOLLOWED further: {response.Status} after {maxHops} redirect{(maxHops == 1 ? string.Empty : "s")} followed (maxHops {maxHops}): {answer}{Hop(maxHops, request)}{why}";
    }

    private static string PathAndQuery(ProbeRequest request) =>
        request.Path + string.Concat(request.Query.Select((q, i) => $"{(i == 0 ? '?' : '&')}{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

    /// <summary>Where in a chain the redirect not followed came, after the first hop: the request it answered.</summary>
    private static string Hop(int hop, ProbeRequest request) => hop == 0 ? string.Empty : $" (hop {hop + 1}, the answer to {request.Method} {PathAndQuery(request)})";

    private static ProbeRequest? Next(ScenarioInput input, ProbeRequest request, ProbeResponse response)
    {
        var baseUrl = input.BaseUrl;
        var current = ProbePath.Resolve(baseUrl, request.Path);
        var location = response.Header("Location");
        var target = location is null ? current : new Uri(current, location);
        // Same scheme, host and port only: another host, or https -> http, would carry the credential where it must not go.
        if (!string.Equals(target.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase) || !string.Equals(target.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = target.GetLeftPart(UriPartial.Path);
        var root = baseUrl.ToString().TrimEnd('/');
        var path = text.StartsWith(root + "/", StringComparison.Ordinal) ? text[root.Length..] : text;
        var query = location is null ? request.Query : Query(target);
        var followed = request with { Path = path, Query = query };
        // RFC 9110 15.4: 307/308 keep the method; 301/302 may turn a POST (only) into GET; 303 turns any method but HEAD into GET.
        var toGet = response.Status == 303 ? request.Method != "HEAD" : response.Status is 301 or 302 && request.Method == "POST";
        return toGet ? followed.WithBody(null, null) with { Method = "GET" } : followed;
    }

    private static List<KeyValuePair<string, string>> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty))
            .ToList();
}

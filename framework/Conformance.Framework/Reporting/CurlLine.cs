using System.Text;
using Conformance.Contracts;
using Conformance.Probing;

namespace Conformance.Reporting;

/// <summary>A curl command that repeats a probe, with every secret masked.</summary>
public static class CurlLine
{
    /// <summary>The last line of a message that gives a reproduction: a line break, then <c>Reproduce: &lt;curl&gt;</c>.</summary>
    public static string Reproduce(string curl) => $"{Environment.NewLine}Reproduce: {curl}";

    private const int MaxBody = 2000;

    /// <summary>
    /// A URL longer than this is cut in the line (a setup that captured a 100,000-character id put all of it into every
    /// message, TRX and Allure file of the case); the request attachment keeps it whole.
    /// </summary>
    private const int MaxUrl = 2000;

    /// <summary>The curl line of a request on its own: its own credential-named values masked besides the run's secrets.</summary>
    public static string Alone(Uri baseUrl, AuthScheme? auth, ProbeRequest request, Redactor redactor) => Build(baseUrl, auth, request, redactor.With([request]));

    public static string Build(Uri baseUrl, AuthScheme? auth, ProbeRequest request, Redactor redactor)
    {
        var url = new StringBuilder(ProbePath.Resolve(baseUrl, request.Path).ToString());
        var query = request.Query.Select(q => (q.Key, Value: redactor.Value(q.Key, q.Value))).ToList();
        if (request.Credential is not null && auth?.QueryParameter is { } qp)
        {
            query.Add((qp, Redactor.Mask));
        }

        for (var i = 0; i < query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(query[i].Value == Redactor.Mask ? Redactor.Mask : Uri.EscapeDataString(query[i].Value));
        }

        var shown = url.Length > MaxUrl ? $"{url.ToString(0, MaxUrl)}...(truncated, {url.Length:N0} characters)" : url.ToString();
        var line = new StringBuilder("curl -i -X ").Append(request.Method).Append(' ').Append(Quote(shown));
        foreach (var (name, value) in request.Headers)
        {
            line.Append(" -H ").Append(Quote($"{name}: {redactor.Value(name, value)}"));
        }

        if (request.Credential is not null && auth?.Header is { } header)
        {
            line.Append(" -H ").Append(Quote($"{header}: {Redactor.Mask}"));
        }

        if (request.Body is not null)
        {
            line.Append(" -H ").Append(Quote($"Content-Type: {request.ContentType}"));
            var body = redactor.Body(request.Body, request.ContentType);
            line.Append(" --data-raw ").Append(Quote(body.Length > MaxBody ? body[..MaxBody] + "...(truncated)" : body));
        }

        return line.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

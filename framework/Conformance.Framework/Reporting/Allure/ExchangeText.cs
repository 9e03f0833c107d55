using System.Globalization;
using System.Text;
using System.Text.Json;
using Conformance.Contracts;
using Conformance.Probing;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Renders a request or response as a person reads it (start line, headers, pretty JSON body), with every secret masked
/// and the text capped so one huge body cannot bloat the results folder.
/// </summary>
internal sealed class ExchangeText(Redactor redactor, int maxChars = ExchangeText.DefaultMaxChars)
{
    public const int DefaultMaxChars = 64 * 1024;
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Request(ProbeRequest request, Uri? baseUrl, AuthScheme? auth)
    {
        var query = request.Query.Select(q => (q.Key, Value: Mask(q.Key, q.Value))).ToList();
        if (request.Credential is not null && auth?.QueryParameter is { } qp)
        {
            query.Add((qp, Redactor.Mask));
        }

        var url = new StringBuilder(baseUrl is null ? string.Empty : baseUrl.ToString().TrimEnd('/')).Append('/').Append(request.Path.TrimStart('/'));
        for (var i = 0; i < query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(query[i].Key).Append('=').Append(query[i].Value);
        }

        // The base URL's user info, and whatever the path carries, masked as in the curl line.
        var text = new StringBuilder().Append(request.Method).Append(' ').AppendLine(redactor.Text(url.ToString()));
        foreach (var (name, value) in request.Headers)
        {
            text.Append(redactor.Name(name)).Append(": ").AppendLine(Mask(name, value));
        }

        if (request.Credential is not null && auth?.Header is { } header)
        {
            text.Append(header).Append(": ").AppendLine(Redactor.Mask);
        }

        if (request.Body is not null)
        {
            text.Append("Content-Type: ").AppendLine(request.ContentType ?? "(none)").AppendLine().Append(FormEncoding.IsFormBody(request.Body, request.ContentType) ? redactor.Body(request.Body, request.ContentType) : Body(request.Body));
        }

        return Cap(text.ToString());
    }

    public string Response(ProbeResponse response)
    {
        // A target may quote a credential in its reason phrase or a header's name as well as in a value.
        var text = new StringBuilder("HTTP ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').AppendLine(redactor.Text(response.Reason ?? string.Empty));
        foreach (var (name, value) in response.Headers)
        {
            text.Append(redactor.Name(name)).Append(": ").AppendLine(Mask(name, value));
        }

        text.Append("(elapsed ").Append(((long)response.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms, ")
            .Append(response.Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes")
            .Append(response.Truncated ? ", truncated at the body cap" : string.Empty).AppendLine(")");
        if (!response.Body.IsEmpty)
        {
            text.AppendLine().Append(Body(response.BodyText));
        }

        return Cap(text.ToString());
    }

    public string Failure(ProbeStep step) =>
        Cap($"{step.Failure?.Kind ?? "no response"}: {redactor.Text(step.Failure?.Message ?? string.Empty)}");

    /// <summary>The body alone, pretty-printed, or null when it is not JSON (then the text attachments carry it).</summary>
    public string? JsonBody(ProbeResponse response)
    {
        if (response.Body.IsEmpty || response.Truncated)
        {
            return null;
        }

        var pretty = PrettyJson(response.BodyText);
        return pretty is not null && pretty.Length <= maxChars ? pretty : null;
    }

    public string Cap(string text) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), $"{Environment.NewLine}... (truncated: {text.Length.ToString(CultureInfo.InvariantCulture)} characters, {maxChars.ToString(CultureInfo.InvariantCulture)} shown)");

    public string Mask(string name, string value) => redactor.Value(name, value);

    private string Body(string body) => PrettyJson(body) ?? redactor.Text(body);

    private string? PrettyJson(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(redactor.Text(body), new JsonDocumentOptions { MaxDepth = 256 });
            return redactor.Text(JsonSerializer.Serialize(doc.RootElement, Pretty));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

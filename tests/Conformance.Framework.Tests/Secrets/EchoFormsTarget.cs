using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target that echoes the bearer token back in the forms real servers write it in: JSON-escaped as System.Text.Json,
/// Gson and PHP escape it, percent-encoded as .NET, Python and Go encode it, inside base64 (alone, in a Basic pair, in a
/// MIME-wrapped blob, in a document that escapes it), escaped three times, HTML-escaped, in Set-Cookie, a WWW-Authenticate error_description, a redirect chain's Locations,
/// a 500's stack trace and hex dump, a chunked body cut inside it, and a gzip body.
/// </summary>
internal static class EchoFormsTarget
{
    /// <summary>Each form the target writes the token in, by name.</summary>
    public static IReadOnlyDictionary<string, string> Forms(string token)
    {
        var bytes = Encoding.UTF8.GetBytes(token);
        var rfc3986 = Uri.EscapeDataString(token);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["raw"] = token,
            ["json System.Text.Json"] = JsonSerializer.Serialize(token)[1..^1],
            ["json Gson"] = Escape(token, c => c is '<' or '>' or '&' or '=' or '\''),
            ["json PHP"] = token.Replace("/", "\\/", StringComparison.Ordinal),
            ["json every character"] = Escape(token, _ => true),
            ["json lower-case hex"] = JsonSerializer.Serialize(token)[1..^1].Replace("\\u002B", "\\u002b", StringComparison.Ordinal),
            ["url RFC 3986"] = rfc3986,
            ["url form"] = WebUtility.UrlEncode(token),
            ["url Python quote"] = rfc3986.Replace("%2F", "/", StringComparison.Ordinal),
            ["url Go PathEscape"] = token.Replace("/", "%2F", StringComparison.Ordinal),
            ["url lower-case hex"] = rfc3986.ToLowerInvariant(),
            ["url twice"] = Uri.EscapeDataString(rfc3986),
            ["url 3 times"] = Uri.EscapeDataString(Uri.EscapeDataString(rfc3986)),
            ["json 3 times"] = Json(Json(Json(token))),
            ["base64"] = Convert.ToBase64String(bytes),
            ["base64 Basic pair"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("client-7:" + token)),
            ["base64url"] = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["base64 of a document, json twice"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"key\":\"{Json(Json(token))}\",\"n\":1}}")),
            ["base64url of a document, html"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"<p>key: {WebUtility.HtmlEncode(token).Replace("+", "&#43;", StringComparison.Ordinal)}</p>")).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["html .NET"] = WebUtility.HtmlEncode(token),
            ["html Go"] = token.Replace("+", "&#43;", StringComparison.Ordinal),
            ["html Handlebars"] = token.Replace("=", "&#x3D;", StringComparison.Ordinal),
            ["html Go attribute"] = token.Replace("+", "&#43;", StringComparison.Ordinal).Replace("=", "&#61;", StringComparison.Ordinal),
            ["html 3 times"] = WebUtility.HtmlEncode(WebUtility.HtmlEncode(token.Replace("+", "&#43;", StringComparison.Ordinal))),
            ["hex dump"] = string.Join(' ', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
        };
    }

    public static Task AnswerAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header;
        var forms = Forms(token);
        var host = x.Request.Headers.First(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        return x.Request.Path switch
        {
            "/json" => Json(x, $$"""{"stj":"{{forms["json System.Text.Json"]}}","gson":"{{forms["json Gson"]}}","php":"{{forms["json PHP"]}}","every":"{{forms["json every character"]}}","lower":"{{forms["json lower-case hex"]}}","thrice":"{{forms["json 3 times"]}}"}"""),
            "/url" => Json(x, $$"""{"rfc3986":"https://cb.example/?state={{forms["url RFC 3986"]}}","form":"state={{forms["url form"]}}","python":"/cb/{{forms["url Python quote"]}}","go_path":"/v1/keys/{{forms["url Go PathEscape"]}}","lower":"{{forms["url lower-case hex"]}}","twice":"https://login.example/?next=https%3A%2F%2Fapp.example%2Fcb%3Fstate%3D{{forms["url twice"]}}","thrice":"{{forms["url 3 times"]}}"}"""),
            "/base64" => Json(x, $$"""{"token":"{{forms["base64"]}}","basic":"{{forms["base64 Basic pair"]}}","url_safe":"{{forms["base64url"]}}","mime":"{{Mime(token)}}","document":"{{forms["base64 of a document, json twice"]}}","html_document":"{{forms["base64url of a document, html"]}}"}"""),
            "/html" => x.RespondAsync(200, "OK", "text/html", $"<p>Signed in with <code>{forms["html .NET"]}</code></p><input value=\"{forms["html Go"]}\"><a title=\"{forms["html Handlebars"]}\">key</a><a title={forms["html Go attribute"]}>key</a><a title=\"{forms["html 3 times"]}\">key</a>"),
            "/cookie" => x.RespondAsync(200, "OK", "application/json", "{}", $"Set-Cookie: sid={token}; Path=/; HttpOnly", $"X-Request: GET /cookie with {token}"),
            "/challenge" => x.RespondAsync(401, "Unauthorized", "application/json", """{"error":"invalid_token"}""", $"WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token {token} expired\""),
            "/redirect" => x.RespondAsync(302, "Found", "text/plain", string.Empty, $"Location: /hop?state={forms["url RFC 3986"]}"),
            "/hop" => x.RespondAsync(302, "Found", "text/plain", string.Empty, $"Location: http://{host}/final/{forms["url Python quote"]}?k={forms["url Go PathEscape"]}"),
            var path when path.StartsWith("/final/", StringComparison.Ordinal) => Json(x, $$"""{"echo":"{{token}}"}"""),
            "/error" => x.RespondAsync(500, "Internal Server Error", "text/plain", $"System.Security.Authentication.AuthenticationException: token '{token}' was rejected\r\n   at Api.Auth.Validate(String token) in /src/Auth.cs:line 42\r\nDump: {forms["hex dump"]}\r\n"),
            "/chunked" => ChunkedAsync(x, $$"""{"echo":"{{token}}"}"""),
            "/gzip" => GzipAsync(x, $$"""{"echo":"{{token}}"}"""),
            _ => x.RespondAsync(404, "Not Found", "text/plain", string.Empty),
        };
    }

    private static Task Json(HostileExchange x, string body) => x.RespondAsync(200, "OK", "application/json", body);

    /// <summary>A MIME-style blob, base64 wrapped every 76 characters with CRLF (escaped in the JSON string), the token inside it.</summary>
    private static string Mime(string token)
    {
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"user\":\"client-7\",\"scope\":\"read write\",\"key\":\"{token}\",\"issued\":1796068021}}"));
        return string.Join("\\r\\n", blob.Chunk(76).Select(c => new string(c)));
    }

    /// <summary>The body sent chunked, five bytes a chunk, so the chunk boundaries fall inside the token.</summary>
    private static async Task ChunkedAsync(HostileExchange x, string body)
    {
        await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        foreach (var chunk in Encoding.UTF8.GetBytes(body).Chunk(5))
        {
            await x.WriteAsync(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
            await x.WriteAsync(chunk);
            await x.WriteAsync("\r\n");
        }

        await x.WriteAsync("0\r\n\r\n");
    }

    private static async Task GzipAsync(HostileExchange x, string body)
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(body));
        }

        await x.RespondAsync(200, "OK", "application/json", compressed.ToArray(), "Content-Encoding: gzip");
    }

    /// <summary>Inside a JSON string as System.Text.Json writes it.</summary>
    private static string Json(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Escape(string token, Func<char, bool> escaped) =>
        string.Concat(token.Select(c => escaped(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));
}

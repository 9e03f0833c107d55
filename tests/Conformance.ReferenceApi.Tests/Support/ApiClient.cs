using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceApi.Tests.Support;

/// <summary>Plain HttpClient against one pack's prefix, with its sample credential; redirects are not followed.</summary>
internal sealed class ApiClient : IDisposable
{
    private static readonly Dictionary<string, (string Header, string Value)> Credentials = new(StringComparer.Ordinal)
    {
        ["ringcentral"] = ("Authorization", "Bearer rc-reference-token"),
        ["fonedynamics"] = ("Authorization", "Basic QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMTpyZWZlcmVuY2UtdG9rZW4="),
        ["callrail"] = ("Authorization", "Token token=\"callrail-reference-key\""),
        ["notes"] = ("Authorization", "Bearer notes-reference-token"),
        ["ranges"] = ("X-Api-Key", "ranges-reference-key"),
    };

    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly Uri root;
    private readonly (string Header, string Value) credential;

    public ApiClient(ReferenceServer server, string api)
    {
        root = server.BaseUriFor(api)!;
        credential = Credentials[api];
    }

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, path, configure: configure);

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string contentType = "application/json",
        bool auth = true,
        Action<HttpRequestMessage>? configure = null,
        CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, new Uri(root + "/" + path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (auth)
        {
            request.Headers.TryAddWithoutValidation(credential.Header, credential.Value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        configure?.Invoke(request);
        return http.SendAsync(request, ct);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new AssertionException("Body is JSON null.");

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public void Dispose() => http.Dispose();
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conformance.Pact;

namespace Conformance.Suites;

/// <summary>The interactions one provider must pass, and where the verifier reads them.</summary>
/// <param name="Mutating">Descriptions of the interactions whose request is a POST, PUT, PATCH or DELETE.</param>
public sealed record PactTarget(string Provider, PactSource Source, IReadOnlyList<string> Descriptions, IReadOnlySet<string> Mutating)
{
    /// <summary>The pacts as read at discovery (JSON texts): what the verifier replays, for <see cref="PactRefusals"/>.</summary>
    public IReadOnlyList<string> Pacts { get; init; } = [];
}

/// <summary>A pact source that could not be read; it becomes one failing case.</summary>
public sealed record PactProblem(string Name, string Message);

/// <summary>
/// Lists the interactions to verify at discovery: pact files are read from disk, broker pacts are fetched with
/// the selectors. Never throws: an unreadable source becomes a <see cref="PactProblem"/>.
/// </summary>
public static class PactDiscovery
{
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(15);

    public static (IReadOnlyList<PactTarget> Targets, IReadOnlyList<PactProblem> Problems) Discover(PactSettings settings)
    {
        var targets = new List<PactTarget>();
        var problems = settings.Errors.Select(e => new PactProblem("pact / settings (invalid)", e)).ToList();
        var files = new List<string>(settings.Files);
        if (settings.Folder is { } folder)
        {
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(folder))
            {
                problems.Add(new PactProblem($"pact / {folder} (not a folder)", $"pact.folder '{Path.GetFullPath(folder)}' is a file, not a folder. Fix: point pact.folder at the folder holding the pact files, or name the file in pact.files."));
            }
            else
            {
                problems.Add(new PactProblem($"pact / {folder} (missing)", $"pact.folder '{Path.GetFullPath(folder)}' does not exist. Fix: point pact.folder at the folder holding the pact files."));
            }
        }

        var byProvider = new Dictionary<string, (List<string> Files, List<string> Descriptions, HashSet<string> Mutating, List<string> Pacts)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var json = Files.WholeFile.Text(file, Files.FileKind.Pact); // a pipe or a link to /dev/zero is refused unread
                var (provider, descriptions, mutating) = Read(json);
                var entry = byProvider.TryGetValue(provider, out var e) ? e : byProvider[provider] = ([], [], new HashSet<string>(StringComparer.Ordinal), []);
                entry.Pacts.Add(json);
                entry.Files.Add(Path.GetFullPath(file));
                entry.Descriptions.AddRange(descriptions);
                entry.Mutating.UnionWith(mutating);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                problems.Add(new PactProblem($"pact / {Path.GetFileName(file)} (invalid)", $"The pact file '{file}' could not be read: {e.Message.TrimEnd('.')}. Fix: give a pact file (JSON with provider.name and interactions) or remove it from pact.files / pact.folder."));
            }
        }

        targets.AddRange(byProvider.Select(p => new PactTarget(p.Key, PactSource.Files(p.Value.Files), p.Value.Descriptions, p.Value.Mutating) { Pacts = p.Value.Pacts }));
        if (settings.BrokerUrl is not null)
        {
            foreach (var provider in settings.Providers)
            {
                try
                {
                    var (descriptions, mutating, pacts) = FromBroker(settings, provider);
                    targets.Add(new PactTarget(provider, settings.Broker(), descriptions, mutating) { Pacts = pacts });
                }
                catch (HttpRequestException e) when (e.StatusCode is not null)
                {
                    problems.Add(new PactProblem($"pact / {provider} / (broker)", e.Message)); // the broker's answer, said by BrokerFailure
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    problems.Add(new PactProblem($"pact / {provider} / (broker)", $"Pacts for provider '{provider}' could not be fetched from {settings.BrokerUrl}: {e.Message.TrimEnd('.')}. Fix: check pact.brokerUrl, pact.token and pact.selectors."));
                }
            }
        }

        return (targets, problems);
    }

    private static (string Provider, List<string> Descriptions, List<string> Mutating) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var provider = root.GetProperty("provider").GetProperty("name").GetString() ?? throw new InvalidOperationException("provider.name is not a string");
        var interactions = root.GetProperty("interactions").EnumerateArray()
            .Select(i => (Description: i.GetProperty("description").GetString() ?? string.Empty, Method: Method(i))).ToList();
        var mutating = interactions.Where(i => Targets.Mutation.IsMutating(i.Method)).Select(i => i.Description).ToList();
        return (provider, interactions.Select(i => i.Description).ToList(), mutating);
    }

    private static string Method(JsonElement interaction) =>
        interaction.TryGetProperty("request", out var request) && request.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
            ? method.GetString()!
            : "GET";

    private static (List<string> Descriptions, HashSet<string> Mutating, List<string> Pacts) FromBroker(PactSettings settings, string provider)
    {
        var broker = settings.BrokerUrl!;
        using var http = new HttpClient { BaseAddress = broker, Timeout = BrokerTimeout };
        if (settings.Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        }

        var body = $"{{\"consumerVersionSelectors\":[{string.Join(',', settings.Broker().ConsumerVersionSelectors)}]}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = http.PostAsync(ForVerification(http, broker, provider), content).GetAwaiter().GetResult();
        using var list = JsonDocument.Parse(Body(response, broker, provider));
        var descriptions = new List<string>();
        var mutating = new HashSet<string>(StringComparer.Ordinal);
        var pacts = new List<string>();
        foreach (var pact in list.RootElement.GetProperty("_embedded").GetProperty("pacts").EnumerateArray())
        {
            var href = pact.GetProperty("_links").GetProperty("self").GetProperty("href").GetString()!;
            using var fetched = http.GetAsync(OnBroker(new Uri(broker, href), broker)).GetAwaiter().GetResult();
            var json = Body(fetched, broker, provider);
            var read = Read(json);
            pacts.Add(json);
            descriptions.AddRange(read.Descriptions);
            mutating.UnionWith(read.Mutating);
        }

        return (descriptions, mutating, pacts);
    }

    /// <summary>
    /// The body of a 2xx answer; any other status throws, saying it with the request's URL on the broker as configured
    /// (its user info masked, as the verifier's failures show it) and what to do.
    /// </summary>
    private static string Body(HttpResponseMessage response, Uri broker, string provider)
    {
        var status = (int)response.StatusCode;
        var request = response.RequestMessage!;
        return status is >= 200 and < 300
            ? response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
            : throw new HttpRequestException(BrokerFailure.Fetching(request.Method.Method, new Uri(broker, request.RequestUri!.PathAndQuery), status, response.ReasonPhrase ?? string.Empty, provider), null, response.StatusCode);
    }

    /// <summary>
    /// The broker index's <c>pb:provider-pacts-for-verification</c> link, as the verifier follows it (a broker may serve
    /// it elsewhere); the standard path when the index has none.
    /// </summary>
    private static Uri ForVerification(HttpClient http, Uri broker, string provider)
    {
        var escaped = Uri.EscapeDataString(provider);
        var standard = new Uri(broker, $"pacts/provider/{escaped}/for-verification");
        using var request = new HttpRequestMessage(HttpMethod.Get, broker);
        request.Headers.Accept.ParseAdd("application/hal+json");
        using var index = http.SendAsync(request).GetAwaiter().GetResult();
        if (!index.IsSuccessStatusCode)
        {
            return standard;
        }

        try
        {
            using var links = JsonDocument.Parse(index.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            return links.RootElement.ValueKind == JsonValueKind.Object && links.RootElement.TryGetProperty("_links", out var all)
                && all.TryGetProperty("pb:provider-pacts-for-verification", out var link) && link.ValueKind == JsonValueKind.Object
                && link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                ? OnBroker(new Uri(broker, href.GetString()!.Replace("{provider}", escaped, StringComparison.Ordinal)), broker)
                : standard;
        }
        catch (JsonException)
        {
            return standard; // an index that is not HAL (a login page, a proxy's page): the standard path
        }
    }

    /// <summary>The token goes to the broker's own origin only: a link elsewhere is refused, not followed.</summary>
    private static Uri OnBroker(Uri link, Uri broker) =>
        PactVerifications.SameOrigin(link, broker)
            ? link
            : throw new InvalidOperationException($"the broker links {link.GetLeftPart(UriPartial.Authority)}, another origin than its own; the token is sent to the broker's origin only");
}

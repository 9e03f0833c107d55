using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Reads api.yaml into an <see cref="ApiPack"/>, reporting every problem; broken parts are left out, not fatal.</summary>
internal static partial class ApiPackReader
{
    private static readonly string[] Keys =
        ["name", "title", "docs", "dialect", "auth", "defaults", "limits", "statuses", "errors", "rateLimitHeaders", "unprovokable", "checks", "maxResponseMs", "vars", "operations"];

    public static ApiPack? Read(YamlNode root, string path, string folder, string folderName, DiagnosticBag bag, Dictionary<string, SourceLocation> brokenOperations, IReadOnlyDictionary<(int Line, int Column), BrokenEntry>? unreadable = null)
    {
        if (root is not YamlMappingNode node)
        {
            bag.Error(ErrorCodes.WrongNodeType, path, root, "api.yaml must be a mapping", $"found a {YamlMap.Kind(root)}");
            return null;
        }

        var map = new YamlMap(node, path, bag, Keys, "api.yaml");
        var blocks = Unreadable(unreadable, HeaderEntries.Block);
        var name = map.String("name", required: !Unreadable(unreadable, HeaderEntries.Collection).ContainsKey("name")) ?? folderName;
        if (!string.Equals(name, folderName, StringComparison.Ordinal))
        {
            bag.Error(ErrorCodes.InvalidValue, map.Location("name"), $"Pack name '{name}' differs from its folder '{folderName}'",
                "filters, runsettings keys and reports use the folder name", $"Rename the folder or set name: {folderName}.");
        }

        var dialect = map.String("dialect");
        if (dialect is not null && DialectNames.Parse(dialect) is null)
        {
            bag.Error(ErrorCodes.InvalidValue, map.Location("dialect"), $"Unknown dialect '{dialect}'", $"the dialects are {string.Join(", ", DialectNames.Known.Keys)}; a schema without $schema is read in this one",
                $"Name one of them, or remove the key for 2020-12.{DidYouMean.Suffix(dialect, DialectNames.Known.Keys)}");
        }

        var vars = VarReader.Read(map, blocks.GetValueOrDefault("vars"));
        var before = bag.Count;
        var auth = ReadAuth(map, bag);
        var authError = bag.Count > before ? bag.Items[before] : map.MisspeltAs("auth")?.Error ?? blocks.GetValueOrDefault("auth");
        before = bag.Count;
        var defaults = map.Mapping("defaults") is { } d ? new YamlMap(d, path, bag, ["headers"], "defaults").StringMap("headers") : [];
        VarReader.CheckUses(map.Mapping("defaults"), vars, path, bag);
        var defaultsError = bag.Count > before ? bag.Items[before] : map.MisspeltAs("defaults")?.Error ?? blocks.GetValueOrDefault("defaults");
        var statuses = DocumentedStatusReader.ReadStatuses(map, bag);
        return new ApiPack(
            Name: folderName,
            Title: map.String("title") ?? folderName,
            DocsUrl: map.String("docs"),
            Folder: folder,
            Dialect: dialect,
            Auth: auth,
            DefaultHeaders: defaults,
            Limits: ReadLimits(map, bag),
            Statuses: statuses,
            Errors: DocumentedStatusReader.ReadContracts(map, bag, unreadable),
            RateLimitHeaders: ReadList(map, "rateLimitHeaders"),
            Unprovokable: DocumentedStatusReader.ReadUnprovokable(map, statuses, bag),
            CheckSeverities: CheckSeverityReader.Read(map.Mapping("checks"), path, bag),
            Operations: OperationReader.ReadAll(map.Mapping("operations", required: true), vars, path, bag, brokenOperations, unreadable),
            Location: DiagnosticBag.At(path, node))
        {
            MaxResponseMs = map.WholeNumber("maxResponseMs", ResponseTimes.Max),
            Vars = vars,
            AuthError = authError,
            DefaultsError = defaultsError,
            UnreadableBlocks = blocks.Where(b => b.Key is not ("auth" or "defaults")).ToList(),
        };
    }

    /// <summary>Each top-level entry of <paramref name="kind"/> YAML could not read (YamlRecovery left it out), by its key, at its first error.</summary>
    private static Dictionary<string, Diagnostic> Unreadable(IReadOnlyDictionary<(int Line, int Column), BrokenEntry>? unreadable, string kind)
    {
        var blocks = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        foreach (var entry in unreadable?.Values ?? [])
        {
            if (entry.Collection == kind)
            {
                blocks.TryAdd(entry.Name, entry.Diagnostics[0]);
            }
        }

        return blocks;
    }

    private static AuthScheme? ReadAuth(YamlMap map, DiagnosticBag bag)
    {
        if (map.Mapping("auth") is not { } node)
        {
            return null;
        }

        var auth = new YamlMap(node, map.Path, bag, ["header", "query", "cookie", "format", "challenge", "sample"], "auth");
        var header = auth.String("header");
        var query = auth.String("query");
        var cookie = auth.String("cookie");
        var format = auth.String("format") ?? "{token}";
        var places = new[] { ("header", header), ("query", query), ("cookie", cookie) }.Where(p => p.Item2 is not null).Select(p => p.Item1).ToList();
        if (places.Count == 0)
        {
            bag.Error(ErrorCodes.MissingKey, map.Path, node, "auth needs 'header', 'query' or 'cookie'", "the probe must know where the credential goes");
        }
        else if (places.Count > 1)
        {
            bag.Error(ErrorCodes.InvalidValue, map.Path, node, $"auth names {string.Join(" and ", places.Select(p => $"'{p}'"))}", "the credential goes to one place", "Keep one of them.");
        }

        if (!format.Contains("{token}", StringComparison.Ordinal) && auth.Get("format") is { } formatNode)
        {
            var placeholder = Placeholder().Match(format);
            bag.Error(ErrorCodes.InvalidValue, map.Path, formatNode, $"auth format '{format}' has no {{token}}", "the credential is sent where {token} stands, so no probe would carry it",
                $"Write {{token}} where the credential goes, e.g. format: \"Bearer {{token}}\".{(placeholder.Success ? DidYouMean.Suffix(placeholder.Value, ["{token}"]) : string.Empty)}");
        }

        if (cookie is not null && !HttpToken.Is(cookie))
        {
            bag.Error(ErrorCodes.InvalidValue, map.Path, node, $"auth cookie '{cookie}' is not a cookie name", "a cookie name is a token: no spaces, '=', ';', ',' or quotes", "Use the name the API's Set-Cookie gives, e.g. session_id.");
        }

        // A cookie travels as "Cookie: <name>=<credential>": a header like any other, so sending, masking, curl lines
        // and pact exports need nothing of their own.
        return cookie is not null && header is null && query is null
            ? new AuthScheme("Cookie", null, $"{cookie}={format}", auth.String("challenge"), auth.String("sample")) { Cookie = cookie }
            : new AuthScheme(header, query, format, auth.String("challenge"), auth.String("sample"));
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    private static PackLimits ReadLimits(YamlMap map, DiagnosticBag bag)
    {
        if (map.Mapping("limits") is not { } node)
        {
            return new PackLimits(4, 20);
        }

        var limits = new YamlMap(node, map.Path, bag, ["concurrency", "requestsPerSecond"], "limits");
        var concurrency = limits.Number("concurrency", Targets.NumberLimit.InFlight.Max) ?? 4;
        return new PackLimits(Math.Max(1, (int)concurrency), limits.Number("requestsPerSecond", Targets.NumberLimit.Rate.Max, Targets.NumberLimit.MinRate) ?? 20);
    }

    private static List<string> ReadList(YamlMap map, string key)
    {
        var written = map.Get(key) is YamlScalarNode { Value: { Length: > 0 } one } ? one : "Name-One, Name-Two";
        return map.Items(key, $"'{key}' must be a list", $"Write {key}: [{written}].").OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList();
    }
}

using System.Text.Json.Nodes;
using Conformance.Probing;

namespace Conformance.Pact;

/// <summary>Renders body matchers as pact V4 matching rules: <c>{"body":{"$.a":{"combine":"AND","matchers":[...]}}}</c>.</summary>
internal static class MatchingRulesJson
{

    /// <summary>The rules document, or null when there are no matchers.</summary>
    internal static string? ForBody(IReadOnlyList<BodyMatcher> matchers)
    {
        if (matchers.Count == 0)
        {
            return null;
        }

        var body = new JsonObject();
        foreach (var group in matchers.GroupBy(m => m.Path, StringComparer.Ordinal))
        {
            var rules = new JsonArray();
            foreach (var matcher in group)
            {
                rules.Add(Rule(matcher));
            }

            body[group.Key] = new JsonObject { ["combine"] = group.Any(m => m.Kind == MatcherKind.Null) ? "OR" : "AND", ["matchers"] = rules };
        }

        return JsonText.Of(new JsonObject { ["body"] = body });
    }

    private static JsonObject Rule(BodyMatcher matcher) => matcher.Kind switch
    {
        MatcherKind.Type => new JsonObject { ["match"] = "type" },
        MatcherKind.IntegerNumber => new JsonObject { ["match"] = "integer" },
        MatcherKind.DecimalNumber => new JsonObject { ["match"] = "decimal" },
        MatcherKind.Null => new JsonObject { ["match"] = "null" },
        MatcherKind.Regex => new JsonObject
        {
            ["match"] = "regex",
            ["regex"] = matcher.Pattern ?? throw new ArgumentException($"Matcher at '{matcher.Path}' is a regex without a pattern.", nameof(matcher)),
        },
        MatcherKind.OneOf => new JsonObject
        {
            ["match"] = "regex",
            ["regex"] = BodyMatcher.AlternationOf(matcher.Values ?? throw new ArgumentException($"Matcher at '{matcher.Path}' is one-of without values.", nameof(matcher))),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(matcher), matcher.Kind, "Unknown matcher kind."),
    };
}

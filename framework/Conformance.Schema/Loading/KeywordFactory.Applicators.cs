using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Loading;

/// <summary>Applicator keywords (subschemas).</summary>
internal static partial class KeywordFactory
{
    private static bool IsSchema(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False;

    private static SchemaNode[]? SchemaArray(KeywordScope scope, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || !value.EnumerateArray().All(IsSchema))
        {
            scope.Invalid(name, "an array of schemas");
            return null;
        }

        return [.. Enumerable.Range(0, value.GetArrayLength()).Select(i => scope.Sub(name, i))];
    }

    private static Keyword? CreateItems(KeywordScope scope, string name, JsonElement value)
    {
        var location = scope.AbsoluteLocation(name);
        var modern = scope.Dialect.Dialect >= Dialect.Draft202012;
        if (name == "prefixItems" || (name == "items" && !modern && value.ValueKind == JsonValueKind.Array))
        {
            var schemas = SchemaArray(scope, name, value);
            return schemas is null ? null : new PrefixItemsKeyword(name, location, schemas);
        }

        if (!IsSchema(value))
        {
            return Invalid(scope, name, "a schema");
        }

        var start = 0;
        if (name == "additionalItems")
        {
            if (!scope.Schema.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            start = items.GetArrayLength();
        }
        else if (modern && scope.TryGet("prefixItems", out var prefix) && prefix.ValueKind == JsonValueKind.Array)
        {
            start = prefix.GetArrayLength();
        }

        return new ItemsKeyword(name, location, scope.Sub(name), start);
    }

    private static Keyword? CreateContains(KeywordScope scope, JsonElement value)
    {
        if (!IsSchema(value))
        {
            return Invalid(scope, "contains", "a schema");
        }

        var min = 1;
        int? max = null;
        if (scope.TryGet("minContains", out var minValue) && scope.TryCount("minContains", minValue, out var minCount))
        {
            min = minCount;
        }

        if (scope.TryGet("maxContains", out var maxValue) && scope.TryCount("maxContains", maxValue, out var maxCount))
        {
            max = maxCount;
        }

        var annotates = scope.Dialect.Dialect >= Dialect.Draft202012;
        return new ContainsKeyword(scope.AbsoluteLocation("contains"), scope.Sub("contains"), min, max, annotates);
    }

    private static Keyword? CreateObjectApplicator(KeywordScope scope, string name, JsonElement value)
    {
        var location = scope.AbsoluteLocation(name);
        if (name is "additionalProperties" or "propertyNames")
        {
            if (!IsSchema(value))
            {
                return Invalid(scope, name, "a schema");
            }

            return name == "propertyNames"
                ? new PropertyNamesKeyword(location, scope.Sub(name))
                : new AdditionalPropertiesKeyword(location, scope.Sub(name), value.ValueKind == JsonValueKind.False, SiblingNames(scope), SiblingPatterns(scope));
        }

        if (value.ValueKind != JsonValueKind.Object || !value.EnumerateObject().All(p => IsSchema(p.Value)))
        {
            return Invalid(scope, name, "an object whose values are schemas");
        }

        if (name == "properties")
        {
            var names = value.EnumerateObject().Select(p => p.Name).ToArray();
            return new PropertiesKeyword(location, new PropertySet(names), [.. names.Select(n => scope.Sub(name, n))]);
        }

        var entries = new List<(string, EcmaRegex, SchemaNode)>();
        foreach (var property in value.EnumerateObject())
        {
            if (CompileRegex(scope, name, property.Name, true) is { } regex)
            {
                entries.Add((property.Name, regex, scope.Sub(name, property.Name)));
            }
        }

        return new PatternPropertiesKeyword(location, [.. entries]);
    }

    private static PropertySet? SiblingNames(KeywordScope scope) =>
        scope.TryGet("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? new PropertySet(properties.EnumerateObject().Select(p => p.Name))
            : null;

    private static List<EcmaRegex> SiblingPatterns(KeywordScope scope)
    {
        var patterns = new List<EcmaRegex>();
        if (scope.TryGet("patternProperties", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (RegexCache.TryGet(property.Name, scope.Options.RegexTimeout, out _, scope.Options.LinearPatterns) is { } regex)
                {
                    patterns.Add(regex);
                }
            }
        }

        return patterns;
    }

    private static Keyword? CreateDependencies(KeywordScope scope, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Invalid(scope, name, "an object");
        }

        var location = scope.AbsoluteLocation(name);
        var required = new List<(string, string[])>();
        var schemas = new List<(string, SchemaNode)>();
        foreach (var property in value.EnumerateObject())
        {
            if (name != "dependentSchemas" && property.Value.ValueKind == JsonValueKind.Array
                && property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                required.Add((property.Name, [.. property.Value.EnumerateArray().Select(v => v.GetString()!)]));
            }
            else if (name != "dependentRequired" && IsSchema(property.Value))
            {
                schemas.Add((property.Name, scope.Sub(name, property.Name)));
            }
            else
            {
                scope.Invalid(name, name == "dependentRequired" ? "an object of string arrays" : "an object of schemas");
            }
        }

        if (required.Count > 0 && schemas.Count > 0)
        {
            return new CompositeKeyword(name, location, [new DependentRequiredKeyword(name, location, [.. required]), new DependentSchemasKeyword(name, location, [.. schemas])]);
        }

        return required.Count > 0 ? new DependentRequiredKeyword(name, location, [.. required])
            : schemas.Count > 0 ? new DependentSchemasKeyword(name, location, [.. schemas]) : null;
    }

    private static Keyword? CreateLogic(KeywordScope scope, string name, JsonElement value)
    {
        var location = scope.AbsoluteLocation(name);
        if (name is "not" or "if")
        {
            if (!IsSchema(value))
            {
                return Invalid(scope, name, "a schema");
            }

            if (name == "not")
            {
                return new NotKeyword(location, scope.Sub(name));
            }

            var then = scope.TryGet("then", out var t) && IsSchema(t) ? scope.Sub("then") : null;
            var otherwise = scope.TryGet("else", out var e) && IsSchema(e) ? scope.Sub("else") : null;
            return then is null && otherwise is null && !scope.Compiler.UsesUnevaluated
                ? new IfKeyword(location, scope.Sub(name), null, null)
                : new IfKeyword(location, scope.Sub(name), then, otherwise);
        }

        var schemas = SchemaArray(scope, name, value);
        return schemas is null ? null : name switch
        {
            "allOf" => new AllOfKeyword(location, schemas),
            "anyOf" => new AnyOfKeyword(location, schemas),
            _ => new OneOfKeyword(location, schemas),
        };
    }
}

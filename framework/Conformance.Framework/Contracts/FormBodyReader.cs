using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads an operation's <c>bodyType:</c> and, for a form, checks that its <c>body:</c> is what a form can carry:
/// a mapping of strings, numbers and booleans, or lists of them (a repeated name). Every problem is reported.
/// </summary>
internal static class FormBodyReader
{
    private static readonly string[] Types = ["json", "form"];

    /// <summary>The body type, or null when <c>bodyType:</c> or a form body is wrong (each error is in the bag).</summary>
    public static BodyType? Read(string id, YamlMap map)
    {
        var node = map.Get("bodyType");
        var text = map.String("bodyType");
        if (text is null)
        {
            return node is null || YamlMap.IsNull(node) ? BodyType.Json : null;
        }

        if (!Types.Contains(text, StringComparer.Ordinal))
        {
            map.Bag.Error(ErrorCodes.InvalidValue, map.Location("bodyType"), $"Unknown bodyType '{text}' of operation '{id}'",
                "a body goes out as json (application/json, the default) or form (application/x-www-form-urlencoded)",
                $"Write bodyType: json or bodyType: form.{DidYouMean.Suffix(text, Types)}");
            return null;
        }

        if (text == "json")
        {
            return BodyType.Json;
        }

        return map.Get("body") is { } body && !YamlMap.IsNull(body) && !CheckForm(id, body, map) ? null : BodyType.Form;
    }

    private static bool CheckForm(string id, YamlNode body, YamlMap map)
    {
        if (body is not YamlMappingNode fields)
        {
            map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, body, $"The form body of operation '{id}' must be a mapping of fields, found a {YamlMap.Kind(body)}",
                "a form (bodyType: form) is name=value pairs", "Write the body as { name: value, ... }.");
            return false;
        }

        var fine = true;
        foreach (var (key, value) in fields.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            var items = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var item in items.Where(i => !IsScalar(i)))
            {
                var found = item is YamlScalarNode ? "null" : $"a {YamlMap.Kind(item)}";
                var where = value is YamlSequenceNode ? $"An item of form field '{name}'" : $"Form field '{name}'";
                map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, item, $"{where} of operation '{id}' is {found}",
                    "a form field's value is a string, a number or a boolean (a list of them repeats the name: tag=a&tag=b), and a form cannot nest",
                    "Write a single value, or flatten the field into names of its own (address_city: Berlin).");
                fine = false;
            }
        }

        return fine;
    }

    private static bool IsScalar(YamlNode node) => node is YamlScalarNode scalar && YamlJson.ToJson(scalar) is not null;
}

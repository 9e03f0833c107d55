using System.Text.Json.Nodes;

namespace Conformance.Import.Tests;

/// <summary>
/// Random valid OpenAPI 3.1 documents whose operations take form bodies: <c>application/x-www-form-urlencoded</c>,
/// <c>multipart/form-data</c> or both, each an object of scalar, list and object fields with an <c>encoding</c> entry for
/// some of them (<c>contentType</c>, or <c>style</c> with <c>explode</c>). One seed, one document.
/// </summary>
internal sealed class FormFuzzDocuments(int seed)
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string Multipart = "multipart/form-data";

    // Texts a form delimiter, a form's own syntax or percent-encoding could bend.
    private static readonly string[] Texts = ["red", "a,b", "x y", "p|q", "k=v&z", "50%", "", "ü", "tab\tbed", "+1"];

    private static readonly string[] Formats = ["date", "date-time", "email", "uuid"];

    // An encoding entry for a field, or none; explode is always written with a style (the reader drops one without).
    private static readonly string?[] Encodings =
    [
        null, null, null, """{"contentType":"application/json"}""", """{"contentType":"text/plain"}""", """{"style":"form","explode":true}""",
        """{"style":"form","explode":false}""", """{"style":"spaceDelimited","explode":false}""", """{"style":"pipeDelimited","explode":false}""",
        """{"style":"deepObject","explode":true}""", """{"style":"form","explode":false,"contentType":"application/json"}""",
    ];

    // Patterns whose texts hold a delimiter.
    private static readonly string[] Patterns = ["^[a-z]{2},[a-z]{2}$", "^a b$", "^[0-9]{3}\\|x$"];

    private readonly Random random = new(seed);
    private readonly JsonObject components = [];

    public JsonObject Document()
    {
        var paths = new JsonObject();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            paths[$"/things{i}"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = $"op{i}",
                    ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content() },
                    ["responses"] = JsonNode.Parse("""{"201":{"description":"ok"},"400":{"description":"bad"},"415":{"description":"unsupported"}}"""),
                },
            };
        }

        var document = new JsonObject { ["openapi"] = "3.1.0", ["info"] = new JsonObject { ["title"] = $"fuzz{seed}", ["version"] = "1" }, ["paths"] = paths };
        if (components.Count > 0)
        {
            document["components"] = new JsonObject { ["schemas"] = components };
        }

        return document;
    }

    /// <summary>The schema a media type's <c>schema</c> stands for: a component's, where it is a reference.</summary>
    public static JsonObject Resolve(JsonObject document, JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject() : schema;

    private JsonObject Content()
    {
        var (schema, encoding) = Body();
        JsonObject Media() => encoding.Count == 0
            ? new JsonObject { ["schema"] = schema.DeepClone() }
            : new JsonObject { ["schema"] = schema.DeepClone(), ["encoding"] = encoding.DeepClone() };
        return random.Next(10) switch
        {
            < 7 => new JsonObject { [Form] = Media() },
            < 9 => new JsonObject { [Multipart] = Media() },
            _ => new JsonObject { [Multipart] = Media(), [Form] = Media() },
        };
    }

    private (JsonObject Schema, JsonObject Encoding) Body()
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        var encoding = new JsonObject();
        for (var i = 0; i < 1 + random.Next(5); i++)
        {
            var name = $"f{i}";
            var field = properties[name] = Field();
            if (random.Next(3) > 0)
            {
                required.Add(name);
            }

            // deepObject is defined for objects only
            if (Encodings[random.Next(Encodings.Length)] is { } how && (!how.Contains("deepObject", StringComparison.Ordinal) || field["type"]!.ToString() == "object"))
            {
                encoding[name] = JsonNode.Parse(how);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["required"] = required, ["properties"] = properties };
        switch (random.Next(5))
        {
            case 0 when properties.Count > 1: // the fields in two allOf parts, each requiring its own
                var (first, second) = (new JsonObject(), new JsonObject());
                foreach (var (name, field) in properties)
                {
                    (first.Count == 0 || random.Next(2) == 0 ? first : second)[name] = field!.DeepClone();
                }

                schema = new JsonObject { ["allOf"] = new JsonArray(Part(first, required), Part(second, required)) };
                break;
            case 1:
                components[$"Form{components.Count}"] = schema;
                schema = new JsonObject { ["$ref"] = $"#/components/schemas/Form{components.Count - 1}" };
                break;
        }

        return (schema, encoding);
    }

    private static JsonObject Part(JsonObject properties, JsonArray required) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray([.. required.Where(r => properties.ContainsKey(r!.GetValue<string>())).Select(r => r!.DeepClone())]),
        ["properties"] = properties,
    };

    private JsonObject Field() => random.Next(20) switch
    {
        < 10 => Scalar(),
        < 15 => List(Scalar()),
        < 17 => Object(),
        < 18 => List(Object()),
        < 19 => List(List(Scalar())),
        _ => new JsonObject { ["type"] = "object", ["required"] = new JsonArray("inner"), ["properties"] = new JsonObject { ["inner"] = Object() } },
    };

    private JsonObject List(JsonObject items)
    {
        var list = new JsonObject { ["type"] = "array", ["items"] = items };
        if (random.Next(2) == 0)
        {
            list["minItems"] = random.Next(4);
        }

        if (random.Next(4) == 0)
        {
            list["uniqueItems"] = true;
        }

        return list;
    }

    private JsonObject Object()
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            properties[$"k{i}"] = Scalar();
            if (random.Next(2) == 0)
            {
                required.Add($"k{i}");
            }
        }

        var value = new JsonObject { ["type"] = "object", ["required"] = required, ["properties"] = properties };
        if (random.Next(4) == 0)
        {
            value["minProperties"] = random.Next(1, properties.Count + 1);
        }

        return value;
    }

    private JsonObject Scalar() => random.Next(11) switch
    {
        0 => new JsonObject { ["type"] = "string" },
        1 => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Text(), Text()) },
        2 => new JsonObject { ["type"] = "string", ["example"] = Text() },
        3 => new JsonObject { ["type"] = "string", ["minLength"] = random.Next(1, 12) },
        4 => new JsonObject { ["type"] = "string", ["format"] = Formats[random.Next(Formats.Length)] },
        5 => new JsonObject { ["type"] = "integer", ["minimum"] = random.Next(-5, 5) },
        6 => new JsonObject { ["type"] = "number", ["maximum"] = random.Next(-5, 5) + 0.5 },
        7 => new JsonObject { ["type"] = "boolean" },
        8 => new JsonObject { ["type"] = new JsonArray("string", "null"), ["default"] = random.Next(2) == 0 ? null : Text() },
        9 => new JsonObject { ["type"] = "string", ["pattern"] = Patterns[random.Next(Patterns.Length)] },
        _ => new JsonObject { ["type"] = "string", ["default"] = Text() },
    };

    private string Text() => Texts[random.Next(Texts.Length)];
}

using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Form bodies of <see cref="Samples"/>: a required list gets an item, since a form cannot send an empty one.</summary>
internal static partial class Samples
{
    /// <summary>
    /// The form body's sample, as <see cref="Body"/> drafts it, but with one item in each required list drafted empty (no
    /// <c>minItems</c>) that may hold one: a form sends an empty list as no field at all (<c>explode: true</c>) or as one
    /// empty item (<c>name=</c>), so the API would read the field as missing or as holding an empty text.
    /// </summary>
    public static JsonNode? FormBody(IOpenApiMediaType media, SampleContext context)
    {
        if ((media.Example ?? media.Examples?.Values.FirstOrDefault()?.Value) is { } given)
        {
            return given.DeepClone();
        }

        var value = Value(media.Schema, 0, string.Empty, context);
        foreach (var name in AllOfSchema.Required(media.Schema).Where(n => value is JsonObject fields && fields[n] is JsonArray { Count: 0 }))
        {
            if (AllOfSchema.Property(media.Schema, name) is { Items: { } items, MaxItems: not 0 })
            {
                value![name]!.AsArray().Add(Value(items, 1, Child(string.Empty, name) + "/0", context));
            }
        }

        if (context.Stopped is not null)
        {
            return null; // not drafted: the caller warns (CT0403)
        }

        context.Check(media.Schema, value, string.Empty);
        return value;
    }
}

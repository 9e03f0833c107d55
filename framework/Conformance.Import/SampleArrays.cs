using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Lists of <see cref="Samples"/>: <c>minItems</c> items, distinct for <c>uniqueItems</c>, <c>contains</c> met.</summary>
internal static partial class Samples
{
    /// <summary>Distinct items are looked for up to this many; the rest of a longer unique list repeats the sample (the final check notes it).</summary>
    private const int MaxDistinct = 256;

    /// <summary>
    /// The <c>prefixItems</c> (3.1) up to <c>minItems</c>, each drafted from its own schema; then <c>minContains</c>
    /// (1 by default) items of <c>contains</c>, then <c>items</c> up to <c>minItems</c>: with
    /// <c>uniqueItems</c>, each unlike those before (the next variants of the item), and past <c>maxContains</c> none that
    /// <c>contains</c> accepts; where no such item is found, the plain item stands (and the final check notes the list).
    /// </summary>
    private static JsonArray Array(IOpenApiSchema schema, int depth, string pointer, SampleContext context, int nth)
    {
        var list = new JsonArray();
        var unique = schema.UniqueItems == true;
        var want = Math.Min(schema.MinItems ?? 0, MaxDrafted);
        var more = schema as IOpenApiSchemaMissingProperties; // where Microsoft.OpenApi keeps contains, minContains and maxContains
        var contains = more?.Contains;
        var (least, most) = (Math.Max(more?.MinContains ?? 1, 0), more?.MaxContains ?? int.MaxValue);
        var matched = 0;
        var varied = unique || contains is not null; // else every item is the same sample, as before
        foreach (var prefix in context.Judge.Prefix.Of(schema).Take(want))
        {
            var item = Value(prefix, depth + 1, $"{pointer}/{list.Count}", context, nth);
            matched += contains is not null && context.Judge.Accepts(contains, item) ? 1 : 0;
            list.Add(item);
        }

        void Add(JsonNode? item, SampleContext fork)
        {
            var counts = contains is not null && context.Judge.Accepts(contains, item);
            if ((!unique || !list.Any(i => JsonNode.DeepEquals(i, item))) && (!counts || matched < most))
            {
                matched += counts ? 1 : 0;
                list.Add(context.Take(fork, item));
            }
        }

        for (var k = 0; contains is not null && matched < Math.Min(least, MaxDrafted) && k < Math.Min(least, MaxDistinct) + Tries; k++)
        {
            var fork = context.Fork();
            Add(Value(contains, depth + 1, $"{pointer}/{list.Count}", fork, nth + k), fork);
        }

        for (var k = 0; list.Count < want && k < Math.Min(want, MaxDistinct) + Tries; k++)
        {
            var fork = context.Fork();
            Add(Value(schema.Items, depth + 1, $"{pointer}/{list.Count}", fork, varied ? nth + k : nth), fork);
        }

        while (list.Count < want)
        {
            list.Add(Value(schema.Items, depth + 1, $"{pointer}/{list.Count}", context, nth));
        }

        return list;
    }
}

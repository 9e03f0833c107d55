using System.Globalization;
using System.Text.Json;
using Conformance.Schema.Evaluation;
using Conformance.Schema.Json;

namespace Conformance.Schema.Keywords;

/// <summary><c>uniqueItems: true</c>: no two items are equal (JSON equality, hashed so large arrays stay linear).</summary>
internal sealed class UniqueItemsKeyword(string location) : Keyword("uniqueItems", location)
{
    public override bool Evaluate(JsonElement instance, EvalContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array || instance.GetArrayLength() < 2)
        {
            return true;
        }

        var seen = new Dictionary<int, List<int>>();
        var items = new List<JsonElement>(instance.GetArrayLength());
        foreach (var item in instance.EnumerateArray())
        {
            var hash = JsonEquality.Hash(item);
            if (seen.TryGetValue(hash, out var candidates))
            {
                foreach (var earlier in candidates)
                {
                    if (JsonEquality.AreEqual(items[earlier], item))
                    {
                        context.AddError(this, string.Create(CultureInfo.InvariantCulture,
                            $"array items {earlier} and {items.Count} are equal ({ValueText.Show(item)}) but uniqueItems is true"));
                        return false;
                    }
                }

                candidates.Add(items.Count);
            }
            else
            {
                seen[hash] = [items.Count];
            }

            items.Add(item);
        }

        return true;
    }
}

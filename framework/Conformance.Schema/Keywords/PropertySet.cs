using System.Text.Json;

namespace Conformance.Schema.Keywords;

/// <summary>Looks up an instance property among a schema's property names without allocating the name when the set is small.</summary>
internal sealed class PropertySet
{
    private const int LinearLimit = 16;
    private readonly string[] names;
    private readonly Dictionary<string, int>? index;

    public PropertySet(IEnumerable<string> names)
    {
        this.names = [.. names];
        if (this.names.Length > LinearLimit)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < this.names.Length; i++)
            {
                index[this.names[i]] = i;
            }
        }
    }

    public int Count => names.Length;

    public string this[int i] => names[i];

    /// <summary>Index of the property's name in the set, or -1.</summary>
    public int IndexOf(JsonProperty property)
    {
        if (index is not null)
        {
            return index.TryGetValue(property.Name, out var found) ? found : -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (property.NameEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

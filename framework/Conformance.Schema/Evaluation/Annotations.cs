namespace Conformance.Schema.Evaluation;

/// <summary>What an evaluation at one instance location has evaluated; feeds unevaluatedProperties/unevaluatedItems.</summary>
internal sealed class Annotations
{
    private HashSet<string>? properties;
    private HashSet<int>? items;

    /// <summary>All items evaluated (items/additionalItems/unevaluatedItems applied to the rest).</summary>
    public bool AllItems { get; set; }

    /// <summary>Items [0, PrefixCount) were evaluated.</summary>
    public int PrefixCount { get; set; }

    public void AddProperty(string name) => (properties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public bool HasProperty(string name) => properties is not null && properties.Contains(name);

    public void AddItem(int index) => (items ??= []).Add(index);

    public bool HasItem(int index) => AllItems || index < PrefixCount || (items is not null && items.Contains(index));

    public void Merge(Annotations other)
    {
        if (other.properties is not null)
        {
            foreach (var name in other.properties)
            {
                AddProperty(name);
            }
        }

        if (other.items is not null)
        {
            foreach (var index in other.items)
            {
                AddItem(index);
            }
        }

        AllItems |= other.AllItems;
        PrefixCount = Math.Max(PrefixCount, other.PrefixCount);
    }
}

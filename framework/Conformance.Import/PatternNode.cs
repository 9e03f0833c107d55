namespace Conformance.Import;

/// <summary>
/// One piece of a parsed <c>pattern</c>, with the shortest and longest text it matches (<see cref="Unbounded"/> for
/// no limit): what <see cref="PatternSample"/> needs to pick a text of a wanted length.
/// </summary>
internal abstract record PatternNode(int Min, int Max)
{
    public const int Unbounded = int.MaxValue;

    public static int Add(int a, int b) => (long)a + b >= Unbounded ? Unbounded : a + b;

    public static int Times(int a, int b) => (long)a * b >= Unbounded ? Unbounded : a * b;
}

/// <summary>One character of a set (a literal, a class, an escape such as <c>\d</c>, or <c>.</c>).</summary>
internal sealed record CharNode(Func<char, bool> Matches, char Sample) : PatternNode(1, 1)
{
    /// <summary>One character, not a set: what a class range may start or end with.</summary>
    public bool Single { get; init; }
}

/// <summary><c>^</c> or <c>$</c>: no text; the verification checks where they stand.</summary>
internal sealed record AnchorNode() : PatternNode(0, 0);

/// <summary>Items one after another.</summary>
internal sealed record SequenceNode(IReadOnlyList<PatternNode> Items)
    : PatternNode(Items.Aggregate(0, (sum, i) => Add(sum, i.Min)), Items.Aggregate(0, (sum, i) => Add(sum, i.Max)));

/// <summary>Alternatives (<c>a|b</c>).</summary>
internal sealed record ChoiceNode(IReadOnlyList<PatternNode> Branches)
    : PatternNode(Branches.Min(b => b.Min), Branches.Max(b => b.Max));

/// <summary>An item under a quantifier: <c>?</c>, <c>*</c>, <c>+</c>, <c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c> (greedy or lazy).</summary>
internal sealed record RepeatNode(PatternNode Item, int Least, int Most)
    : PatternNode(Times(Item.Min, Least), Most == Unbounded && Item.Max > 0 ? Unbounded : Times(Item.Max, Most));

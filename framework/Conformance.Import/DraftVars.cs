namespace Conformance.Import;

/// <summary>
/// The pack variables a draft declares: one per path parameter, since the ids in a document's examples are not the
/// ones a staging environment has. A parameter whose sample is the same in every operation is one variable named after
/// it; one whose samples differ (a deletable id beside a readable one) gets a variable per operation, <c>&lt;op&gt;_&lt;param&gt;</c>.
/// </summary>
internal sealed class DraftVars
{
    private readonly Dictionary<(string Op, string Param), string> names = [];

    private DraftVars(IReadOnlyList<DraftOperation> operations)
    {
        foreach (var group in operations.SelectMany(o => o.Params.Select(p => (Op: o.Id, Param: p.Key, Sample: p.Value))).GroupBy(x => x.Param, StringComparer.Ordinal))
        {
            var shared = group.Select(x => x.Sample).Distinct(StringComparer.Ordinal).Count() == 1;
            foreach (var (op, param, sample) in group)
            {
                var name = Identifier.SnakeCase(shared ? param : $"{op}_{param}");
                if (Defaults.TryGetValue(name, out var taken) && taken != sample)
                {
                    // Another parameter with the same snake_case name (petId, pet_id) and another sample: one of its own.
                    name = Identifier.SnakeCase($"{op}_{param}");
                }

                names[(op, param)] = name;
                Defaults.TryAdd(name, sample);
            }
        }
    }

    /// <summary>Variable name -> default (the document's sample), in first-use order.</summary>
    public Dictionary<string, string> Defaults { get; } = new(StringComparer.Ordinal);

    public static DraftVars For(IReadOnlyList<DraftOperation> operations) => new(operations);

    /// <summary>The operation's path parameters written as <c>${variable}</c>.</summary>
    public Dictionary<string, string> Params(DraftOperation operation) =>
        operation.Params.ToDictionary(p => p.Key, p => $"${{{names[(operation.Id, p.Key)]}}}", StringComparer.Ordinal);
}

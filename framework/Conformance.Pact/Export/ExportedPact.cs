namespace Conformance.Pact.Export;

/// <summary>The pact of one pack, and every row left out of it with the reason.</summary>
/// <param name="Api">The pack's name.</param>
/// <param name="Pact">Consumer <c>conformance-{api}</c>, provider <c>{api}</c>, one interaction per exported row.</param>
/// <param name="Omitted">Rows with no interaction, each with why.</param>
/// <param name="Notes">Rows exported with less than the row asserts (a body left out), each with why.</param>
public sealed record ExportedPact(string Api, PactDefinition Pact, IReadOnlyList<ExportNote> Omitted, IReadOnlyList<ExportNote> Notes)
{
    /// <summary>The consumer name for a pack: <c>conformance-{api}</c>.</summary>
    public static string ConsumerFor(string api) => $"conformance-{api}";

    /// <summary>One line per omitted row and per note, for logs.</summary>
    public string Report() => string.Join(
        Environment.NewLine,
        Omitted.Select(n => $"omitted: {n.CaseName}: {n.Reason}").Concat(Notes.Select(n => $"note: {n.CaseName}: {n.Reason}")));
}

/// <summary>Why a row was left out of a pact, or exported with less than it asserts.</summary>
/// <param name="CaseName">The row's case name.</param>
/// <param name="Reason">The reason, for a person.</param>
public sealed record ExportNote(string CaseName, string Reason);

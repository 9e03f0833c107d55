using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Pact.States;

/// <summary>
/// The provider state of an operation's <c>setup:</c> in an exported pact, e.g.
/// <c>setup create_note (captures deletable_note_id; cleanup delete_note)</c>, with the captured variables and their
/// example values as its params. The name is stable (the setup operation, the captured names in their order, the
/// cleanup), so a provider's own state-change handler can recognise it, as the framework's does.
/// </summary>
public static class SetupState
{
    /// <summary>The state's name.</summary>
    public static string Name(OperationSetup setup) =>
        $"setup {setup.Op} (captures {string.Join(", ", setup.Capture.Keys)}{(setup.Cleanup is { } cleanup ? $"; cleanup {cleanup}" : string.Empty)})";

    /// <summary>The state with its params: each captured variable and its value in <paramref name="pack"/>'s vars.</summary>
    public static PactProviderState For(ApiPack pack, OperationSetup setup) =>
        new(Name(setup), setup.Capture.Keys.ToDictionary(name => name, name => pack.Vars.GetValueOrDefault(name)?.DeepClone(), StringComparer.Ordinal));

    /// <summary>
    /// The param that carries <paramref name="variable"/> escaped for a path segment (<c>deletable_note_id.path</c>): an
    /// exported path written with a captured variable is the generator expression <c>${v.path}${v}</c>, and the state's
    /// params give <c>v.path</c> as "" (a variable name holds no dot, so it names no variable of the pack). A state-change
    /// answer with only <c>v</c> fills the path with <c>v</c> as answered; Conformance's own answers <c>v.path</c>, escaped
    /// as a row escapes it, with <c>v</c> as "".
    /// </summary>
    public static string PathName(string variable) => variable + ".path";

    /// <summary>
    /// The param that carries <paramref name="variable"/> as it is (<c>deletable_note_id.raw</c>) where the path carries
    /// it escaped: a header or query parameter of that interaction is <c>${v.raw}${v}</c>, with <c>v.raw</c> "" in the
    /// state's params, so it gets the value itself from either kind of answer.
    /// </summary>
    public static string RawName(string variable) => variable + ".raw";

    /// <summary>The setup whose state has this name among the pack's operations, or null.</summary>
    public static OperationSetup? Find(ApiPack pack, string state) =>
        pack.Operations.Values.Select(o => o.Setup).OfType<OperationSetup>().FirstOrDefault(s => Name(s) == state);
}

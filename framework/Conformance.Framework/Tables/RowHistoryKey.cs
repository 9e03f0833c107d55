using System.Globalization;

namespace Conformance.Tables;

/// <summary>
/// The key Allure's history follows for a row without an <c>id:</c> (<see cref="StatusRow.HistoryKey"/>): its operation,
/// scenario and <c>with:</c> arguments, then its place among the rows alike in all three. By position alone
/// (<c>op.scenario.n</c>), a row added above one of the same operation and scenario, or two such rows swapped, moved each
/// row's history to another row.
/// </summary>
internal static class RowHistoryKey
{
    /// <summary>What rows alike share: <c>get_thing.unknown_id(param="id", value="999")</c>, or <c>get_thing.valid</c> without arguments.</summary>
    public static string Stem(StatusRow row) => row.With.Count == 0
        ? $"{row.OperationId}.{row.ScenarioId}"
        : $"{row.OperationId}.{row.ScenarioId}(" + string.Join(", ", row.With.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value?.ToJsonString() ?? "null"}")) + ")";

    /// <summary>The row with its key: the stem and its place among the pack's rows of that stem; a row with an <c>id:</c> keeps its id.</summary>
    public static StatusRow With(StatusRow row, Dictionary<string, int> counted)
    {
        if (row.IdWritten)
        {
            return row;
        }

        var stem = Stem(row);
        var place = counted.GetValueOrDefault(stem) + 1;
        counted[stem] = place;
        return row with { HistoryKey = $"{stem}.{place.ToString(CultureInfo.InvariantCulture)}" };
    }
}

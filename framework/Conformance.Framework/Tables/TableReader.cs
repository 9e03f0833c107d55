using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>Reads one status-table file: every good row, and one invalid entry per bad row or file-level problem.</summary>
internal static class TableReader
{
    /// <summary>
    /// Reads the file's rows; returns how many rows the file has (<paramref name="before"/>: the pack's rows so far). A
    /// row's default id is <c>op.scenario.n</c>, n counting the pack's loaded rows of that operation and scenario over its
    /// tables in file order, so two files never make the same id and a row added elsewhere changes no other row's id
    /// (Allure's history follows a row by it).
    /// </summary>
    public static int Read(string text, TableContext table, List<StatusRow> rows, List<InvalidEntry> invalid, int before = 0)
    {
        var fileBag = new DiagnosticBag();
        var root = Contracts.YamlSource.Load(text, table.Path, fileBag);
        Dictionary<(int Line, int Column), Contracts.BrokenEntry>? broken = null;
        if (root is null && fileBag.Count > 0 && Contracts.YamlRecovery.Read(text, table.Path, ["rows"], items: true, fileBag.Items) is { } recovered)
        {
            (root, broken, var rest) = recovered;
            fileBag = new DiagnosticBag();
            fileBag.AddRange(broken.Values.Where(b => b.Collection is Contracts.HeaderEntries.Collection or Contracts.HeaderEntries.Block or Contracts.StrayLines.Collection).SelectMany(b => b.Diagnostics));
            fileBag.AddRange(rest);
        }

        if (root is null)
        {
            if (fileBag.Count == 0)
            {
                fileBag.Error(ErrorCodes.EmptyTable, SourceLocation.FileStart(table.Path), "The status table is empty", "a table needs at least one row");
            }

            invalid.AddRange(InvalidEntry.ByLine(table.Pack.Name, fileBag.Items));
            return 0;
        }

        var rowsNode = RowsNode(root, table.Path, fileBag);
        invalid.AddRange(InvalidEntry.ByLine(table.Pack.Name, fileBag.Items));
        if (rowsNode is null)
        {
            return 0;
        }

        // A block beside rows: that YAML could not read (an x- block of anchors) may hold what a row repeats: no row runs.
        var block = broken?.Values.FirstOrDefault(b => b.Collection == Contracts.HeaderEntries.Block);
        var index = before;
        var counted = rows.CountBy(r => (r.OperationId, r.ScenarioId)).ToDictionary();
        int Ordinal(string op, string scenario) => counted.GetValueOrDefault((op, scenario)) + 1;
        var stems = rows.Where(r => !r.IdWritten).CountBy(RowHistoryKey.Stem).ToDictionary();
        foreach (var node in rowsNode.Children)
        {
            index++;
            if (broken is not null && broken.TryGetValue(((int)node.Start.Line, (int)node.Start.Column), out var syntax))
            {
                invalid.Add(new InvalidEntry(table.Pack.Name, DiagnosticBag.At(table.Path, node), syntax.Diagnostics));
                continue;
            }

            var bag = new DiagnosticBag();
            if (RowReader.Read(node, Ordinal, table, bag) is { } read)
            {
                var row = RowHistoryKey.With(read, stems);
                rows.Add(block is null ? row : row with { BrokenBlock = Blocked(table.Path, block, row.Location) });
                counted[(row.OperationId, row.ScenarioId)] = Ordinal(row.OperationId, row.ScenarioId);
            }
            else
            {
                invalid.Add(new InvalidEntry(table.Pack.Name, DiagnosticBag.At(table.Path, node), bag.Items));
            }
        }

        return index - before;
    }

    private static Diagnostic Blocked(string path, Contracts.BrokenEntry block, SourceLocation row)
    {
        var at = block.Diagnostics[0];
        return new Diagnostic(at.Code, row, $"The {block.Name} of {path} could not be loaded",
            $"{path} reports an error for it at {at.Location}, and the row may depend on it (an alias in the row may repeat what it holds)", $"Fix the error at {at.Location} (its own case); this row then loads.");
    }

    private static YamlSequenceNode? RowsNode(YamlNode root, string path, DiagnosticBag bag)
    {
        if (root is not YamlMappingNode map)
        {
            bag.Error(ErrorCodes.WrongNodeType, path, root, "A status table must be a mapping with 'rows:'", $"found a {Contracts.YamlMap.Kind(root)}");
            return null;
        }

        var reader = new Contracts.YamlMap(map, path, bag, ["rows", "description"], "a status table");
        var rows = reader.Get("rows");
        if (rows is YamlSequenceNode { Children.Count: > 0 } seq)
        {
            return seq;
        }

        if (rows is null || rows is YamlSequenceNode || Contracts.YamlMap.IsNull(rows))
        {
            bag.Error(ErrorCodes.EmptyTable, path, rows ?? root, "The status table has no rows", "a table needs at least one row under 'rows:'");
        }
        else
        {
            bag.Error(ErrorCodes.WrongNodeType, path, rows, "'rows' must be a list", $"found a {Contracts.YamlMap.Kind(rows)}",
                "Write each row as a list item below rows:, starting with '- ', as in rows: [{ op: ..., scenario: ..., expect: ... }].");
        }

        return null;
    }
}

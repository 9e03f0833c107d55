using System.Globalization;
using System.Xml;
using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// The run's parameters (the runsettings file's <c>TestRunParameters</c>, and <c>--test-parameter</c> on the command
/// line) as the NUnit adapter reads them, where that reading loses something silently: a name given twice (in the file,
/// or twice on the command line) makes it stop reading the settings (its dictionary refuses the second one), and then
/// the run's <c>--filter</c> is ignored and every case of every pack runs (measured: <c>--filter Category=notes</c> ran
/// 139 cases instead of 21); a file's parameter without a <c>value</c> attribute, or without a name, is skipped, and one with whitespace around its name is never read. Each is
/// one CT0303, at its line, so the cases send nothing.
/// </summary>
public static class RunParameters
{
    private const string Code = "CT0303";
    private const string Stops = "the NUnit adapter stops reading the run's settings at a name it has read before, and the run then ignores --filter: every case of every pack is listed, and none sends a request while this stands";

    private static readonly XmlReaderSettings Reading = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    /// <summary>The problems of the run's parameters: those of the file <c>--settings</c> names in <paramref name="args"/>, then those of its <c>--test-parameter</c> pairs.</summary>
    public static IReadOnlyList<Diagnostic> Of(IReadOnlyList<string> args) => [.. Check(Engine.SettingsArguments.Named(args)), .. CheckArguments(args)];

    /// <summary>
    /// The names <c>--test-parameter name=value</c> gives more than once in <paramref name="args"/> (one option may take
    /// several pairs); a name the file also has is fine, the command line's value replaces the file's. Values are never shown.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckArguments(IReadOnlyList<string> args)
    {
        var errors = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--test-parameter")
            {
                continue;
            }

            for (; i + 1 < args.Count && !args[i + 1].StartsWith('-'); i++)
            {
                var pair = args[i + 1];
                var name = pair.Contains('=', StringComparison.Ordinal) ? pair[..pair.IndexOf('=', StringComparison.Ordinal)] : pair;
                if (!seen.Add(name))
                {
                    errors.Add(new Diagnostic(Code, new SourceLocation($"arguments:--test-parameter {name}", 1, 1), $"--test-parameter gives '{name}' a second time", Stops,
                        $"Give '{name}' once on the command line."));
                }
            }
        }

        return errors;
    }

    /// <summary>The problems of the parameters in <paramref name="path"/>; none when there is no file or it is no XML (the test platform refuses that itself).</summary>
    public static IReadOnlyList<Diagnostic> Check(string? path)
    {
        var errors = new List<Diagnostic>();
        if (path is null || !File.Exists(path) || Files.PlainFile.NotRegular(path) is not null)
        {
            return errors;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(path, Reading);
            var info = (IXmlLineInfo)reader;
            var depth = new List<string>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                depth.RemoveRange(reader.Depth, depth.Count - reader.Depth);
                depth.Add(reader.LocalName);
                if (depth is ["RunSettings", "TestRunParameters", "Parameter"])
                {
                    Parameter(reader.GetAttribute("name"), reader.GetAttribute("value"), new SourceLocation(path, info.LineNumber, info.LinePosition), seen, errors);
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return errors; // the test platform reports a file it cannot read
        }

        return errors;
    }

    private static void Parameter(string? name, string? value, SourceLocation at, Dictionary<string, int> seen, List<Diagnostic> errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new Diagnostic(Code, at, "A Parameter without a name", "the NUnit adapter skips it, so its value is not used", "Give it name=\"<scope>.<key>\" (a setting of the README's table) or remove it."));
            return;
        }

        if (name.Trim() != name)
        {
            errors.Add(new Diagnostic(Code, at, $"Parameter '{name}' has whitespace around its name", $"the run reads '{name.Trim()}', and a name with whitespace is another one, so this setting is not used",
                $"Write name=\"{name.Trim()}\"."));
            return;
        }

        if (seen.TryGetValue(name, out var first))
        {
            errors.Add(new Diagnostic(Code, at, $"Parameter '{name}' is set a second time (first at line {first.ToString(CultureInfo.InvariantCulture)})",
                Stops,
                $"Keep one Parameter named '{name}'."));
            return;
        }

        seen[name] = at.Line;
        if (value is null)
        {
            errors.Add(new Diagnostic(Code, at, $"Parameter '{name}' has no value attribute", "the NUnit adapter reads only parameters with one, so this setting is not used",
                $"Write <Parameter name=\"{name}\" value=\"...\" />, or remove it."));
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Reporting.Allure;

/// <summary>One <c>&lt;uuid&gt;-result.json</c> in the Allure 2 results format, which Allure 3 reads as well.</summary>
internal sealed record AllureResult(
    string Uuid,
    string HistoryId,
    string TestCaseId,
    string FullName,
    string Name,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureParameter> Parameters,
    IReadOnlyList<AllureLabel> Labels,
    IReadOnlyList<AllureLink> Links,
    IReadOnlyList<AllureStep> Steps,
    IReadOnlyList<AllureAttachment> Attachments,
    string? Description = null,
    string? DescriptionHtml = null);

/// <summary><c>known</c>: a failure the table tracks (<c>known:</c>); Allure 3 files it as accepted, not as a new defect.</summary>
internal sealed record AllureStatusDetails(string? Message, string? Trace = null, bool Flaky = false, bool Known = false);

internal sealed record AllureStep(
    string Name,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureParameter> Parameters,
    IReadOnlyList<AllureAttachment> Attachments,
    IReadOnlyList<AllureStep> Steps);

internal sealed record AllureLabel(string Name, string Value);

internal sealed record AllureLink(string Name, string Url, string Type);

internal sealed record AllureParameter(string Name, string Value);

/// <summary>A reference from a result to an attachment file; <see cref="Source"/> is the file name in the results folder.</summary>
internal sealed record AllureAttachment(string Name, string Source, string Type);

/// <summary>An attachment's content before it is written: the file name suffix decides the extension.</summary>
internal sealed record AttachmentFile(string Name, string Extension, string MimeType, string Content);

/// <summary>The result plus the attachment files it references.</summary>
internal sealed record AllureCase(AllureResult Result, IReadOnlyList<(AllureAttachment Reference, AttachmentFile File)> Files);

/// <summary>
/// One <c>&lt;uuid&gt;-globals.json</c>: attachments and errors of the whole run, which Allure 3 shows under
/// <i>Global Attachments</i> and <i>Global Errors</i>, outside every test (Allure 2 does not read the file).
/// </summary>
internal sealed record AllureGlobals(IReadOnlyList<AllureGlobalAttachment> Attachments, IReadOnlyList<AllureStatusDetails> Errors);

/// <summary>A run-wide attachment: <see cref="Source"/> is the file name in the results folder, <see cref="Timestamp"/> in Unix milliseconds.</summary>
internal sealed record AllureGlobalAttachment(string Name, string Source, string Type, long Timestamp);

/// <summary>The globals plus the attachment files they reference.</summary>
internal sealed record AllureGlobalsFile(AllureGlobals Globals, IReadOnlyList<(AllureGlobalAttachment Reference, AttachmentFile File)> Files);

internal static class AllureJson
{
    /// <summary>The result files' options: those of the context, without indentation.</summary>
    private static readonly AllureJsonContext Compact = new(new JsonSerializerOptions(AllureJsonContext.Default.Options) { WriteIndented = false });

    public static string Serialize(AllureResult value) => JsonSerializer.Serialize(value, Compact.AllureResult);

    public static string Serialize(ExecutorInfo value) => JsonSerializer.Serialize(value, AllureJsonContext.Default.ExecutorInfo);

    public static string Serialize(IReadOnlyList<AllureCategory> value) => JsonSerializer.Serialize(value, AllureJsonContext.Default.IReadOnlyListAllureCategory);

    /// <summary>
    /// Writes UTF-8 straight to the stream, no intermediate string, and without indentation: one result file per case is
    /// read by Allure, not by a person (at 10,000 rows the indented files were 8.9 KB each against about 5 KB).
    /// </summary>
    public static void Serialize(Stream stream, AllureResult value) => JsonSerializer.Serialize(stream, value, Compact.AllureResult);

    public static void Serialize(Stream stream, AllureGlobals value) => JsonSerializer.Serialize(stream, value, AllureJsonContext.Default.AllureGlobals);
}

/// <summary>
/// Compile-time JSON metadata for the Allure files: no reflection per result (the writer serializes one result per case,
/// and reflection-based serialization was about a third of its CPU in bench/suites.sh's pipeline run).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(AllureResult))]
[JsonSerializable(typeof(AllureGlobals))]
[JsonSerializable(typeof(ExecutorInfo))]
[JsonSerializable(typeof(IReadOnlyList<AllureCategory>))]
internal sealed partial class AllureJsonContext : JsonSerializerContext;

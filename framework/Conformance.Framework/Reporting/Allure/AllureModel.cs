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

internal sealed record AllureStatusDetails(string? Message, string? Trace = null, bool Flaky = false);

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

internal static class AllureJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes UTF-8 straight to the stream: no intermediate string, same bytes as <see cref="Serialize{T}(T)"/>.</summary>
    public static void Serialize<T>(Stream stream, T value) => JsonSerializer.Serialize(stream, value, Options);
}

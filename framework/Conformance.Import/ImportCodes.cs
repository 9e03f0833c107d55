using Conformance.Diagnostics;

namespace Conformance.Import;

/// <summary>The importer's CT04xx codes (declared with the others in <see cref="ErrorCodes"/>).</summary>
internal static class ImportCodes
{
    public static ErrorCode Unreadable => ErrorCodes.OpenApiUnreadable;

    public static ErrorCode InvalidOption => ErrorCodes.InvalidImportOption;
}

namespace Conformance.Diagnostics;

/// <summary>
/// Every CT01xx (pack and table), CT03xx (target) and CT04xx (OpenAPI import) code, with what it means and the usual fix.
/// docs/ct-codes.md lists the same codes; a test keeps the two in step. CT02xx belong to the validator.
/// </summary>
public static class ErrorCodes
{
    public static readonly ErrorCode YamlSyntax = new("CT0101", "YAML syntax error", "Correct the YAML at the position shown; indent with spaces and quote values containing ': '.");
    public static readonly ErrorCode UnknownKey = new("CT0102", "Unknown key", "Use one of the keys the format defines (docs/pack-format.md); the message suggests the closest.");
    public static readonly ErrorCode UnknownCheck = new("CT0103", "Unknown check", "Name a check from the checks table in the README.");
    public static readonly ErrorCode UnknownScenario = new("CT0104", "Unknown scenario", "Name a built-in scenario (docs/pack-format.md) or add one.");
    public static readonly ErrorCode UnknownOperation = new("CT0105", "Unknown operation", "Declare the operation under 'operations' in api.yaml or fix the row's 'op'.");
    public static readonly ErrorCode MissingKey = new("CT0106", "Missing required key", "Add the key the message names.");
    public static readonly ErrorCode WrongNodeType = new("CT0107", "Value of the wrong kind", "Write a mapping, a list or a scalar as the message says.");
    public static readonly ErrorCode InvalidStatus = new("CT0108", "Invalid HTTP status", "Use a whole number from 100 to 599, or a class such as 4xx in api.yaml.");
    public static readonly ErrorCode SchemaFileMissing = new("CT0109", "Schema file not found", "Create the file or fix the path; paths are relative to the pack folder.");
    public static readonly ErrorCode InvalidSchema = new("CT0110", "Schema cannot be used", "Fix the schema errors listed with it (CT02xx).");
    public static readonly ErrorCode DuplicateRowId = new("CT0111", "Duplicate row id", "Give each row a unique 'id' within its pack.");
    public static readonly ErrorCode InvalidPointer = new("CT0112", "Invalid JSON Pointer", "Write a pointer such as /errors/0/field: starts with '/', '~0' for '~', '~1' for '/'.");
    public static readonly ErrorCode InvalidRegex = new("CT0113", "Invalid regular expression", "Fix the pattern (.NET regex syntax).");
    public static readonly ErrorCode EmptyTable = new("CT0114", "Empty status table", "Add rows under 'rows:' or delete the file.");
    public static readonly ErrorCode ScenarioArgument = new("CT0115", "Invalid scenario argument", "Give the scenario the 'with' keys its table lists (docs/pack-format.md).");
    public static readonly ErrorCode TabIndent = new("CT0116", "Tab character in YAML", "YAML indentation must use spaces; replace the tab.");
    public static readonly ErrorCode MissingApiFile = new("CT0117", "Pack has no api.yaml", "Create contracts/<api>/api.yaml (see docs/pack-format.md).");
    public static readonly ErrorCode InvalidHeaderAssertion = new("CT0118", "Invalid header assertion", "Use present, absent, pattern or format (delta-seconds, http-date, retry-after, media-type).");
    public static readonly ErrorCode PointerCannotMatch = new("CT0119", "Pointer cannot match the body contract", "Point at a location the row's schema allows, or fix the schema.");
    public static readonly ErrorCode InvalidSeverity = new("CT0120", "Invalid check severity", "Use error, warning or off.");
    public static readonly ErrorCode DuplicateKey = new("CT0121", "Duplicate key", "Keep one of the two entries.");
    public static readonly ErrorCode InvalidValue = new("CT0122", "Invalid value", "Use a value of the form the message names.");
    public static readonly ErrorCode UndocumentedExpectation = new("CT0123", "Expected status is not documented", "Add the code to 'statuses' in api.yaml, or fix the row: a row may only expect what the documentation promises.");
    public static readonly ErrorCode UnknownVariable = new("CT0124", "Unknown variable", "Declare the variable under vars: in api.yaml with its default value, or fix the name.");
    public static readonly ErrorCode UnreadableFile = new("CT0125", "File cannot be read", "Make the file readable or remove it (a symbolic link must point at a file that exists).");
    public static readonly ErrorCode NotUtf8 = new("CT0126", "File is not UTF-8", "Save the file as UTF-8 (the editor's encoding setting), then check the characters the message points at.");
    public static readonly ErrorCode InvalidBaseUrl = new("CT0301", "Invalid target base URL", "Set <api>.baseUrl or CONFORMANCE_<API>_BASEURL to an absolute http(s) URL.");
    public static readonly ErrorCode HostNotAllowed = new("CT0302", "Target host not allowed", "Add the host to conformance.allowedHosts, or point the pack at an allowed host.");
    public static readonly ErrorCode InvalidSetting = new("CT0303", "Invalid run setting", "Give the setting a value of the type the message names.");
    public static readonly ErrorCode MissingCredential = new("CT0304", "No credential for the target", "Set <api>.token or CONFORMANCE_<API>_TOKEN (from your secret store); without one only the no_auth and bad_auth rows are sent.");
    public static readonly ErrorCode UnknownSetting = new("CT0305", "Unknown setting", "Use a setting the README's settings table lists (CONFORMANCE_<API>_<KEY> in the environment, <api>.<key> in runsettings).");
    public static readonly ErrorCode OpenApiUnreadable = new("CT0401", "OpenAPI document cannot be imported", "Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.");
    public static readonly ErrorCode InvalidImportOption = new("CT0402", "Invalid import option", "Name the document, the pack (--name) and, if the folder is not contracts/<name>, where to write it (--out).");
    public static readonly ErrorCode BodyNotDrafted = new("CT0403", "Request body not drafted", "Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).");

    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        YamlSyntax, UnknownKey, UnknownCheck, UnknownScenario, UnknownOperation, MissingKey, WrongNodeType,
        InvalidStatus, SchemaFileMissing, InvalidSchema, DuplicateRowId, InvalidPointer, InvalidRegex, EmptyTable,
        ScenarioArgument, TabIndent, MissingApiFile, InvalidHeaderAssertion, PointerCannotMatch, InvalidSeverity,
        DuplicateKey, InvalidValue, UndocumentedExpectation, UnknownVariable, UnreadableFile, NotUtf8, InvalidBaseUrl, HostNotAllowed, InvalidSetting,
        MissingCredential, UnknownSetting,         OpenApiUnreadable, InvalidImportOption, BodyNotDrafted,
    ];
}

/// <summary>A CT error code with its title and the usual fix.</summary>
public sealed record ErrorCode(string Code, string Title, string Fix);

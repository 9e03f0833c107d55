namespace Conformance.ReferenceApi;

/// <summary>
/// Fault switches: each plants one contract violation in the reference API so detection tests can prove a
/// check catches it. docs/faults.md lists the rows each one affects and the check that must fail.
/// </summary>
public static class Faults
{
    public const string WrongStatus = "wrong_status";
    public const string UndocumentedStatus = "undocumented_status";
    public const string MissingRequiredField = "missing_required_field";
    public const string WrongFieldType = "wrong_field_type";
    public const string ErrorCodeOutsideEnum = "error_code_outside_enum";
    public const string HtmlErrorPage = "html_error_page";
    public const string WrongContentType = "wrong_content_type";
    public const string MissingRetryAfter = "missing_retry_after";
    public const string InvalidRetryAfter = "invalid_retry_after";
    public const string MissingAllow = "missing_allow";
    public const string AllowListsRejectedMethod = "allow_lists_rejected_method";
    public const string MissingWwwAuthenticate = "missing_www_authenticate";
    public const string MissingLocation = "missing_location";
    public const string BodyOn204Or304 = "body_on_204_304";
    public const string Unconditional304 = "unconditional_304";
    public const string ServerErrorFor4xx = "server_error_for_4xx";
    public const string SlowResponse = "slow_response";
    public const string BadBatch207 = "bad_batch_207";
    public const string UnknownEndpoint200 = "unknown_endpoint_200";
    public const string EmptyJsonBody = "empty_json_body";

    /// <summary>Every fault id, in the order docs/faults.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        WrongStatus, UndocumentedStatus, MissingRequiredField, WrongFieldType, ErrorCodeOutsideEnum,
        HtmlErrorPage, WrongContentType, MissingRetryAfter, InvalidRetryAfter, MissingAllow,
        AllowListsRejectedMethod, MissingWwwAuthenticate, MissingLocation, BodyOn204Or304, Unconditional304,
        ServerErrorFor4xx, SlowResponse, BadBatch207, UnknownEndpoint200, EmptyJsonBody,
    ];
}

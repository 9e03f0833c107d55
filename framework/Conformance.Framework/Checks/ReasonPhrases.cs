namespace Conformance.Checks;

/// <summary>
/// The registered HTTP reason phrases (RFC 9110 section 15 and the IANA status code registry), used to name a status in
/// check messages. A pack's own meaning of a status is often a paragraph of its documentation; it stays in the scorecard.
/// </summary>
internal static class ReasonPhrases
{
    /// <summary>The phrase of <paramref name="status"/>, or null for a code the registry does not name.</summary>
    public static string? Of(int status) => status switch
    {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        511 => "Network Authentication Required",
        _ => null,
    };

    /// <summary>
    /// A short name taken from a pack's meaning, for a documented code the registry does not name: the words before
    /// the first dash, colon, full stop or parenthesis (<c>Client Closed Request – the caller hung up ...</c> gives
    /// <c>Client Closed Request</c>), at most 40 characters.
    /// </summary>
    public static string Head(string meaning)
    {
        var end = meaning.Length;
        foreach (var stop in new[] { " – ", " — ", " - ", ": ", ". ", " (" })
        {
            var at = meaning.IndexOf(stop, StringComparison.Ordinal);
            end = at > 0 && at < end ? at : end;
        }

        var head = meaning[..end].Trim().TrimEnd('.');
        return head.Length <= 40 ? head : head[..40].TrimEnd() + "...";
    }
}

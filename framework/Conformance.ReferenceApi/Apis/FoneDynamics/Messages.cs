using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>Send (validated To/From/Text), search by date range, and read one message.</summary>
internal static partial class Messages
{
    public const string Known = "MS9A0C0305E82C33013F2504E04F8911D3";
    private const int MaxText = 1600;
    private static readonly string[] Required = ["To", "From", "Text"];

    public static Reply Send(Call call) => Properties.Check(call) ?? (Validate(call.Body) is { } problem
        ? call.Api.Fail(problem)
        : Reply.Ok(new JsonObject { ["Message"] = Message("MS00C0FFEE00000000000000000000A001", call.Body) }));

    public static Reply List(Call call)
    {
        if (Properties.Check(call) is { } denied)
        {
            return denied;
        }

        var from = Date(call.Query("DateFrom"));
        var to = Date(call.Query("DateTo"));
        if (from is null || to is null)
        {
            var field = from is null ? "DateFrom" : "DateTo";
            return call.Fail(ProblemKind.InvalidField, field, "PARAMETER_INVALID", $"'{field}' must be a yyyy-MM-dd date.");
        }

        return from > to
            ? call.Fail(ProblemKind.InvalidField, code: "INVALID_DATE_RANGE", detail: "DateFrom is after DateTo.")
            : Reply.Ok(new JsonObject { ["Messages"] = new JsonArray(Sample()) });
    }

    public static Reply Get(Call call) => call.Route("MessageSid") == Known
        ? Reply.Ok(new JsonObject { ["Message"] = Sample() })
        : call.Fail(ProblemKind.NotFound, "MessageSid", "MESSAGE_NOT_FOUND", "A matching SMS message could not be found.");

    private static Problem? Validate(JsonObject body)
    {
        if (Required.FirstOrDefault(f => Fields.Text(body[f]) is null) is { } field)
        {
            return body[field] is null
                ? new Problem(ProblemKind.MissingField, field)
                : new Problem(ProblemKind.InvalidField, field, "PARAMETER_INVALID");
        }

        if (!Fields.IsPhone(body["To"]))
        {
            return new Problem(ProblemKind.InvalidField, "To", "INVALID_PHONENUMBER_FORMAT", "'To' is not in the expected format (E.164).");
        }

        if (!Fields.IsPhone(body["From"]) && !SenderId().IsMatch(Fields.Text(body["From"])!))
        {
            return new Problem(ProblemKind.InvalidField, "From", "INVALID_SMS_SENDER", "'From' must be a number or an alphanumeric sender id.");
        }

        return Fields.Text(body["Text"])!.Length > MaxText
            ? new Problem(ProblemKind.TooLong, "Text", Detail: $"max {MaxText} characters")
            : null;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static JsonObject Sample() => Message(Known, new JsonObject
    {
        ["From"] = "+61400000001",
        ["To"] = "+61400000002",
        ["Text"] = "Your booking is confirmed for 10:00.",
    }, "DELIVERED");

    private static JsonObject Message(string sid, JsonObject body, string status = "QUEUED") => new()
    {
        ["MessageSid"] = sid,
        ["PropertySid"] = Properties.Own,
        ["From"] = body["From"]!.DeepClone(),
        ["To"] = body["To"]!.DeepClone(),
        ["Text"] = body["Text"]!.DeepClone(),
        ["Direction"] = "TRANSMIT",
        ["Status"] = status,
    };

    [GeneratedRegex("^[A-Za-z0-9]{1,11}$")]
    private static partial Regex SenderId();
}

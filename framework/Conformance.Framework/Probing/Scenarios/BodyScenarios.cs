using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Probing.Scenarios;

/// <summary><c>missing_field</c>: the baseline body without one field.</summary>
internal sealed class MissingFieldScenario : RequestScenario
{
    public override string Id => "missing_field";

    public override IReadOnlyList<string> Arguments => ["field"];

    public override IReadOnlyList<string> Required => ["field"];

    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) => BodyEdit.RequireField(operation, with);

    protected override ProbeRequest Build(ScenarioInput input) =>
        Baseline.WithBody(input.Baseline, input.Operation, BodyEdit.Remove(input.Operation.Body!, BodyEdit.Pointer(input.Text("field")!)));
}

/// <summary><c>invalid_field</c>: the baseline body with one field set to an invalid value.</summary>
internal sealed class InvalidFieldScenario : RequestScenario
{
    public override string Id => "invalid_field";

    public override IReadOnlyList<string> Arguments => ["field", "value"];

    public override IReadOnlyList<string> Required => ["field", "value"];

    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) => BodyEdit.RequireField(operation, with);

    protected override ProbeRequest Build(ScenarioInput input) =>
        Baseline.WithBody(input.Baseline, input.Operation, BodyEdit.Set(input.Operation.Body!, BodyEdit.Pointer(input.Text("field")!), input.With["value"]));
}

/// <summary><c>too_long_field</c>: the baseline body with one field set to a very long string.</summary>
internal sealed class TooLongFieldScenario : RequestScenario
{
    public override string Id => "too_long_field";

    public override IReadOnlyList<string> Arguments => ["field", "length"];

    public override IReadOnlyList<string> Required => ["field"];

    /// <summary>The longest text the scenario sends; a longer <c>length:</c> is refused rather than cut silently.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>A <c>length:</c> that is not a whole number from 1 to <see cref="MaxLength"/> is refused: it would send the default 10,000 silently.</summary>
    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) =>
        with.TryGetValue("length", out var length) && !(length is JsonValue v && long.TryParse(v.TryGetValue<string>(out var text) ? text : v.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLength)
            ? new ScenarioProblem($"'length' of scenario 'too_long_field' is {(length is null ? "empty" : $"'{(length is JsonValue t && t.TryGetValue<string>(out var s) ? s : length.ToJsonString())}'")}",
                $"a length is a whole number from 1 to 1,000,000, and the probe would send the default 10,000 characters instead", $"Write a whole number from 1 to {MaxLength}, or remove length: for 10,000.")
            : BodyEdit.RequireField(operation, with);

    protected override ProbeRequest Build(ScenarioInput input)
    {
        var length = int.TryParse(input.Text("length"), out var n) && n > 0 ? Math.Min(n, MaxLength) : 10_000;
        var body = BodyEdit.Set(input.Operation.Body!, BodyEdit.Pointer(input.Text("field")!), JsonValue.Create(new string('x', length)));
        return Baseline.WithBody(input.Baseline, input.Operation, body);
    }
}

/// <summary><c>malformed_json</c>: a body that is not JSON, labelled as JSON.</summary>
internal sealed class MalformedJsonScenario : RequestScenario
{
    public override string Id => "malformed_json";

    protected override ProbeRequest Build(ScenarioInput input) => input.Baseline.WithBody("{\"broken\": ", "application/json");
}

/// <summary><c>wrong_content_type</c>: the baseline body under another Content-Type.</summary>
internal sealed class WrongContentTypeScenario : RequestScenario
{
    public override string Id => "wrong_content_type";

    public override IReadOnlyList<string> Arguments => ["contentType"];

    public override ScenarioProblem? Validate(Operation operation, IReadOnlyDictionary<string, JsonNode?> with) =>
        ScenarioText.Check(with, "contentType", Id, "the Content-Type header");

    protected override ProbeRequest Build(ScenarioInput input) =>
        input.Baseline.WithBody(input.Baseline.Body ?? "{}", input.Text("contentType") ?? "text/plain");
}

/// <summary><c>params_in_body</c>: a GET whose query parameters travel in a JSON body instead of the URL (a repeated name as a list).</summary>
internal sealed class ParamsInBodyScenario : RequestScenario
{
    public override string Id => "params_in_body";

    protected override ProbeRequest Build(ScenarioInput input)
    {
        // A name the query repeats (tag=a&tag=b, a list in api.yaml) goes as the list of its values.
        var body = new JsonObject();
        foreach (var group in input.Baseline.Query.GroupBy(q => q.Key, StringComparer.Ordinal))
        {
            body[group.Key] = group.Count() == 1 ? group.First().Value : new JsonArray([.. group.Select(q => (JsonNode?)q.Value)]);
        }

        if (body.Count == 0)
        {
            body["per_page"] = 10;
        }

        return input.Baseline.WithBody(JsonText.Of(body), "application/json") with { Query = [] };
    }
}

/// <summary>
/// <c>form_body</c>: a write whose body is sent form-encoded (<see cref="FormEncoding"/>) instead of as JSON; for an
/// operation with <c>bodyType: form</c>, the baseline itself.
/// </summary>
internal sealed class FormBodyScenario : RequestScenario
{
    public override string Id => "form_body";

    protected override ProbeRequest Build(ScenarioInput input) =>
        input.Baseline.WithBody(FormEncoding.Encode(input.Operation.Body), FormEncoding.ContentType);
}

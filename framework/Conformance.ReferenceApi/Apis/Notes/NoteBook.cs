using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.Notes;

/// <summary>
/// Notes: 11001 to read, 11301-11320 to delete (200 once, then 404, per server); the first note created gets
/// the page's example id, 11027.
/// </summary>
internal sealed class NoteBook
{
    private const int MaxBody = 5000;
    private readonly ConcurrentDictionary<long, JsonObject> notes = new();
    private long lastId = 11026;

    public NoteBook()
    {
        notes[11001] = Note(11001, 1001, "Called to confirm the appointment.");
        for (long id = 11301; id <= 11320; id++)
        {
            notes[id] = Note(id, 1002, "Disposable note.");
        }
    }

    public Reply Create(Call call)
    {
        var body = call.Body;
        if (Validate(body) is { } problem)
        {
            return call.Api.Fail(problem);
        }

        var id = Interlocked.Increment(ref lastId);
        notes[id] = Note(id, body["customer_id"]!.GetValue<long>(), Fields.Text(body["body"])!);
        return Reply.Ok(new JsonObject { ["ok"] = true, ["id"] = id, ["note"] = notes[id].DeepClone() }, 201)
            .WithHeader("Location", call.Link($"/v1/notes/{id}"));
    }

    public Reply Get(Call call) => Id(call) is { } id && notes.TryGetValue(id, out var note)
        ? Reply.Ok(note.DeepClone())
        : call.Fail(ProblemKind.NotFound, "note");

    public Reply Delete(Call call) => Id(call) is { } id && notes.TryRemove(id, out _)
        ? Reply.Ok(new JsonObject { ["ok"] = true, ["id"] = id })
        : call.Fail(ProblemKind.NotFound, "note");

    private static Problem? Validate(JsonObject body)
    {
        if (body["customer_id"] is null)
        {
            return new Problem(ProblemKind.MissingField, "customer_id");
        }

        if (!Fields.IsInteger(body["customer_id"]) || !Customers.Exists(body["customer_id"]!.GetValue<long>()))
        {
            return new Problem(ProblemKind.InvalidField, "customer_id", Detail: "must be the id of one of your customers");
        }

        var text = Fields.Text(body["body"]);
        return body["body"] is null ? new Problem(ProblemKind.MissingField, "body")
            : text is null ? new Problem(ProblemKind.InvalidField, "body", Detail: "must be a string")
            : text.Length > MaxBody ? new Problem(ProblemKind.TooLong, "body", Detail: $"at most {MaxBody} characters")
            : null;
    }

    private static long? Id(Call call) =>
        long.TryParse(call.Route("note_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static JsonObject Note(long id, long customer, string text) => new()
    {
        ["id"] = id,
        ["customer_id"] = customer,
        ["body"] = text,
        ["created_at"] = "2018-02-22T20:55:57Z",
    };
}

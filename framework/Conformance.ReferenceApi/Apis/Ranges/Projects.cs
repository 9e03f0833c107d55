using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.Ranges;

/// <summary>
/// Projects: prj_1001/prj_1002 to read and patch (patches are answered, not stored), prj_1301 to prj_1320 to
/// delete (204 once, then 404, per server), created ones from prj_2001.
/// </summary>
internal sealed partial class Projects
{
    private const int MaxName = 200;
    private static readonly string[] Visibilities = ["private", "team", "public"];
    private readonly ConcurrentDictionary<string, JsonObject> projects = new(StringComparer.Ordinal);
    private int lastId = 2000;

    public Projects()
    {
        projects["prj_1001"] = Project("prj_1001", "Website refresh", "usr_1001");
        projects["prj_1002"] = Project("prj_1002", "Spring launch", "usr_1001");
        for (var n = 1301; n <= 1320; n++)
        {
            projects[$"prj_{n}"] = Project($"prj_{n}", "Disposable project", "usr_1002");
        }
    }

    public Reply List(Call call) => Reply.Ok(new JsonObject
    {
        // One snapshot: a key read first and indexed later may be deleted in between by a parallel DELETE.
        ["data"] = new JsonArray([.. projects.ToArray().OrderBy(p => p.Key, StringComparer.Ordinal).Take(20).Select(p => p.Value.DeepClone())]),
        ["has_more"] = projects.Count > 20,
    });

    public Reply Create(Call call)
    {
        var body = call.Body;
        var problem = Required(body, "name") ?? Required(body, "owner_id") ?? Check(body);
        if (problem is not null)
        {
            return call.Api.Fail(problem);
        }

        var id = $"prj_{Interlocked.Increment(ref lastId)}";
        var project = Project(id, Fields.Text(body["name"])!, Fields.Text(body["owner_id"])!, Fields.Text(body["visibility"]));
        projects[id] = project;
        return Reply.Ok(project.DeepClone(), 201).WithHeader("Location", call.Link($"/v1/projects/{id}"));
    }

    public Reply Get(Call call) => projects.TryGetValue(call.Route("project_id"), out var project)
        ? Reply.Ok(project.DeepClone())
        : call.Fail(ProblemKind.NotFound, "project");

    public Reply Update(Call call)
    {
        if (!projects.TryGetValue(call.Route("project_id"), out var project))
        {
            return call.Fail(ProblemKind.NotFound, "project");
        }

        if (Check(call.Body) is { } problem)
        {
            return call.Api.Fail(problem);
        }

        var patched = project.DeepClone().AsObject();
        foreach (var (name, value) in call.Body.Where(p => p.Key is "name" or "visibility"))
        {
            patched[name] = value?.DeepClone();
        }

        return Reply.Ok(patched);
    }

    public Reply Delete(Call call) => projects.TryRemove(call.Route("project_id"), out _)
        ? new Reply(204)
        : call.Fail(ProblemKind.NotFound, "project");

    private static Problem? Required(JsonObject body, string field) =>
        body[field] is null ? new Problem(ProblemKind.MissingField, field) : null;

    /// <summary>Values present must be valid: name a 1-200 character string, owner_id usr_n, a known visibility.</summary>
    private static Problem? Check(JsonObject body)
    {
        if (body.ContainsKey("name") && Fields.Text(body["name"]) is not { Length: > 0 })
        {
            return new Problem(ProblemKind.InvalidField, "name", Detail: "must be a non-empty string");
        }

        if (Fields.Text(body["name"]) is { Length: > MaxName })
        {
            return new Problem(ProblemKind.TooLong, "name", Detail: $"must be at most {MaxName} characters");
        }

        if (body.ContainsKey("owner_id") && !(Fields.Text(body["owner_id"]) is { } owner && OwnerPattern().IsMatch(owner)))
        {
            return new Problem(ProblemKind.InvalidField, "owner_id", Detail: "must look like usr_1001");
        }

        return body.ContainsKey("visibility") && !Visibilities.Contains(Fields.Text(body["visibility"]))
            ? new Problem(ProblemKind.InvalidField, "visibility", Detail: "must be one of private, team, public")
            : null;
    }

    private static JsonObject Project(string id, string name, string owner, string? visibility = "private") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["owner_id"] = owner,
        ["visibility"] = visibility ?? "private",
    };

    [GeneratedRegex("^usr_[0-9]+$")]
    private static partial Regex OwnerPattern();
}

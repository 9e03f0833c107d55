using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.Notes;

/// <summary>contracts/notes, served under /notes. Answers JSON whatever Accept says (406 is not documented).</summary>
internal sealed class NotesApi : IReferenceApi
{
    private readonly NoteBook notes = new();

    public ApiProfile Profile { get; } = new(
        "notes",
        new AuthScheme("Authorization", "Bearer notes-reference-token", "Bearer realm=\"notes\""),
        NotesErrors.Describe,
        NotesErrors.Faults)
    {
        IgnoresAccept = true,
    };

    public void Map(ApiRoutes routes)
    {
        routes.Map("/v1/notes", MethodRoute.Post(notes.Create));
        routes.Map("/v1/notes/{note_id}", MethodRoute.Get(notes.Get), MethodRoute.Delete(notes.Delete));
        routes.Map("/v1/customers/{customer_id}", MethodRoute.Get(Customers.Get), MethodRoute.Delete(Customers.Delete));
        routes.Map("/v1/reports/{report_id}/result", MethodRoute.Get(Customers.ReportResult));
        routes.Map(
            "/v1/payments",
            MethodRoute.Get(Customers.Payments),
            new MethodRoute("POST", call => call.Fail(ProblemKind.NotImplemented, detail: "POST")) { Allowed = false });
    }
}

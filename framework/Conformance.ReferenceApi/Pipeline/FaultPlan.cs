using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>
/// Bends a faithful reply into a faulty one, one switch at a time (docs/faults.md). Faults that need handler
/// knowledge (unconditional_304, bad_batch_207) live in their handlers; slow_response lives in the writer.
/// </summary>
internal static class FaultPlan
{
    public static Reply Apply(Reply reply, HttpRequest request, ApiRuntime api)
    {
        if (api.Options.Faults.Count == 0)
        {
            return reply;
        }

        reply = Statuses(reply, api);
        reply = Bodies(reply, api);
        reply = Headers(reply, request, api);
        return Media(Emptied(reply, request, api), api);
    }

    private static Reply Statuses(Reply reply, ApiRuntime api) => reply.Problem?.Kind switch
    {
        ProblemKind.NotFound when api.Has(Faults.WrongStatus) => reply with { Status = api.Profile.WrongNotFoundStatus },
        ProblemKind.Forbidden when api.Has(Faults.UndocumentedStatus) => reply with { Status = 418 },
        _ when reply.Problem is { IsValidation: true } && api.Has(Faults.ServerErrorFor4xx) => reply with { Status = 500 },
        _ => reply,
    };

    private static Reply Bodies(Reply reply, ApiRuntime api)
    {
        var faults = api.Profile.BodyFaults;
        if (reply.Json is not JsonObject json || !faults.Targets(reply))
        {
            return reply;
        }

        var body = json.DeepClone().AsObject();
        Mutate(api, Faults.MissingRequiredField, faults.DropRequired, body);
        Mutate(api, Faults.WrongFieldType, faults.WrongType, body);
        Mutate(api, Faults.ErrorCodeOutsideEnum, faults.OutsideEnum, body);
        return reply with { Json = body };
    }

    private static void Mutate(ApiRuntime api, string fault, Action<JsonObject>? mutation, JsonObject body)
    {
        if (mutation is not null && api.Has(fault))
        {
            mutation(body);
        }
    }

    private static Reply Headers(Reply reply, HttpRequest request, ApiRuntime api)
    {
        var kind = reply.Problem?.Kind;
        if (kind is ProblemKind.MissingCredentials or ProblemKind.BadCredentials && api.Has(Faults.MissingWwwAuthenticate))
        {
            reply = reply.WithoutHeader("WWW-Authenticate");
        }

        if (kind is ProblemKind.MethodNotAllowed)
        {
            reply = api.Has(Faults.MissingAllow) ? reply.WithoutHeader("Allow")
                : api.Has(Faults.AllowListsRejectedMethod) ? reply.WithHeader("Allow", $"{reply.Header("Allow")}, {request.Method}")
                : reply;
        }

        if (kind is ProblemKind.RateLimited)
        {
            reply = api.Has(Faults.MissingRetryAfter) ? reply.WithoutHeader("Retry-After")
                : api.Has(Faults.InvalidRetryAfter) ? reply.WithHeader("Retry-After", "soon")
                : reply;
        }

        var redirect = reply.Status is 201 or (>= 300 and < 400 and not 304);
        return redirect && api.Has(Faults.MissingLocation) ? reply.WithoutHeader("Location") : reply;
    }

    /// <summary>empty_json_body: a 2xx answer to DELETE keeps its JSON Content-Type but sends no body.</summary>
    private static Reply Emptied(Reply reply, HttpRequest request, ApiRuntime api) =>
        api.Has(Faults.EmptyJsonBody) && HttpMethods.IsDelete(request.Method) && reply is { Status: >= 200 and < 300, Json: not null }
            ? reply with { Json = null, Text = string.Empty, ContentType = "application/json; charset=utf-8" }
            : reply;

    private static Reply Media(Reply reply, ApiRuntime api)
    {
        if (reply.Status is 204 or 304 && api.Has(Faults.BodyOn204Or304))
        {
            reply = reply with { Json = new JsonObject { ["status"] = reply.Status } };
        }

        if (reply.Status >= 400 && api.Has(Faults.HtmlErrorPage))
        {
            var page = $"<!DOCTYPE html><html><head><title>Error {reply.Status}</title></head>"
                + $"<body><h1>Error {reply.Status}</h1><p>Something went wrong.</p></body></html>";
            reply = reply with { Json = null, Text = page, ContentType = "text/html; charset=utf-8" };
        }

        return reply.Json is not null && api.Has(Faults.WrongContentType)
            ? reply with { ContentType = "text/plain; charset=utf-8" }
            : reply;
    }
}
